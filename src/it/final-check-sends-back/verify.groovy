import groovy.json.JsonSlurper

// Issue 19: a final check that implicates one of three tasks sends only that task back.
def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def generations = requests*.messagesText().findAll { !it.contains('You review Java code') }
def about = { task -> generations.findAll { it.contains("Task `${task}`") } }

// One request each for the two tasks the final check did not charge; two for discount, the second
// carrying the spec's failure from the final check.
assert about('price-format').size() == 1 : about('price-format').size()
assert about('basket').size() == 1 : about('basket').size()
assert about('discount').size() == 2 : about('discount').size()
assert about('discount')[1].contains('expected: <1692> but was: <1691>')
assert about('discount')[1].contains('whole test suite')
assert !about('price-format')[0].contains('Verification failed') && !about('basket')[0].contains('Verification failed')

// Each task passed its round at once; the final check charged discount alone, which verified again.
['price-format', 'basket', 'discount'].each { assert log.contains("[${it}] verified after 1 attempt(s)") }
def failed = log.readLines().find { it.contains('autocoder: final check failed') }
assert failed != null && failed.contains('[discount] [test] CheckoutSpec.aDiscountedPriceIsRoundedHalfUpToTheCent') : failed
assert !failed.contains('[basket]') && !failed.contains('[price-format]') : failed
assert log.contains('[discount] verified after 2 attempt(s)')
assert log.contains('autocoder: final check passed')
assert !log.contains('independently of the generated code')

// The lock file holds the code that passed the final check, never the truncating one.
def lock = new JsonSlurper().parse(new File(basedir, 'src/main/autocoder/autocoder.lock.json'))
assert lock.tasks*.task.sort() == ['basket', 'discount', 'price-format']
def discount = lock.tasks.find { it.task == 'discount' }.files*.content.join('\n')
assert discount.contains('+ 50) / 100') : discount
assert new File(basedir, 'target/surefire-reports/TEST-com.acme.shop.CheckoutSpec.xml').text.contains('failures="0"')
assert log.contains('BUILD SUCCESS')
true

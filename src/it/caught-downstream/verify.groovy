import groovy.json.JsonSlurper

// Issue 19: a generated class whose mistake only a downstream module's test catches. The round
// passes on pricing's own tests; the final check builds storefront too and sends the task back.
def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def task = 'loyalty-discount'
def feedbackText = 'expected: <94.05> but was: <99.00>'
def right = 'years >= MIN_YEARS'
def wrong = 'years > MIN_YEARS'

// Two generations: the wrong first answer, then the right one, asked for with storefront's failure.
def generations = requests*.messagesText().findAll { !it.contains('You review Java code') }
assert generations.size() == 2 : "generation requests: " + generations.size()
assert generations.every { it.contains("Task `${task}`") }
assert !generations[0].contains(feedbackText)
assert generations[1].contains(feedbackText) : 'the second request does not carry the failing assertion: ' + generations[1]
assert generations[1].contains('CheckoutDeskTest') : 'the second request does not name the failing test: ' + generations[1]

// Attempt 1 passed its round (pricing's tests pass with it); the final check, which builds
// storefront, failed on CheckoutDeskTest and charged the task; attempt 2 verified and the final
// check passed with storefront in it.
assert log.contains("[${task}] attempt 1: passed") : lines.findAll { it.contains("[${task}]") }
assert log.contains("[${task}] verified after 1 attempt(s)")
def failedAt = lines.findIndexOf { it.contains('autocoder: final check failed') }
assert failedAt >= 0 : 'the final check did not fail'
def failed = lines[failedAt]
assert failed.contains('CheckoutDeskTest') : failed
assert failed.contains("[${task}]") : 'the final check did not charge the task: ' + failed
assert log.contains("[${task}] attempt 2: passed")
assert log.contains("[${task}] verified after 2 attempt(s)")
assert !log.contains("[${task}] attempt 3")
assert !log.contains("[${task}] not verified")
def passedAt = lines.findIndexOf { it.contains('autocoder: final check passed') }
assert passedAt > failedAt : 'no final check passed after the failed one: ' + lines.findAll { it.contains('autocoder: final check') }
def passed = lines[passedAt]
assert !passed.contains('are not part of it') : 'the final check left storefront out: ' + passed
assert !log.contains('independently of the generated code')

// The right code was written and locked, never the wrong one.
def pricing = new File(basedir, 'pricing')
def generated = new File(pricing, 'target/generated-sources/autocoder/com/acme/pricing/LoyaltyDiscount.java')
assert generated.isFile()
assert generated.text.contains(right) && !generated.text.contains(wrong) : generated.text
def lockFile = new File(pricing, 'src/main/autocoder/autocoder.lock.json')
assert lockFile.isFile() : 'no lock file'
def entry = new JsonSlurper().parse(lockFile).tasks.find { it.task == task }
assert entry != null : 'the task is not locked: ' + lockFile.text
def locked = entry.files*.content.join('\n')
assert locked.contains(right) && !locked.contains(wrong) : locked
assert !lockFile.text.contains(wrong)

// The outer build ran pricing's tests and then storefront's on the verified code.
['PriceListTest', 'QuoteServiceTest'].each {
    def report = new File(pricing, "target/surefire-reports/TEST-com.acme.pricing.${it}.xml")
    assert report.isFile() && report.text.contains('failures="0"') && report.text.contains('errors="0"') : it
}
def report = new File(basedir, 'storefront/target/surefire-reports/TEST-com.acme.storefront.CheckoutDeskTest.xml')
assert report.isFile() && report.text.contains('tests="2"') && report.text.contains('failures="0"')
        && report.text.contains('errors="0"') : 'storefront did not pass'
assert log.contains('BUILD SUCCESS')
true

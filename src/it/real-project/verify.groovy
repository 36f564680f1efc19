import java.security.MessageDigest

def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def service = new File(basedir, 'service')
def task = '[shipping-quote]'

// Two answers, the first wrong in its logic only; reviews come on top and are told apart by
// their system prompt.
def texts = requests*.messagesText()
def generations = texts.findAll { !it.contains('You review Java code') }
def reviews = texts.findAll { it.contains('You review Java code') }
assert generations.size() == 2 : "generation requests: " + generations.size()
assert generations.every { it.contains('Task `shipping-quote`') }
assert reviews.size() >= 1 : 'the passing attempt was reviewed'

// The first attempt failed the acceptance test, and only for the reason the candidate caused.
assert log.contains("${task} attempt 1: failed, [test] ") : 'attempt 1 failed a test'
def attempt1 = log.readLines().find { it.contains("${task} attempt 1: failed") }
assert attempt1.contains('ShippingCalculatorTest') : attempt1
assert log.contains("${task} attempt 2: passed")
assert log.contains("${task} verified after 2 attempt(s)")
assert !log.contains("${task} attempt 3")

// The tests the candidate cannot affect never failed in a verification build: neither in the
// log nor in what the model was told.
def bystanders = ['CarrierDirectoryTest', 'RegionSettingsTest', 'OrderClockTest', 'DeploymentProfileTest',
                  'BuildInfoTest', 'OrderLineTest']
def taskLines = log.readLines().findAll { it.contains(task) }
bystanders.each { test -> assert !taskLines.any { it.contains(test) } : "${test} was blamed: " + taskLines }
def feedback = generations[1].substring(generations[1].indexOf('Verification failed'))
assert generations[1].contains('Verification failed') : 'the second request carries the feedback'
assert feedback.contains('ShippingCalculatorTest') : feedback
bystanders.each { test -> assert !feedback.contains(test) : "${test} was sent to the model: " + feedback }
['cannot find symbol', 'package lombok does not exist', '[checkstyle]', '[compile]'].each { finding ->
    assert !feedback.contains(finding) : "${finding} was sent to the model: " + feedback
}
assert !log.contains('independently of the generated code') : 'no failure was put down to the project'

// The verified class went to the generated sources, was compiled by the outer build and the
// outer build ran every hand-written test with it.
def generated = new File(service, 'target/generated-sources/autocoder/com/acme/shop/service/ShippingCalculator.java')
assert generated.isFile()
assert generated.text.contains('startedKilograms') : 'the second answer was written, not the first'
assert new File(service, 'target/classes/com/acme/shop/service/ShippingCalculator.class').isFile()
assert new File(service, 'target/classes/com/acme/shop/service/build-info.properties').text.contains('app.version=2.3.0-SNAPSHOT')

def reports = [
    (new File(basedir, 'domain')): ['com.acme.shop.domain.OrderLineTest'],
    (service): ['ShippingCalculatorTest', 'CarrierDirectoryTest', 'RegionSettingsTest', 'OrderClockTest',
                'DeploymentProfileTest', 'BuildInfoTest'].collect { 'com.acme.shop.service.' + it },
]
reports.each { module, tests ->
    tests.each { test ->
        def report = new File(module, "target/surefire-reports/TEST-${test}.xml")
        assert report.isFile() : "${test} did not run in the outer build"
        def suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(report).documentElement
        def count = { String name -> suite.getAttribute(name).toInteger() }
        assert count('tests') > 0 : test
        assert count('failures') == 0 && count('errors') == 0 : "${test} failed in the outer build"
        assert count('skipped') == 0 : "${test} skipped tests"
        if (test.endsWith('ShippingCalculatorTest')) {
            assert count('tests') == 11 : 'the acceptance test ran its 4 cases and the 7 rows of its table'
        }
    }
}
assert log.contains('BUILD SUCCESS')

// Nothing under service/src changed, except the lock file the plugin is allowed to write there.
assert !new File(service, 'src/main/java/com/acme/shop/service/ShippingCalculator.java').exists()
def src = new File(service, 'src')
def after = []
src.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    def path = src.toPath().relativize(file.toPath()).toString().replace('\\', '/')
    if (path != 'main/autocoder/autocoder.lock.json') {
        after << path + ' ' + MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString()
    }
}
def before = new File(basedir, 'service-src.before').readLines().findAll { it }
assert after.sort() == before.sort() : 'service/src was written to: ' + ((after - before) + (before - after))
true

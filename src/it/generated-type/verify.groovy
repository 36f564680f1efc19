import groovy.json.JsonSlurper

// Issue 23: a type the project's build generates (templating-maven-plugin's BuildInfo) is never the
// model's. Both tasks' candidates go on to the sub-build, which expands the template, and the
// failure of the wrong first VAT calculator (PriceTagTest, through the project's PriceTag) is
// charged by evidence: slugs' stubbed baseline, which the sub-build compiles though the in-process
// compile cannot, fails just the same, so slugs is never sent it.
def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def failure = 'expected: <10.77 (billing 1)> but was: <10.76 (billing 1)>'

def generations = requests*.messagesText().findAll { !it.contains('You review Java code') }
def toSlugs = generations.findAll { it.contains('Task `slugs`') }
def toVat = generations.findAll { it.contains('Task `vat-calculator`') }
assert toSlugs.size() == 1 : 'slugs was asked ' + toSlugs.size() + ' times'
assert !toSlugs[0].contains('Verification failed') : 'slugs was sent a failure: ' + toSlugs[0]
assert toVat.size() == 2 : 'vat-calculator was asked ' + toVat.size() + ' times'
assert !toVat[0].contains(failure) && toVat[1].contains(failure) : 'the second request does not carry the failure'
assert toVat[1].contains('PriceTagTest')
generations.each { assert !it.contains('needs BuildInfo') : 'the model was told about BuildInfo' }

assert log.contains('[slugs] verified after 1 attempt(s)') : lines.findAll { it.contains('[slugs]') }
assert log.contains('[vat-calculator] verified after 2 attempt(s)') : lines.findAll { it.contains('[vat-calculator]') }
assert !log.contains('no other task or part is writing this type') : 'the generated type was called missing'
assert log.contains('autocoder: final check passed') : 'no final check line'
// The user is told once why the rounds compile in the sub-build and run the whole suite.
def told = lines.findAll { it.contains('needs BuildInfo, which no task writes') }
assert told.size() == 1 : 'expected one notice about BuildInfo: ' + told

// The right code was written and locked, never the wrong one; the outer build's tests passed on it.
def generated = new File(basedir, 'target/generated-sources/autocoder/com/acme/billing/VatCalculator.java')
assert generated.isFile() && generated.text.contains('RoundingMode.HALF_UP') && !generated.text.contains('RoundingMode.DOWN')
def lock = new JsonSlurper().parse(new File(basedir, 'src/main/autocoder/autocoder.lock.json'))
assert lock.tasks*.task.sort() == ['slugs', 'vat-calculator']
for (test in ['PriceTagTest', 'ShelfTest']) {
    def report = new File(basedir, "target/surefire-reports/TEST-com.acme.billing.${test}.xml")
    assert report.isFile() && report.text.contains('failures="0"') && report.text.contains('errors="0"') : test
}
assert log.contains('BUILD SUCCESS')
true

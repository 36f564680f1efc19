import groovy.json.JsonSlurper

// Issue 19: a test that fails without the candidate too is the project's. It is reported once to
// the user, never sent to the model, never blocks or ends the task; the build fails in the project's
// own test phase.
def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def task = 'initials'

// One answer: it was right, and the project's failure was not the model's to fix.
def texts = requests*.messagesText()
def generations = texts.findAll { !it.contains('You review Java code') }
assert generations.size() == 1 : "generation requests: " + generations.size()
texts.each { text ->
    assert !text.contains('Verification failed') : 'a failure was sent to the model: ' + text
    assert !text.contains('de-2026.csv is missing') : 'the project test failure was sent to the model: ' + text
    assert !text.contains('HolidayCalendarTest.knowsNewYearsDay') : 'the project test failure was sent to the model: ' + text
}

// The plugin's part succeeded: the task verified after one attempt and was locked.
assert log.contains("[${task}] attempt 1: passed") : lines.findAll { it.contains("[${task}]") }
assert log.contains("[${task}] verified after 1 attempt(s)")
assert !log.contains("[${task}] attempt 2")
assert !log.contains("[${task}] not verified")
assert !log.contains('stuck')
assert !log.contains('independently of the generated code') : 'the project failure ended the task'
assert !(log =~ /Failed to execute goal \S*autocoder/) : 'the plugin goal failed'

def generated = new File(basedir, 'target/generated-sources/autocoder/com/acme/people/Initials.java')
assert generated.isFile() && generated.text.contains('toUpperCase(Locale.ROOT)')
def lockFile = new File(basedir, 'src/main/autocoder/autocoder.lock.json')
assert lockFile.isFile() : 'no lock file'
def lock = new JsonSlurper().parse(lockFile)
def entry = lock.tasks.find { it.task == task }
assert entry != null : 'the task is not locked: ' + lockFile.text
assert entry.files*.content.join('\n').contains('toUpperCase(Locale.ROOT)')

// The plugin reported the project's failing test once, before the outer build's own tests ran.
def surefireAt = lines.findIndexOf { it =~ /--- (maven-)?surefire(-plugin)?:\S+:test / }
assert surefireAt > 0 : 'the outer build never ran its tests'
def pluginLines = lines.subList(0, surefireAt)
def reported = pluginLines.findAll { it.contains('HolidayCalendarTest') && !(it =~ /^\s*(\[\w+\]\s*)?at /) }
assert reported.size() == 1 : 'the project test failure was not reported exactly once: ' + reported
assert !reported[0].contains("[${task}] attempt") : 'the project failure was charged to an attempt: ' + reported[0]

def reportJson = new File(basedir, 'target/autocoder/report.json')
assert reportJson.isFile() : 'no report.json'
def report = new JsonSlurper().parse(reportJson)
assert report.tasks.find { it.task == task }?.status == 'verified' : reportJson.text
assert reportJson.text.contains('HolidayCalendarTest') : 'report.json does not name the project test failure'
assert new File(basedir, 'target/autocoder/report.html').text.contains('HolidayCalendarTest') : 'report.html does not name it'
// ... and not as a finding of the task's attempt.
report.tasks.each { t ->
    t.attempts.each { a -> assert !a.feedback.toString().contains('HolidayCalendarTest') : 'charged to ' + t.task }
}

// The build failed in the project's own test phase, on HolidayCalendarTest; InitialsTest passed.
def outer = lines.subList(surefireAt, lines.size())
assert outer.any { it.contains('HolidayCalendarTest') && it.contains('FAILURE') } : 'HolidayCalendarTest did not fail in the outer build'
assert log =~ /Failed to execute goal org\.apache\.maven\.plugins:maven-surefire-plugin:\S+:test \(default-test\)/
assert new File(basedir, 'target/surefire-reports/TEST-com.acme.people.InitialsTest.xml').text.contains('failures="0"')
assert log.contains('BUILD FAILURE')

// Checks passed: the kept sub-builds go, so that the suite leaves nothing in the temporary folder.
dev.autocoder.testing.ItSupport.removeSubBuilds(basedir)
true

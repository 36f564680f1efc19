def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()

// One answer and no second one: the project's failure was not the model's to fix.
def texts = requests*.messagesText()
def generations = texts.findAll { !it.contains('You review Java code') }
assert generations.size() == 1 : "generation requests: " + generations.size()
texts.each { text ->
    assert !text.contains('Verification failed') : 'a failure was sent to the model: ' + text
    assert !text.contains('de-2026.csv is missing') : 'the project test failure was sent to the model: ' + text
}
assert !log.contains('[initials] attempt 2')
assert !log.contains('stuck')

// The message names the failing test, says it fails without the generated code's doing, and
// points to the verification build's log, which exists and shows the failure.
def at = lines.findIndexOf { it.contains('independently of the generated code') }
assert at >= 0 : 'no line says the failure is independent of the generated code'
def message = lines.subList(Math.max(0, at - 5), Math.min(lines.size(), at + 6)).join('\n')
assert message.contains('HolidayCalendarTest') : 'the message does not name the failing test: ' + message
def path = (message =~ /(\S*build\.log)/)
assert path.find() : 'the message gives no build.log path: ' + message
def buildLog = new File(path.group(1).replaceAll(/^['"(`]+/, ''))
if (!buildLog.absolute) {
    buildLog = new File(basedir, buildLog.path)
}
assert buildLog.isFile() : 'no sub-build log at ' + buildLog
assert buildLog.canonicalPath.startsWith(new File(basedir, 'target/autocoder').canonicalPath) : buildLog
assert buildLog.text.contains('HolidayCalendarTest')

assert log.contains('BUILD FAILURE')
true

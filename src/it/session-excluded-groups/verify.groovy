import groovy.json.JsonSlurper

// Issue 23: the sub-builds run with the outer session's user properties. -DexcludedGroups=slow
// from .mvn/maven.config keeps the slow DirectoryInitialsTest out of every round and of the final
// check, as it keeps it out of the project's own test phase.
def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def task = 'initials'

def texts = requests*.messagesText()
def generations = texts.findAll { !it.contains('You review Java code') }
assert generations.size() == 1 : "generation requests: " + generations.size()
texts.each { text ->
    assert !text.contains('Verification failed') : 'a failure was sent to the model: ' + text
    assert !text.contains('directory.acme.internal') : 'the slow test ran in a sub-build: ' + text
}

assert log.contains("[${task}] attempt 1: passed") : lines.findAll { it.contains("[${task}]") }
assert log.contains("[${task}] verified after 1 attempt(s)")
assert !log.contains("[${task}] attempt 2")
assert !log.contains('DirectoryInitialsTest') : 'the slow test was run or reported: ' +
        lines.findAll { it.contains('DirectoryInitialsTest') }
assert !log.contains('independently of the generated code')
assert !(log =~ /Failed to execute goal \S*autocoder/) : 'the plugin goal failed'

def lock = new JsonSlurper().parse(new File(basedir, 'src/main/autocoder/autocoder.lock.json'))
assert lock.tasks.find { it.task == task } != null : 'the task is not locked'

// The project's own test phase left the slow test out too, and passed.
assert new File(basedir, 'target/surefire-reports/TEST-com.acme.people.InitialsTest.xml').text.contains('failures="0"')
assert !new File(basedir, 'target/surefire-reports/TEST-com.acme.people.DirectoryInitialsTest.xml').exists()
assert log.contains('BUILD SUCCESS')
true

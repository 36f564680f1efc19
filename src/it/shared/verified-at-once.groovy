import groovy.json.JsonSlurper

// The checks of a case whose task verifies on the model's first answer: one generation request,
// attempt 1 passed, the project never blamed, the plugin goal never failed, the task locked and the
// outer build a success. A verify.groovy evaluates this file (the invoker runs from the project's
// root) and calls the closure it returns; the closure returns the outer build's log, for checks of
// the case's own.
return { File basedir, String task ->
    def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
    def log = new File(basedir, 'build.log').text
    def lines = log.readLines()

    def generations = requests*.messagesText().findAll { !it.contains('You review Java code') }
    assert generations.size() == 1 : "generation requests: " + generations.size()
    assert log.contains("[${task}] attempt 1: passed") : lines.findAll { it.contains("[${task}]") }
    assert log.contains("[${task}] verified after 1 attempt(s)")
    assert !log.contains('independently of the generated code') : 'the project was blamed'
    assert !(log =~ /Failed to execute goal \S*autocoder/) : 'the plugin goal failed'

    def lock = new JsonSlurper().parse(new File(basedir, 'src/main/autocoder/autocoder.lock.json'))
    assert lock.tasks.find { it.task == task } != null : 'the task is not locked'
    assert log.contains('BUILD SUCCESS')
    log
}

import groovy.json.JsonSlurper

// Two tasks whose types need each other. The build ran with --fail-never and invoker.timeoutInSeconds:
// reaching this script means it ended. It must end with both tasks verified, or with a clear failure
// line per unverified task; never by hanging.
def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def tasks = [order: 'Order', 'order-line': 'OrderLine']

assert log.contains('BUILD SUCCESS') || log.contains('BUILD FAILURE') : 'the build did not end'
def texts = requests*.messagesText()
def generations = texts.findAll { !it.contains('You review Java code') }
def verified = tasks.keySet().findAll { log.contains("[${it}] verified after ") }

if (verified.size() == tasks.size()) {
    // Both answers were right: one generation each, verified together, and neither task was told
    // that the other's type is missing.
    tasks.each { task, type ->
        def own = generations.findAll { it.contains("Task `${task}`:") }
        assert own.size() == 1 : "${task}: generation requests: " + own.size()
        assert log.contains("[${task}] verified after 1 attempt(s)")
        def generated = new File(basedir, "target/generated-sources/autocoder/com/acme/orders/${type}.java")
        assert generated.isFile() : type
        def lock = new JsonSlurper().parse(new File(basedir, 'src/main/autocoder/autocoder.lock.json'))
        assert lock.tasks.any { it.task == task } : "${task} is not locked"
    }
    texts.each { text ->
        assert !text.contains('cannot find symbol') : 'a compile failure the candidate did not cause was sent: ' + text
        assert !text.contains('Verification failed') : 'a failure was sent: ' + text
    }
    def report = new File(basedir, 'target/surefire-reports/TEST-com.acme.orders.OrderTest.xml')
    assert report.isFile() && report.text.contains('failures="0"') && report.text.contains('errors="0"')
    assert !log.contains('independently of the generated code')
    assert log.contains('BUILD SUCCESS')
} else {
    // A clear failure: every task that did not verify says so on one line, with a reason that names
    // the other task or its type and that is true (the other task IS writing it). The model was never
    // asked to fix a type that another task writes.
    (tasks.keySet() - verified).each { task ->
        def failure = lines.find { it.contains("[${task}] not verified: ") }
        assert failure != null : "${task} neither verified nor failed clearly: " + lines.findAll { it.contains("[${task}]") }
        def reason = failure.substring(failure.indexOf('not verified: ') + 'not verified: '.length()).strip()
        def other = tasks.find { it.key != task }
        assert reason.contains(other.key) || reason.contains(other.value) : "${task}: the reason names neither task nor type of the other: " + reason
        assert !reason.contains('no other task or part is writing this type') : "${task}: false reason: " + reason
        println "tasks-need-each-other: ended with a failure line: " + failure
    }
    texts.each { text ->
        assert !text.contains('cannot find symbol') : 'the model was asked to fix a type another task writes: ' + text
    }
    assert generations.size() <= 2 * tasks.size() : "generation requests: " + generations.size()
}
// Every round is counted, with the candidates it carried: at least one each.
def carried = lines.find { it.contains(' round(s) carried ') }
assert carried != null : 'no line counts the rounds'
def counts = (carried =~ /(\d+) round\(s\) carried (\d+) candidate\(s\)/)[0]
assert (counts[1] as int) >= 1 && (counts[2] as int) >= (counts[1] as int) : carried
println 'tasks-need-each-other: ' + carried.substring(carried.indexOf('autocoder: '))
true

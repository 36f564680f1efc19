import groovy.json.JsonSlurper

// The checks of a case whose acceptance test never names the generated class and whose model
// answers wrong by one line first: the round must reject that answer with the failing assertion as
// feedback, and only the second answer may be written and locked. A verify.groovy evaluates this
// file (the invoker runs from the project's root) and calls the closure it returns; the closure
// returns the feedback the second request carried, for checks of the case's own.
return { File basedir, File module, String task, String test, String testPackage, String feedbackText,
        String generatedPath, String right, String wrong ->
    def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
    def log = new File(basedir, 'build.log').text
    def lines = log.readLines()

    // Two generations: the wrong first answer, then the right one, asked for with the test's failure.
    def texts = requests*.messagesText()
    def generations = texts.findAll { !it.contains('You review Java code') }
    assert generations.size() == 2 : "generation requests: " + generations.size()
    assert generations.every { it.contains("Task `${task}`") }
    assert !generations[0].contains(feedbackText)
    assert generations[1].contains(feedbackText) : 'the second request does not carry the failing assertion: ' + generations[1]
    assert generations[1].contains('Verification failed') : 'the second request carries no feedback'
    def feedback = generations[1].substring(generations[1].lastIndexOf('Verification failed'))
    assert feedback.contains(test) : 'the feedback does not name the failing test: ' + feedback

    // Attempt 1 failed on the acceptance test in its round, attempt 2 passed and the task verified.
    def attempt1 = lines.find { it.contains("[${task}] attempt 1: failed") }
    assert attempt1 != null : 'attempt 1 did not fail: ' + lines.findAll { it.contains("[${task}]") }
    assert attempt1.contains(test) : attempt1
    assert log.contains("[${task}] attempt 2: passed")
    assert log.contains("[${task}] verified after 2 attempt(s)")
    assert !log.contains("[${task}] attempt 3")
    assert !log.contains("[${task}] not verified")
    assert !log.contains('independently of the generated code')

    // The right code was written and locked, never the wrong one.
    def generated = new File(module, 'target/generated-sources/autocoder/' + generatedPath)
    assert generated.isFile()
    assert generated.text.contains(right) && !generated.text.contains(wrong) : generated.text
    def lockFile = new File(module, 'src/main/autocoder/autocoder.lock.json')
    assert lockFile.isFile() : 'no lock file'
    def lock = new JsonSlurper().parse(lockFile)
    def entry = lock.tasks.find { it.task == task }
    assert entry != null : 'the task is not locked: ' + lockFile.text
    def locked = entry.files*.content.join('\n')
    assert locked.contains(right) && !locked.contains(wrong) : locked
    assert !lockFile.text.contains(wrong)

    // The outer build ran the acceptance test on the verified code.
    def report = new File(module, "target/surefire-reports/TEST-${testPackage}.${test}.xml")
    assert report.isFile() && report.text.contains('failures="0"') && report.text.contains('errors="0"')
    assert log.contains('BUILD SUCCESS')
    feedback
}

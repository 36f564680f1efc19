import groovy.json.JsonSlurper

// Issue 23, a JPMS library with Error Prone (see error-prone-module/pom.xml): main code at release 8
// with module-info.java compiled on its own at release 9, tests at 17 using var, Error Prone in every
// compile. The first answer passes javac and every test but creates an exception without throwing
// it. A verify.groovy evaluates this file and calls the closure with whether Error Prone can run in
// Maven's JVM (its exports in .mvn/jvm.config) or only in a forked javac.
return { File basedir, boolean inProcess ->
    def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
    def log = new File(basedir, 'build.log').text
    def lines = log.readLines()

    // Two generations: the second carries Error Prone's finding, with its place in the candidate's file.
    def generations = requests*.messagesText().findAll { !it.contains('You review Java code') }
    assert generations.size() == 2 : 'generation requests: ' + generations.size()
    assert !generations[0].contains('DeadException')
    def feedback = generations[1].substring(generations[1].lastIndexOf('Verification failed'))
    assert feedback.contains('[DeadException] Exception created but not thrown') : feedback
    assert feedback =~ /Degrees\.java:\[?17/ : feedback

    def attempt1 = lines.find { it.contains('[degrees] attempt 1: failed') }
    assert attempt1 != null && attempt1.contains('DeadException') : lines.findAll { it.contains('[degrees]') }
    assert log.contains('[degrees] attempt 2: passed')
    assert log.contains('[degrees] verified after 2 attempt(s)')
    assert !log.contains('[degrees] attempt 3')
    assert log.contains('autocoder: final check passed')
    if (inProcess) {
        // The in-process compile ran Error Prone as the project's compile does (its processor path, its
        // arguments, the exports of .mvn/jvm.config in Maven's JVM): the dead exception was rejected
        // before any sub-build, so one round carried the one candidate that compiled.
        assert !log.contains('cannot reproduce the project') : lines.findAll { it.contains('cannot reproduce') }
        assert log.contains('autocoder: 1 round(s) carried 1 candidate(s)')
    } else {
        // A forked javac with -J options cannot run in Maven's JVM: the compile was handed to the
        // sub-build, which ran Error Prone as the project's build does, in both rounds.
        assert log.contains("the in-process compile cannot reproduce the project's compile")
        assert log.contains('autocoder: 2 round(s) carried 2 candidate(s)')
    }
    // Error Prone's finding is the candidate's, never the project's own failure.
    assert !log.contains("the project's own build")

    // The thrown exception was written and locked, never the dead one.
    def generated = new File(basedir, 'target/generated-sources/autocoder/com/acme/geo/Degrees.java')
    assert generated.text.contains('throw new IllegalArgumentException')
    def lock = new JsonSlurper().parse(new File(basedir, 'src/main/autocoder/autocoder.lock.json'))
    def locked = lock.tasks.find { it.task == 'degrees' }.files*.content.join('\n')
    assert locked.contains('throw new IllegalArgumentException') : locked
    assert !locked.contains('            new IllegalArgumentException') : locked

    // The final check (the last sub-build) ran both test classes, the fixture's included, at release 17.
    def builds = []
    dev.autocoder.testing.ItSupport.subBuilds(basedir, 'default').eachFileRecurse { if (it.name == 'build.log') builds << it }
    def finalLog = builds.max { it.lastModified() }.text
    assert finalLog.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'the last sub-build did not run both tests'

    // The project's own build, with the verified code: the descriptor compiled on its own, both tests ran.
    assert new File(basedir, 'target/classes/module-info.class').isFile()
    ['ChartTest', 'HarbourTest'].each { test ->
        def report = new File(basedir, "target/surefire-reports/TEST-com.acme.geo.${test}.xml")
        assert report.isFile() && report.text.contains('failures="0"') && report.text.contains('errors="0"') : test
    }
    assert log.contains('BUILD SUCCESS')
    log
}

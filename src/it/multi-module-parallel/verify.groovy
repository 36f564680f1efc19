def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

// One generation and one review per module.
assert requests.size() == 4 : "requests: " + requests.size()

assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
[alpha: ['doubler', 'Doubler'], beta: ['shouter', 'Shouter']].each { module, names ->
    def (task, type) = names
    def dir = new File(basedir, module)
    assert log.contains("[${task}] verified after 1 attempt(s)")
    assert new File(dir, "target/generated-sources/autocoder/com/example/${module}/${type}.java").isFile()
    assert new File(dir, "target/classes/com/example/${module}/${type}.class").isFile()
    assert new File(dir, "target/surefire-reports/TEST-com.example.${module}.${type}Test.xml").text.contains('failures="0"')
    // State is per module: each keeps its own task state and journal.
    assert new File(dir, "target/autocoder/default/tasks").list().any { it.startsWith(task) }
    assert new File(dir, 'target/autocoder/default/journal.jsonl').text.contains(type)
    assert new File(dir, 'target/autocoder/report.html').isFile()
}
assert !new File(basedir, 'target/autocoder').exists() : 'the aggregator has no task and no state'
true

import groovy.json.JsonSlurper

def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

// Build 1: each execution's code and review. Build 2: none.
assert requests.size() == 4 : "requests: " + requests.size()

// Both land, each in its own default folder, and survive the clean of build 2.
assert new File(basedir, 'target/generated-sources/autocoder/com/example/names/Hello.java').isFile()
assert new File(basedir, 'target/generated-sources/autocoder-second/com/example/names/Bye.java').isFile()
assert !new File(basedir, 'target/generated-sources/autocoder/com/example/names/Bye.java').exists()
['HelloTest', 'ByeTest'].each {
    assert new File(basedir, "target/surefire-reports/TEST-com.example.names.${it}.xml").text.contains('failures="0"')
}

// One lock file, each execution's task under its own name.
def lock = new JsonSlurper().parse(new File(basedir, 'src/main/autocoder/autocoder.lock.json'))
assert lock.tasks.collect { it.execution + '/' + it.task } == ['default/prompt', 'second/prompt']
assert lock.tasks[0].files*.path == ['com/example/names/Hello.java']
assert lock.tasks[1].files*.path == ['com/example/names/Bye.java']

assert log.readLines().count { it.contains('autocoder: 1 task(s) up to date with ') } == 2
assert new JsonSlurper().parse(new File(basedir, 'target/autocoder/report.json')).tasks[0].origin == 'restored'
assert new JsonSlurper().parse(new File(basedir, 'target/autocoder/report-second.json')).tasks[0].origin == 'restored'
assert log.readLines().count { it.contains('BUILD SUCCESS') } == 2
true

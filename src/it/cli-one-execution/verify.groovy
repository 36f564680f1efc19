import groovy.json.JsonSlurper

def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

// Build 1 (the command line): the code and its review. Build 2 (no key): none.
assert requests.size() == 2 : "requests: " + requests.size()
assert log.contains('autocoder: run from the command line as the POM\'s execution `autocoder`')

// The command line wrote the execution's folder and lock entries, with the execution's prompt ...
def lock = new JsonSlurper().parse(new File(basedir, 'src/main/autocoder/autocoder.lock.json'))
assert lock.tasks.collect { it.execution + '/' + it.task } == ['autocoder/prompt']
assert lock.tasks[0].files*.path == ['com/example/names/Hello.java']

// ... so after the clean, the bound execution restored it without a key, and the tests passed.
assert new File(basedir, 'target/generated-sources/autocoder-autocoder/com/example/names/Hello.java').isFile()
assert !new File(basedir, 'target/generated-sources/autocoder').exists()
assert new File(basedir, 'target/surefire-reports/TEST-com.example.names.HelloTest.xml').text.contains('failures="0"')
assert log.contains('autocoder: 1 task(s) up to date with ')
assert new JsonSlurper().parse(new File(basedir, 'target/autocoder/report-autocoder.json')).tasks[0].origin == 'restored'
assert !log.contains('no API key')
assert log.readLines().count { it.contains('BUILD SUCCESS') } == 2
true

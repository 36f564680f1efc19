import groovy.json.JsonSlurper

def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

// The first build's code and review; the second build made no request at all.
assert requests.size() == 2 : "requests: " + requests.size()

assert new File(basedir, 'src/main/java/com/example/greeting/Banner.java').text.contains('Welcome back')
assert log.contains('[greeting] locked in ')
assert log.contains('autocoder: [greeting] re-verified against changed inputs'
        + ' (main:src/main/java:com/example/greeting/Banner.java changed) in ')
assert log.contains('no model call')
assert !log.contains('no API key')

def report = new JsonSlurper().parse(new File(basedir, 'target/autocoder/report.json'))
assert report.tasks*.task == ['greeting']
assert report.tasks[0].origin == 're-verified'
assert report.tasks[0].verifyMillis > 0
assert new File(basedir, 'target/autocoder/report.html').text.contains('data-origin="re-verified"')

def lock = new JsonSlurper().parse(new File(basedir, 'src/main/autocoder/autocoder.lock.json'))
assert lock.format == 2
def entry = lock.tasks.find { it.execution == 'default' && it.task == 'greeting' }
assert entry.verification.inputs.containsKey('main:src/main/java:com/example/greeting/Banner.java')
assert entry.files*.path == ['com/example/greeting/Greeting.java']

assert new File(basedir, 'target/surefire-reports/TEST-com.example.greeting.GreetingTest.xml').text.contains('failures="0"')
assert log.readLines().count { it.contains('BUILD SUCCESS') } == 2
true

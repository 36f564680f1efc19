import groovy.json.JsonSlurper

def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] BUILD (?:SUCCESS|FAILURE)$/)

// The first build's code and review; the later builds made no request at all.
assert requests.size() == 2 : "requests: " + requests.size()

assert new File(basedir, 'src/main/java/com/example/greeting/Banner.java').text.contains('Welcome back')
assert log.contains('[greeting] locked in ')
assert !log.contains('no API key')

// Build 2: compiled in process, no sub-build, the lock file byte for byte as it was.
def second = builds[1]
assert second.contains('autocoder: [greeting] compiles against changed inputs'
        + ' (main:src/main/java:com/example/greeting/Banner.java changed) in ')
def concluded = second.readLines().find { it.contains('compile-checked against changed inputs;') }
assert concluded != null && concluded.contains(': 0 restored, 1 compile-checked against changed inputs; no model call,'
        + ' no sub-build, lock file unchanged; ') : second
println 'reverify-unrelated-edit build 2: ' + concluded
assert !second.contains('re-verified against changed inputs')
assert !second.contains('final check')
def sub = new File(basedir, 'target/subbuild-after-2')
assert !sub.exists() || sub.listFiles().length == 0 : 'a sub-build ran in build 2: ' + sub.list()
def before = new File(basedir, 'target/lock-before-2/autocoder.lock.json').bytes
def after = new File(basedir, 'target/lock-after-2/autocoder.lock.json').bytes
assert before == after : 'build 2 rewrote the lock file'
assert second.contains('Tests run: 2, Failures: 0')

// Build 3: reverify=tests runs a sub-build and records the new fingerprint.
def third = builds[2]
assert third.contains('autocoder: [greeting] re-verified against changed inputs'
        + ' (main:src/main/java:com/example/greeting/Banner.java changed) in ')
assert third.contains('0 restored, 1 re-verified; no model call')
def report = new JsonSlurper().parse(new File(basedir, 'target/autocoder/report.json'))
assert report.tasks*.task == ['greeting']
assert report.tasks[0].origin == 're-verified'
assert report.tasks[0].verifyMillis > 0
assert new File(basedir, 'target/autocoder/report.html').text.contains('data-origin="re-verified"')
def lockFile = new File(basedir, 'src/main/autocoder/autocoder.lock.json')
assert lockFile.bytes != before : 'build 3 recorded the new fingerprint'
def lock = new JsonSlurper().parse(lockFile)
assert lock.format == 2
def entry = lock.tasks.find { it.execution == 'default' && it.task == 'greeting' }
assert entry.verification.inputs.containsKey('main:src/main/java:com/example/greeting/Banner.java')
assert entry.files*.path == ['com/example/greeting/Greeting.java']
assert new File(basedir, 'target/surefire-reports/TEST-com.example.greeting.GreetingTest.xml').text.contains('failures="0"')

// Build 4: an unknown reverify value.
assert log.contains('<reverify> (-Dautocoder.reverify): `always` is not a value of reverify; use compile')
assert log.readLines().count { it.contains('BUILD SUCCESS') } == 3
assert log.readLines().count { it.contains('BUILD FAILURE') } == 1
true

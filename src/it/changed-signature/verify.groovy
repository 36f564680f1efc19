import groovy.json.JsonSlurper

def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

// Build 1: code and review. Builds 2 to 4: none. Build 5: the first request comes from the
// journal; the fix for the compile error and its review are asked for.
assert requests.size() == 4 : "requests: " + requests.size()

def changed = '(main:src/main/java:com/example/greeting/Polite.java changed)'
assert log.contains('autocoder: [greeting] locked code failed to compile against changed inputs ' + changed)
assert log =~ /no API key, and the model is needed for task greeting \(its locked code fails against changed inputs: \[compile\] [^\n]*cannot be applied/
assert log.contains('autocoder: an IDE build (m2e.version is set), so mode is locked')
assert log.readLines().count { it.startsWith('[ERROR] Failed to execute goal dev.autocoder')
        && it.contains('<mode> (-Dautocoder.mode): mode is locked, which never calls the model') } == 2
assert log =~ /<mode> \(-Dautocoder.mode\): mode is locked, which never calls the model, and 1 task\(s\) need it: task greeting \(its locked code fails against changed inputs: \[compile\] [^\n]*cannot be applied/
assert log.contains('not locked: greeting')

assert log =~ /\[greeting\] attempt 1: failed, \[compile\] [^\n]*cannot be applied/
assert log.contains('[greeting] attempt 2: passed')
def greeting = new File(basedir, 'target/generated-sources/autocoder/com/example/greeting/Greeting.java').text
assert greeting.contains('Polite.close("Hello, " + name, "!")')

def lock = new JsonSlurper().parse(new File(basedir, 'src/main/autocoder/autocoder.lock.json'))
assert lock.tasks.size() == 1
assert lock.tasks[0].files[0].content == greeting

assert log.readLines().count { it.contains('BUILD FAILURE') } == 3
assert log.readLines().count { it.contains('BUILD SUCCESS') } == 2
true

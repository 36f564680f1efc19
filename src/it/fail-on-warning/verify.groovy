import groovy.json.JsonSlurper

// Issue 23: with failOnWarning, a warning in the candidate's file is a compile error of the
// project's build. The in-process compile finds it (no sub-build for that attempt) and sends it
// with its file and line; the second answer verifies and only it is locked.
def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def generations = requests*.messagesText().findAll { !it.contains('You review Java code') }
assert generations.size() == 2 : 'generation requests: ' + generations.size()
def feedback = generations[1].substring(generations[1].lastIndexOf('Verification failed'))
assert feedback.contains('com/acme/shop/Coupons.java:24: unchecked call to add(E) as a member of the raw type') :
        'the warning is not placed: ' + feedback

def attempt1 = log.readLines().find { it.contains('[coupons] attempt 1: failed') }
assert attempt1 != null && attempt1.contains('[compile]') : attempt1
assert log.contains('[coupons] verified after 2 attempt(s)')
def carried = log.readLines().find { it.contains('autocoder: ') && it.contains('round(s) carried') }
assert carried != null && carried.contains('1 round(s) carried 1 candidate(s)') : 'the warning needed a sub-build: ' + carried

def lock = new JsonSlurper().parse(new File(basedir, 'src/main/autocoder/autocoder.lock.json'))
def locked = lock.tasks.find { it.task == 'coupons' }.files*.content.join('\n')
assert locked.contains('List<String> codes = new ArrayList<>()') && !locked.contains('List codes = new ArrayList()')
def report = new File(basedir, 'target/surefire-reports/TEST-com.acme.shop.TillTest.xml')
assert report.isFile() && report.text.contains('tests="2"') && report.text.contains('failures="0"')
assert log.contains('BUILD SUCCESS')
true

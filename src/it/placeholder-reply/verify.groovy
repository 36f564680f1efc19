def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

// Two generation requests and one review: the placeholder never reached the review.
assert requests.size() == 3 : "requests: " + requests.size()
def refinement = requests.find { it.messagesText().contains('Verification failed') }
assert refinement.messagesText().contains('[static]')
assert !refinement.messagesText().contains('[test]') : 'attempt 1 was never tested'

assert log =~ /\[adder\] attempt 1: failed, \[static\] com\/example\/Adder\.java:\d+: placeholder comment '\.\.\.'/
assert log.contains('[adder] attempt 2: passed')
assert log.contains('[adder] verified after 2 attempt(s)')

def adder = new File(basedir, 'target/generated-sources/autocoder/com/example/Adder.java')
assert adder.text.contains('return a + b;')
assert new File(basedir, 'target/surefire-reports/TEST-com.example.AdderTest.xml').text.contains('failures="0"')
// The placeholder compiles and would fail AdderTest: had a sub-build run for it, its folder would
// have been kept (only passing sub-builds are deleted).
def subBuilds = dev.autocoder.testing.ItSupport.subBuilds(basedir, 'default')
def kept = subBuilds.isDirectory() ? subBuilds.list().toList() : []
assert kept.isEmpty() : "a sub-build ran for a failing attempt: " + kept
true

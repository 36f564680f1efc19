def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

// Attempt 1 fails, attempt 2 fails the same way, and from then on each request names the repeated
// failure and asks for a different approach; the same failure does not end the task by itself:
// maxDepth 4 does, after four requests.
assert requests.size() == 4 : "requests: " + requests.size()
assert requests[2].messagesText().contains('Your last 2 attempts failed the same way: [test]')
assert requests[2].messagesText().contains('take a different approach')
assert requests[3].messagesText().contains('Your last 3 attempts failed the same way')
assert !requests[1].messagesText().contains('take a different approach')

assert log =~ /\[counter\] attempt 1: failed, \[test\] .*countsEveryIncrement/
assert log.contains('[counter] attempt 4: failed')
assert !log.contains('[counter] attempt 5')
assert log =~ /\[counter\] not verified: stuck: attempts 1 to 4 failed the same way/
assert log =~ /counter: stuck: /
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/autocoder/com/example/Counter.java').exists()
// Only the newest failing sub-build of the unverified task stays for inspection, not one per attempt.
def subBuilds = dev.autocoder.testing.ItSupport.subBuilds(basedir, 'default')
assert subBuilds.list().length == 1
// ... and the failure names it, so nobody has to hunt for it.
def kept = subBuilds.listFiles()[0]
assert log =~ /its newest failing sub-build is kept in \S*${kept.name}/
assert log =~ /state folder target.autocoder: [0-9.]+ (B|kB|MB)/

// Checks passed: the kept sub-builds go, so that the suite leaves nothing in the temporary folder.
dev.autocoder.testing.ItSupport.removeSubBuilds(basedir)
true

def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

// Attempt 1 fails, attempt 2 fails the same way and is told to change course, attempt 3
// ignores that: three requests of the eight maxDepth allows.
assert requests.size() == 3 : "requests: " + requests.size()
assert requests[2].messagesText().contains('take a different approach')
assert !requests[1].messagesText().contains('take a different approach')

assert log =~ /\[counter\] attempt 1: failed, \[test\] .*countsEveryIncrement/
assert log.contains('[counter] attempt 3: failed')
assert !log.contains('[counter] attempt 4')
assert log =~ /\[counter\] not verified: stuck: attempts 2 and 3 failed the same way/
assert log =~ /counter: stuck: /
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/autocoder/com/example/Counter.java').exists()
// Only the newest failing sub-build of the unverified task stays for inspection, not one per attempt.
assert new File(basedir, 'target/autocoder/default/subbuild').list().length == 1
// ... and the failure names it, so nobody has to hunt for it.
def kept = new File(basedir, 'target/autocoder/default/subbuild').listFiles()[0]
assert log =~ /its newest failing sub-build is kept in \S*${kept.name}/
assert log =~ /state folder target.autocoder: [0-9.]+ (B|kB|MB)/
true

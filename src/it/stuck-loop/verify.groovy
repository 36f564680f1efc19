def server = dev.autocoder.testing.ItSupport.server(basedir)
def log = new File(basedir, 'build.log').text
try {
    // Attempt 1 fails, attempt 2 fails the same way and is told to change course, attempt 3
    // ignores that: three requests of the eight maxDepth allows.
    assert server.requestCount() == 3 : "requests: " + server.requestCount()
    assert server.requests()[2].messagesText().contains('take a different approach')
    assert !server.requests()[1].messagesText().contains('take a different approach')
} finally {
    server.close()
}

assert log =~ /\[counter\] attempt 1: failed, \[test\] .*countsEveryIncrement/
assert log.contains('[counter] attempt 3: failed')
assert !log.contains('[counter] attempt 4')
assert log =~ /\[counter\] not verified: stuck: attempts 2 and 3 failed the same way/
assert log =~ /counter: stuck: /
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/autocoder/com/example/Counter.java').exists()
// A failing sub-build keeps its folder for inspection: one per attempt.
assert new File(basedir, 'target/autocoder/default/subbuild').list().length == 3
true

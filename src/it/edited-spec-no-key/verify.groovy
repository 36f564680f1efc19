def log = new File(basedir, 'build.log').text

assert log.contains('no API key, and the model is needed for task greeting (changed since the lock file: spec changed)')
assert log.contains('Set the OPENAI_API_KEY environment variable')
assert log.contains('or, where an input changed, undo that change so that the locked code stands again')
assert log.contains('not locked: greeting')
assert !log.contains('asking the model')
assert !new File(basedir, 'target/generated-sources/autocoder/com/example/greeting/Greeting.java').exists() :
        'stale code from the lock file was not written for a changed spec'
assert log.contains('BUILD FAILURE')
true

def log = new File(basedir, 'build.log').text

assert log.contains('no API key, and the model is needed for task greeting (changed since the lock file: spec changed)')
assert log.contains('Set the OPENAI_API_KEY environment variable')
assert log.contains('or restore the spec so that it matches the lock file')
assert !log.contains('asking the model')
assert !new File(basedir, 'target/generated-sources/autocoder/com/example/greeting/Greeting.java').exists() :
        'stale code from the lock file was not written for a changed spec'
assert log.contains('BUILD FAILURE')
true

import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

// The entries the command line kept as `default` now belong to the POM's one execution ...
assert log.contains('autocoder: the lock entries of [prompt], which mvn autocoder:generate wrote as execution'
        + ' `default`, now belong to execution `autocoder`')
def lock = new JsonSlurper().parse(new File(basedir, 'src/main/autocoder/autocoder.lock.json'))
assert lock.tasks.collect { it.execution + '/' + it.task } == ['autocoder/prompt']

// ... which restored them without a key and never tried the model.
assert new File(basedir, 'target/generated-sources/autocoder-autocoder/com/example/names/Hello.java').isFile()
assert new File(basedir, 'target/surefire-reports/TEST-com.example.names.HelloTest.xml').text.contains('failures="0"')
assert log.contains('autocoder: 1 task(s) up to date with ')
assert !log.contains('no API key')
assert !log.contains('127.0.0.1:9') : 'the closed endpoint was never tried'
assert log.contains('BUILD SUCCESS')
true

import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def lock = new JsonSlurper().parse(new File(basedir, 'src/main/autocoder/autocoder.lock.json'))

// Every locked file is restored byte for byte.
def files = lock.tasks.collectMany { it.files }
assert files*.path == ['com/example/greeting/Greeting.java']
files.each { locked ->
    def restored = new File(basedir, 'target/generated-sources/autocoder/' + locked.path)
    assert restored.isFile() : "not restored: " + restored
    assert restored.bytes == locked.content.getBytes('UTF-8') : "restored bytes differ: " + restored
}

// ... then compiled and tested by the same build, which never reached the model.
assert new File(basedir, 'target/classes/com/example/greeting/Greeting.class').isFile()
assert new File(basedir, 'target/surefire-reports/TEST-com.example.greeting.GreetingTest.xml').text.contains('failures="0"')
assert log.contains('autocoder: 1 task(s) up to date with ')
assert !log.contains('asking the model')
assert !log.contains('127.0.0.1:9') : 'the closed endpoint was never tried'
assert log.contains('BUILD SUCCESS')
true

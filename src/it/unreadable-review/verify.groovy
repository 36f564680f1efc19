def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

// One generation, the review's prose answer, and the re-ask that got the JSON.
assert requests.size() == 3 : "requests: " + requests.size()
def reasks = requests.findAll { it.messagesText().contains('That was not the JSON asked for') }
assert reasks.size() == 1
assert reasks[0].messagesText().contains('I looked at the class carefully') : 'the re-ask continues the review'

assert log.contains('[greeter] attempt 1: passed')
assert log.contains('[greeter] verified after 1 attempt(s)')
assert new File(basedir, 'target/generated-sources/autocoder/com/example/Greeter.java').isFile()
assert new File(basedir, 'target/surefire-reports/TEST-com.example.GreeterTest.xml').text.contains('failures="0"')
true

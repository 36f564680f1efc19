def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

// The code request carried the test's @SuppressWarnings("unused") and the placeholder as the key.
assert requests.size() == 2 : "requests: " + requests.size()
def generation = requests.find { it.messagesText().contains('Task `adder`') }
assert generation.messagesText().contains('@SuppressWarnings("unused")')
assert generation.authorization() == 'Bearer unused'
assert !log.contains('refusing to send')
// Log text keeps the word: a placeholder is never masked.
assert !log.contains('@SuppressWarnings("****")')

assert log.contains('[adder] verified after 1 attempt(s)')
assert new File(basedir, 'target/generated-sources/autocoder/com/example/Adder.java').text.contains('return a + b;')
assert new File(basedir, 'target/surefire-reports/TEST-com.example.AdderTest.xml').text.contains('failures="0"')
assert log.contains('BUILD SUCCESS')
true

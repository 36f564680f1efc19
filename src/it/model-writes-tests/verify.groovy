def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

assert requests.size() == 2 : "requests: " + requests.size()

assert log.contains('[slugger] verified after 1 attempt(s)')
assert new File(basedir, 'target/generated-sources/autocoder/com/example/Slugger.java').isFile()
assert !new File(basedir, 'target/generated-sources/autocoder/com/example/SluggerTest.java').exists()
assert new File(basedir, 'target/generated-test-sources/autocoder/com/example/SluggerTest.java').isFile()
assert new File(basedir, 'target/test-classes/com/example/SluggerTest.class').isFile() : 'the generated test root was compiled'
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.SluggerTest.xml')
assert report.isFile() : 'the generated test ran in this build'
assert report.text.contains('tests="1"') && report.text.contains('failures="0"')
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0.* -- in com\.example\.SluggerTest/
true

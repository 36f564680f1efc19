import dev.autocoder.testing.ItSupport

def server = ItSupport.server(basedir)
def log = new File(basedir, 'build.log').text
def module = new File(basedir, 'money-utils')
try {
    // Questions, two attempts and one review; the second build made no request at all.
    assert server.requestCount() == 4 : "requests: " + server.requestCount()
    assert server.requests().every { it.authorization() == 'Bearer ' + ItSupport.FAKE_KEY }
} finally {
    server.close()
}

def money = new File(module, 'target/generated-sources/autocoder/com/example/money/Money.java')
assert money.isFile()
assert money.text.contains('Math.floorDiv') : 'the refined allocation was written, not the first one'
assert new File(module, 'target/classes/com/example/money/Money.class').isFile()
assert new File(module, 'target/surefire-reports/TEST-com.example.money.MoneyTest.xml').text.contains('failures="0"')

assert log.contains('[money] the model asked 1 question(s)')
assert log.contains('A (configuration): HALF_EVEN, to two decimal places')
assert log =~ /\[money\] attempt 1: failed, \[test\] .*allocationNeverLosesACent/
assert log.contains('[money] attempt 2: passed')
assert log.contains('[money] verified after 2 attempt(s)')
assert new File(module, 'target/autocoder/report.html').isFile()
assert log.contains('autocoder: 1 task(s) up to date with ') : 'the second build restored from the lock file'

def leaks = ItSupport.filesContaining(module, ItSupport.FAKE_KEY) + (log.contains(ItSupport.FAKE_KEY) ? ['build.log'] : [])
assert leaks.isEmpty() : "the API key leaked into " + leaks
true

import dev.autocoder.testing.HeadlessChromium

def log = new File(basedir, 'build.log').text
def module = new File(basedir, 'money-utils')

def money = new File(module, 'target/generated-sources/autocoder/com/example/money/Money.java')
assert money.isFile()
assert new File(module, 'target/classes/com/example/money/Money.class').isFile()
assert new File(module, 'target/surefire-reports/TEST-com.example.money.MoneyTest.xml').text.contains('failures="0"')

assert log =~ /\[money\] attempt 1: failed, \[test\] .*allocationNeverLosesACent/
assert log.contains('[money] verified after 2 attempt(s)')
assert log.contains('BUILD SUCCESS')

// The summary table and a report page that a real browser renders with the task on it.
assert log =~ /money\s+2\s+verified/
def report = new File(module, 'target/autocoder/report.html')
def dom = HeadlessChromium.dumpDom(report, new File(basedir, 'browser'))
if (dom.present) {
    assert dom.get().contains('data-task="money"')
    assert dom.get().contains('data-ready="yes"')
    assert !dom.get().contains('data-js-error')
} else {
    println 'no chromium: report.html was not rendered (apt-get install chromium)'
}
true

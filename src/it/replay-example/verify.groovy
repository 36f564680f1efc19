def log = new File(basedir, 'build.log').text
def module = new File(basedir, 'money-utils')

def money = new File(module, 'target/generated-sources/autocoder/com/example/money/Money.java')
assert money.isFile()
assert new File(module, 'target/classes/com/example/money/Money.class').isFile()
assert new File(module, 'target/surefire-reports/TEST-com.example.money.MoneyTest.xml').text.contains('failures="0"')

assert log =~ /\[money\] attempt 1: failed, \[test\] .*allocationNeverLosesACent/
assert log.contains('[money] verified after 2 attempt(s)')
assert log.contains('BUILD SUCCESS')
true

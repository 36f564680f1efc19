// Issue 19: the acceptance test reaches the generated class only through a hand-written main class.
def wrongThenRight = evaluate(new File('src/it/shared/wrong-then-right.groovy'))
def feedback = wrongThenRight(basedir, new File(basedir, 'checkout'), 'tax-calculator', 'CheckoutServiceTest', 'com.acme.checkout', 'expected: <30.17> but was: <30.16>',
        'com/acme/checkout/TaxCalculator.java', 'RoundingMode.HALF_UP', 'RoundingMode.DOWN')

// storefront builds on checkout, so on the generated class: checkout's final check built it along
// and says so, and the outer build ran storefront's test after checkout, with the verified code.
def passed = new File(basedir, 'build.log').readLines().find { it.contains('autocoder: final check passed') }
assert passed != null : 'no final check line'
assert passed.contains('and the compile and tests of the module(s) that depend on this one (storefront)') : passed
assert !passed.contains('are not part of it') : passed
def report = new File(basedir, 'storefront/target/surefire-reports/TEST-com.acme.storefront.OrderDeskTest.xml')
assert report.isFile() && report.text.contains('tests="1"') && report.text.contains('failures="0"') : 'storefront did not pass'
true

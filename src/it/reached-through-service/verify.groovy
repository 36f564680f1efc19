// Issue 19: the acceptance test reaches the generated class only through a hand-written main class.
def wrongThenRight = evaluate(new File('src/it/shared/wrong-then-right.groovy'))
def feedback = wrongThenRight(basedir, new File(basedir, 'checkout'), 'tax-calculator', 'CheckoutServiceTest', 'com.acme.checkout', 'expected: <30.17> but was: <30.16>',
        'com/acme/checkout/TaxCalculator.java', 'RoundingMode.HALF_UP', 'RoundingMode.DOWN')
true

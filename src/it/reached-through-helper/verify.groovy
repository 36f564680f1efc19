// Issue 19: the acceptance test reaches the generated class only through a test helper.
def wrongThenRight = evaluate(new File('src/it/shared/wrong-then-right.groovy'))
def feedback = wrongThenRight(basedir, basedir, 'vat-calculator', 'InvoiceTotalsTest', 'com.acme.billing', 'expected: <17.30> but was: <17.28>',
        'com/acme/billing/VatCalculator.java', 'RoundingMode.HALF_UP', 'RoundingMode.DOWN')
assert !feedback.contains('InvoiceLineTest') : 'a test the candidate cannot affect was sent: ' + feedback
true

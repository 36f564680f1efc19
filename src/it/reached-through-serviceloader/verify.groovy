// Issue 19: the acceptance test finds the generated class only through java.util.ServiceLoader.
def wrongThenRight = evaluate(new File('src/it/shared/wrong-then-right.groovy'))
def feedback = wrongThenRight(basedir, basedir, 'parcel-rule', 'ShippingRulesTest', 'com.acme.shipping', 'expected: <599> but was: <499>',
        'com/acme/shipping/parcel/ParcelRule.java', 'BASE_GRAMS + 999', '(grams - BASE_GRAMS) / 1000')
true

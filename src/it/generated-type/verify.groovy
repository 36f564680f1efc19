// Issue 23: a type the project's build generates (templating-maven-plugin's BuildInfo) is never the
// model's: the candidate goes on to the sub-build, which expands the template, and only the real
// mistake (VAT rounded down, which PriceTagTest catches through the project's PriceTag) is sent back.
def wrongThenRight = evaluate(new File('src/it/shared/wrong-then-right.groovy'))
def feedback = wrongThenRight(basedir, basedir, 'vat-calculator', 'PriceTagTest', 'com.acme.billing',
        'expected: <10.77 (billing 1)> but was: <10.76 (billing 1)>',
        'com/acme/billing/VatCalculator.java', 'RoundingMode.HALF_UP', 'RoundingMode.DOWN')
assert !feedback.contains('BuildInfo') : 'the model was told about the generated type: ' + feedback
def log = new File(basedir, 'build.log').text
assert !log.contains('no other task or part is writing this type') : 'the generated type was called missing'
assert log.contains('autocoder: final check passed') : 'no final check line'
// The user is told once why the rounds compile in the sub-build and run the whole suite.
def told = log.readLines().findAll { it.contains('needs BuildInfo, which no task writes') }
assert told.size() == 1 : 'expected one notice about BuildInfo: ' + told
true

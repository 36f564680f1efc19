def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

def texts = requests*.messagesText()
def generations = texts.findAll { !it.contains('You review Java code') }
def plans = generations.findAll { it.contains('Task `rpn`') }
def stack = generations.findAll { it.contains('This is part `stack`') }
def calculator = generations.findAll { it.contains('This is part `calculator`') }

// One plan, one answer for the stack, two for the calculator: nothing else was asked.
assert plans.size() == 1 : "plan requests: " + plans.size()
assert stack.size() == 1 : "stack requests: " + stack.size()
assert calculator.size() == 2 : "calculator requests: " + calculator.size()
assert generations.size() == 4 : "generation requests: " + generations.size()
assert !calculator.any { it.contains('This is part `stack`') } && !stack.any { it.contains('This is part `calculator`') }

// The calculator was verified with the stack's code: it was never told that IntStack is missing.
(stack + calculator).each { text ->
    assert !text.contains('cannot find symbol') : 'a missing sibling type was sent: ' + text
    assert !text.contains('[compile]') : 'a compile failure was sent: ' + text
    assert !(text =~ /(?i)IntStack[^\n]*(does not exist|not found|missing)/) : 'IntStack was reported missing: ' + text
}
assert !stack[0].contains('Verification failed')
assert !calculator[0].contains('Verification failed')
def feedback = calculator[1].substring(calculator[1].lastIndexOf('Verification failed'))
assert feedback.contains('RpnCalculatorTest') : feedback
assert !feedback.contains('IntStackTest') : feedback

assert log.contains('[rpn] split into 2 part(s): stack, calculator')
assert log =~ /\[rpn(\/calculator)?\] attempt 1: failed, \[test\] [^\n]*RpnCalculatorTest/ : 'the first calculator failed its test'
assert !(log =~ /\[rpn\/stack\] attempt \d+: failed/) : 'the stack never failed'
assert !log.contains('[rpn/stack] attempt 2')
assert !log.contains('[rpn/calculator] attempt 3')
assert log =~ /\[rpn\] verified after \d+ attempt\(s\)/
assert !log.contains('not verified')
assert !log.contains('independently of the generated code')

['IntStack', 'RpnCalculator'].each { type ->
    assert new File(basedir, "target/generated-sources/autocoder/com/acme/calc/${type}.java").isFile() : type
    assert new File(basedir, "target/classes/com/acme/calc/${type}.class").isFile() : type
    def report = new File(basedir, "target/surefire-reports/TEST-com.acme.calc.${type}Test.xml").text
    assert report.contains('failures="0"') && report.contains('errors="0"') : type
}
assert new File(basedir, 'target/generated-sources/autocoder/com/acme/calc/RpnCalculator.java').text.contains('int right = stack.pop();')
assert log.contains('BUILD SUCCESS')
true

def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

// The plan, one request per part, one review of the parts together.
assert requests.size() == 4 : "requests: " + requests.size()
def texts = requests*.messagesText()
def circle = texts.find { it.contains('This is part `circle`') }
def square = texts.find { it.contains('This is part `square`') }
assert !circle.contains('part `square`') && !square.contains('part `circle`') : 'each part has its own conversation'
assert [circle, square].every { it.contains('public interface Shape') } : 'each part is shown the shared interface'
assert [circle, square].every { !it.contains('Task `shapes`') }
def review = texts.find { it.contains('You review Java code') }
assert ['interface Shape', 'class Circle', 'class Square'].every { review.contains(it) } : 'the parts are reviewed together'

assert log.contains('[shapes] split into 2 part(s): circle, square')
assert log.contains('[shapes/circle] attempt 1: passed')
assert log.contains('[shapes/square] attempt 1: passed')
assert log.contains('[shapes] attempt 1: passed')
assert log.contains('[shapes] verified after 1 attempt(s)')

['Shape', 'Circle', 'Square'].each { type ->
    assert new File(basedir, "target/generated-sources/autocoder/com/example/${type}.java").isFile() : type
    assert new File(basedir, "target/classes/com/example/${type}.class").isFile() : type
}
assert new File(basedir, 'target/surefire-reports/TEST-com.example.ShapesTest.xml').text.contains('failures="0"')
true

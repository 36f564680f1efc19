def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def texts = requests*.messagesText()
def generations = texts.findAll { !it.contains('You review Java code') }
def generated = new File(basedir, 'target/generated-sources/autocoder')

// pipe: one reply, verified although it re-sent Cell and StringUtils; nothing was asked again.
def pipe = generations.findAll { it.contains('Task `pipe`') }
assert pipe.size() == 1 : "pipe requests: " + pipe.size()
assert log.contains('[pipe] verified after 1 attempt(s)')
assert new File(generated, 'game/map/cells/Pipe.java').text.contains('StringUtils.pad("pipe")')
// The copies were left out: the hand-written classes stay as they are, and none is generated.
assert !new File(generated, 'game/map/cells/Cell.java').exists()
assert !new File(generated, 'util/StringUtils.java').exists()
assert !new File(generated, 'Cell.java').exists()
assert new File(basedir, 'src/main/java/game/map/cells/Cell.java').text.contains("return '.';")
assert !new File(basedir, 'src/main/java/util/StringUtils.java').text.contains('center')

// wall: the reply without its package line is told so, in its own file, once, and nothing else.
def wall = generations.findAll { it.contains('Task `wall`') }
assert wall.size() == 2 : "wall requests: " + wall.size()
def feedback = wall[1].substring(wall[1].lastIndexOf('Verification failed'))
assert feedback.contains('Wall.java:1: Wall has no package line') : feedback
assert feedback.contains('`package game.map.cells;`') : feedback
assert !feedback.contains('no other task') : feedback
// What follows from it in the project's test is summarised, not listed as a finding of its own.
assert feedback.contains('1 error(s) in other files follow from the above') : feedback
assert !feedback.contains('[compile] game/map/cells/WallTest.java') : feedback
assert !feedback.contains('[waiting]') : feedback
assert log.contains('[wall] verified after 2 attempt(s)')
assert new File(generated, 'game/map/cells/Wall.java').isFile()
assert !new File(generated, 'Wall.java').exists()

// No request ever told a model about a type it re-sent but did not need to change.
texts.each { assert !it.contains('you may not change it') : it }
// Pipe's published code is the one its task wrote.
assert new File(generated, 'game/map/cells/Pipe.java').text.contains('A cell that water can flow through')
['PipeTest', 'WallTest'].each {
    assert new File(basedir, "target/surefire-reports/TEST-game.map.cells.${it}.xml").text.contains('failures="0"')
}
assert log.contains('BUILD SUCCESS')
true

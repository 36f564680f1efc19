def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

def tasks = [slugifier: ['Slugifier', 'SlugifierTest'], 'reading-time': ['ReadingTime', 'ReadingTimeTest'],
             excerpt: ['Excerpt', 'ExcerptTest']]
def texts = requests*.messagesText()
def generations = texts.findAll { !it.contains('You review Java code') }

// Two generations per task, six in all: the tasks converge as fast as independent ones would.
assert generations.size() == 6 : "generation requests: " + generations.size()
// No task was ever told that a type of another task, or anything else, is missing.
texts.each { text ->
    assert !text.contains('cannot find symbol') : 'a compile failure the candidate did not cause was sent: ' + text
    assert !text.contains('[compile]') : 'a compile failure was sent: ' + text
}

tasks.each { task, names ->
    def (type, test) = names
    def own = generations.findAll { it.contains("Task `${task}`") }
    assert own.size() == 2 : "${task}: generation requests: " + own.size()
    assert !own[0].contains('Verification failed')
    // The second request carries this task's own failing test and nothing of the other tasks'.
    def feedback = own[1].substring(own[1].lastIndexOf('Verification failed'))
    assert feedback.contains(test) : "${task}: " + feedback
    (tasks.values()*.get(1) - [test]).each { other ->
        assert !feedback.contains(other) : "${task} was sent ${other}'s failure: " + feedback
    }

    assert log.contains("[${task}] attempt 1: failed, [test] ") : "${task}: attempt 1 did not fail a test"
    def attempt1 = log.readLines().find { it.contains("[${task}] attempt 1: failed") }
    assert attempt1.contains(test) : attempt1
    assert log.contains("[${task}] attempt 2: passed")
    assert log.contains("[${task}] verified after 2 attempt(s)")
    assert !log.contains("[${task}] attempt 3")

    def generated = new File(basedir, "target/generated-sources/autocoder/com/acme/blog/${type}.java")
    assert generated.isFile() : type
    assert new File(basedir, "target/classes/com/acme/blog/${type}.class").isFile() : type
    assert new File(basedir, "target/surefire-reports/TEST-com.acme.blog.${test}.xml").text.contains('failures="0"')
}
// The second answers were written, not the first.
assert new File(basedir, 'target/generated-sources/autocoder/com/acme/blog/Slugifier.java').text.contains('start++')
assert new File(basedir, 'target/generated-sources/autocoder/com/acme/blog/ReadingTime.java').text.contains('WORDS_PER_MINUTE - 1')
assert new File(basedir, 'target/generated-sources/autocoder/com/acme/blog/Excerpt.java').text.contains('lastIndexOf')

assert new File(basedir, 'target/classes/com/acme/blog/ArticleCard.class').isFile()
def card = new File(basedir, 'target/surefire-reports/TEST-com.acme.blog.ArticleCardTest.xml')
assert card.isFile() && card.text.contains('failures="0"') && card.text.contains('errors="0"')
assert !log.contains('independently of the generated code')
assert log.contains('BUILD SUCCESS')

// The summary says what the sub-builds cost each task, the final check, and the run against the
// project's own last test time, unknown here: the project had never run its tests before.
def summary = log.readLines().collect { it.replaceFirst(/^\[INFO\] /, '') }
assert summary.any { it.startsWith('task ') && it.endsWith('verify time  rounds  sub-build time  share') } : 'no cost columns'
tasks.keySet().each { task ->
    def row = summary.find { it.startsWith(task + ' ') && it.contains(' verified ') }
    assert row : "${task}: no summary row"
    def cells = row.split(/\s{2,}/)
    assert (cells[-3] as int) >= 2 : "${task} took part in at least two rounds: " + row
    assert cells[-2] ==~ /[0-9]+\.[0-9] s/ && cells[-1] ==~ /[0-9]+%/ : row
}
assert summary.any { it ==~ /\(final check\)\s+1\s+[0-9.]+ s\s+[0-9]+%/ } : 'no final check row'
assert summary.any { it ==~ /run [0-9.]+ s, of it [0-9]+ sub-build\(s\) [0-9.]+ s \([0-9]+%\); the project's own last test time: unknown.*/ }
// Candidates written at the same time share a round: a round about to start waits for the ones
// still being written, so the six candidates took fewer than six rounds.
def carried = log.readLines().find { it.contains('autocoder: ') && it.contains(' round(s) carried 6 candidate(s)') }
assert carried : 'no round line'
def rounds = (carried =~ /autocoder: ([0-9]+) round\(s\)/)[0][1] as int
assert rounds < 6 : 'every candidate took a round of its own: ' + carried
// The rounds ran in a warm Maven (warmMaven, on by default): Maven started once per JVM, not per round.
assert carried =~ /sub-builds: [0-9]+ in [12] warm Maven JVM\(s\)(, the first started while the model wrote)?$/ : carried
def report = new File(basedir, 'target/autocoder/report.json').text
assert report.contains('"cost"') && report.contains('"(final check)"')
true

// Spotless' check at validate sees the candidate as it sees src/main/java: the tab-indented first
// candidate, with a trailing blank, goes back to the model with the diff spotless' apply makes of it
// (configured as the execution that binds the check), the second verifies, and it passes the
// project's own validate once moved into src/main/java (build 2).
def task = 'order-numbers'
def path = 'com/acme/orders/OrderNumbers.java'
def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
// Build 1 generates and tests, build 2 moves the code and validates.
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] BUILD (?:SUCCESS|FAILURE)$/)
def first = builds[0]
def pom = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml'))
def spotless = pom.build.plugins.plugin.find { it.artifactId.text() == 'spotless-maven-plugin' }
def check = "spotless-maven-plugin:${spotless.version.text()}:check (${spotless.executions.execution.id.text()})"
def javaFiles = { String root ->
    def found = []
    def dir = new File(basedir, root)
    if (dir.isDirectory()) {
        dir.eachFileRecurse(groovy.io.FileType.FILES) { if (it.name.endsWith('.java')) found << it }
    }
    found
}
def code = { String reply -> reply.substring(reply.indexOf('```java\n') + '```java\n'.length(), reply.lastIndexOf('```')) }
def tabs = code(new File(basedir, 'replies/order-numbers-tabs.md').text)
def spaces = code(new File(basedir, 'replies/order-numbers-spaces.md').text)

// The project's tests reach the generated class only through the hand-written OrderService.
assert !javaFiles('src/test/java').any { it.text.contains('OrderNumbers') }
assert javaFiles('src/main/java').any { it.name == 'OrderService.java' && it.text.contains('OrderNumbers.format(') }

// Two code requests: the first without feedback, the second with the formatter's diff of the file.
def generations = requests*.messagesText().findAll { !it.contains('You review Java code') }
assert generations.size() == 2 : "code requests: " + generations.size()
assert !generations[0].contains('Verification failed')
assert generations[1].contains("Task `${task}`")
def feedback = generations[1].substring(generations[1].lastIndexOf('Verification failed'))
assert feedback.contains("[build] ${path}:") && feedback.contains("the project's formatter rejects this file") : feedback
assert feedback.contains("--- a/${path}\n+++ b/${path}\n") : feedback
// Each line spotless changed is in the diff: the first reply's line out, the formatted one in.
def changed = [tabs.readLines(), spaces.readLines()].transpose().findAll { it[0] != it[1] }
assert changed.size() > 1
changed.each { before, after ->
    assert feedback.contains("\n-${before}\n") && feedback.contains("\n+${after}\n") : "${before} -> ${after}: ${feedback}"
}
// Not the check's own list of files, which it names when no apply ran or apply changed nothing.
assert !feedback.contains('The following files had format violations') : feedback
assert !feedback.contains('independently of the generated code')

def attempt1 = first.readLines().find { it.contains("[${task}] attempt 1: failed") }
assert attempt1 != null : first.readLines().findAll { it.contains("[${task}]") }
assert attempt1.contains("[build] ${path}:") && attempt1.contains('formatter rejects') : attempt1
assert first.contains("[${task}] attempt 2: passed")
assert first.contains("[${task}] verified after 2 attempt(s)")
assert !first.contains("[${task}] attempt 3")
assert !first.contains('independently of the generated code') : 'the project was blamed'

// The formatted answer was written, and the project's test passed on it through OrderService.
def generated = new File(basedir, "target/generated-sources/autocoder/${path}")
assert generated.isFile() && generated.text == spaces : generated.text
def lock = new File(basedir, 'src/main/autocoder/autocoder.lock.json').text
assert !lock.contains('\\t')
def report = new File(basedir, 'target/surefire-reports/TEST-com.acme.orders.OrderServiceTest.xml')
assert report.isFile() && report.text.contains('failures="0"') && report.text.contains('errors="0"')

// Build 1's check saw the project's own files; build 2's saw them and the moved code, all clean.
def clean = /Spotless\.Java is keeping (\d+) files clean - 0 needs changes to be clean/
def moved = new File(basedir, "src/main/java/${path}")
assert moved.isFile() && moved.text == spaces
def files = javaFiles('src/main/java').size() + javaFiles('src/test/java').size()
assert first.contains(check) && (first =~ clean)[0][1] as int == files - 1 : first
assert builds.size() >= 3 && builds[1].contains(check) : builds[1]
assert (builds[1] =~ clean)[0][1] as int == files : builds[1]
assert log.count('BUILD SUCCESS') == 2 : 'a build failed'
true

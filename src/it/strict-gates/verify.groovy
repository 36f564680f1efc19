// Issue 23: the project's gates at validate see the candidate as they see src/main/java, although
// their rules skip target/: a candidate with http:// is sent back with the rule and line, a
// four-space-indented one with the formatter's diff, and the verified code passes the project's own
// validate once moved into src/main/java (build 2).
def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] BUILD (?:SUCCESS|FAILURE)$/)
def first = builds[0]
def lines = first.readLines()
def task = 'links'

def generations = requests*.messagesText().findAll { !it.contains('You review Java code') }
assert generations.size() == 3 : "generation requests: " + generations.size()

// Attempt 1: the nohttp rule, with its line, from the project's own checkstyle execution.
def attempt1 = lines.find { it.contains("[${task}] attempt 1: failed") }
assert attempt1 != null : lines.findAll { it.contains("[${task}]") }
assert attempt1 =~ /com\/acme\/links\/Links\.java:7 \[RegexpSingleline\] use https:\/\/ \(nohttp\)/ : attempt1
def second = generations[1].substring(generations[1].lastIndexOf('Verification failed'))
assert second.contains('RegexpSingleline') && second.contains('Links.java:7')

// Attempt 2: spring-javaformat's validate names the file only; the model gets the formatter's diff.
def attempt2 = lines.find { it.contains("[${task}] attempt 2: failed") }
assert attempt2 != null : lines.findAll { it.contains("[${task}]") }
def third = generations[2].substring(generations[2].lastIndexOf('Verification failed'))
assert third.contains('formatter rejects') : third
assert third.contains('--- a/com/acme/links/Links.java') && third.contains('+++ b/com/acme/links/Links.java') : third
assert third.contains('-    public static final String DOCS') && third.contains('+\tpublic static final String DOCS') : third
assert !third.contains('independently of the generated code')

assert log.contains("[${task}] attempt 3: passed")
assert log.contains("[${task}] verified after 3 attempt(s)")
assert !first.contains('independently of the generated code') : 'the project was blamed'

// Build 2 moved the verified code into src/main/java and the project's own gates passed on it.
def moved = new File(basedir, 'src/main/java/com/acme/links/Links.java')
assert moved.isFile() && moved.text.contains('\tpublic static String page(String topic) {')
assert builds.size() >= 3 && builds[1].contains('spring-javaformat-maven-plugin:0.0.48:validate')
assert builds[1].contains('maven-checkstyle-plugin:3.6.0:check (nohttp)')
assert log.count('BUILD SUCCESS') == 2 : 'a build failed'
true

import groovy.json.JsonSlurper

def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def failures = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal dev.autocoder') }
assert failures.size() == 2 : failures.join('\n')

// Build 1: alpha's code and review, beta's two attempts. Build 2: none.
assert requests.size() == 4 : "requests: " + requests.size()

// Build 1 failed for beta only, and said what it locked.
assert failures[0].contains('1 task(s) not verified')
assert log.contains('  beta: ')
assert log.contains('[alpha] locked in ')
assert log =~ /Locked in \S+autocoder\.lock\.json: alpha; not locked: beta\./

def lock = new JsonSlurper().parse(new File(basedir, 'src/main/autocoder/autocoder.lock.json'))
assert lock.tasks.collect { it.execution + '/' + it.task } == ['default/alpha']

// Build 2, after clean and without a key: alpha restored, only beta named.
assert failures[1].contains('no API key, and the model is needed for task beta (not in ')
assert !failures[1].contains('task alpha')
assert new File(basedir, 'target/generated-sources/autocoder/com/example/parts/Alpha.java').text ==
        lock.tasks[0].files[0].content
assert !new File(basedir, 'target/generated-sources/autocoder/com/example/parts/Beta.java').exists()
def report = new JsonSlurper().parse(new File(basedir, 'target/autocoder/report.json'))
assert report.tasks.collect { it.task + ':' + it.origin } == ['alpha:restored', 'beta:not-generated']
true

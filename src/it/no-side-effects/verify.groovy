// Issue 23: the sub-builds ran the generator and the tests in their copy of the module; the real
// module holds neither file and its tree is as it was, but for target/ and the lock file.
def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def task = 'greeter'

assert log.contains("[${task}] attempt 1: passed") : log.readLines().findAll { it.contains("[${task}]") }
assert log.contains("[${task}] verified after 1 attempt(s)")
assert !log.contains('independently of the generated code') : 'the project was blamed'
assert log.contains('BUILD SUCCESS')

assert !new File(basedir, 'generated-stamp.txt').exists() : 'the generator wrote into the real module'
assert !new File(basedir, 'out.txt').exists() : 'a test wrote into the real module'
def tree = []
basedir.eachFileRecurse { file ->
    def relative = basedir.toPath().relativize(file.toPath()).toString().replace('\\', '/')
    if (file.isFile() && !relative.startsWith('target/') && relative != 'build.log'
            && relative != 'src/main/autocoder/autocoder.lock.json') {
        tree << relative + ' ' + file.bytes.encodeHex().toString().md5()
    }
}
def before = new File(basedir.parentFile, 'no-side-effects-tree-before.txt').text
assert tree.sort().join('\n') == before : 'the module changed outside target/'
assert new File(basedir, 'src/main/autocoder/autocoder.lock.json').isFile() : 'the task was not locked'

// The kept sub-builds show where the files went: into each module's copy, next to its tests.
def subBuilds = new File(basedir.parentFile, 'no-side-effects-subbuilds/default')
def stamps = []
def notes = []
subBuilds.eachFileRecurse { if (it.name == 'generated-stamp.txt') stamps << it; if (it.name == 'out.txt') notes << it }
assert !stamps.isEmpty() : 'no sub-build ran the generator: ' + subBuilds
assert !notes.isEmpty() : 'no sub-build ran the test'
notes.each { assert it.text == 'Hello, Ann!' && new File(it.parentFile, 'src/test/resources/fixture.txt').isFile() }
true

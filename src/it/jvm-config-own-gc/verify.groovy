import groovy.json.JsonSlurper

// Issue 23: a jvm.config with -XX:+UseG1GC -Xmx512m works in the sub-builds: the candidate verifies
// at once, and each sub-build's Maven JVM ran with the project's collector and heap.
def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def task = 'initials'

def generations = requests*.messagesText().findAll { !it.contains('You review Java code') }
assert generations.size() == 1 : "generation requests: " + generations.size()
assert log.contains("[${task}] attempt 1: passed") : lines.findAll { it.contains("[${task}]") }
assert log.contains("[${task}] verified after 1 attempt(s)")
assert !log.contains('independently of the generated code') : 'the project was blamed'
assert !log.contains('Multiple garbage collectors')
assert !(log =~ /Failed to execute goal \S*autocoder/) : 'the plugin goal failed'

// The outer build itself ran on G1 (PrintCommandLineFlags prints the JVM's flags first).
assert log.contains('-XX:+UseG1GC') : 'the outer build did not use the jvm.config'

// Every kept sub-build ran Maven on the project's collector and heap, with no second collector.
def subBuildLogs = []
dev.autocoder.testing.ItSupport.subBuilds(basedir, 'default').eachFileRecurse { if (it.name == 'build.log') subBuildLogs << it }
assert !subBuildLogs.isEmpty() : 'no sub-build was kept'
subBuildLogs.each { file ->
    def flags = file.readLines().find { it.contains('-XX:MaxHeapSize=') }
    assert flags != null : 'no JVM flags in ' + file
    assert flags.contains('-XX:+UseG1GC') : flags
    assert !flags.contains('-XX:+UseSerialGC') : flags
    assert flags.contains('-XX:MaxHeapSize=536870912') : flags
    assert flags.contains('-XX:TieredStopAtLevel=1') : 'the sub-build options of other kinds still apply: ' + flags
}

def lock = new JsonSlurper().parse(new File(basedir, 'src/main/autocoder/autocoder.lock.json'))
assert lock.tasks.find { it.task == task } != null : 'the task is not locked'
assert log.contains('BUILD SUCCESS')
true

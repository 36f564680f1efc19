// Issue 23: a jvm.config with -XX:+UseG1GC -Xmx512m works in the sub-builds: the candidate verifies
// at once, and each sub-build's Maven JVM ran with the project's collector and heap.
def verifiedAtOnce = evaluate(new File('src/it/shared/verified-at-once.groovy'))
def log = verifiedAtOnce(basedir, 'initials')
assert !log.contains('Multiple garbage collectors')

// The outer build itself ran on G1 (PrintCommandLineFlags prints the JVM's flags first).
assert log.contains('-XX:+UseG1GC') : 'the outer build did not use the jvm.config'

// Every kept sub-build ran Maven on the project's collector and heap, with no second collector. The
// sub-builds run in warm Maven JVMs (warmMaven, the default): a JVM prints its flags once, as it starts,
// and they open the log of the first sub-build it ran, so there is one such log per JVM.
def subBuildLogs = []
// Each sub-build's own log, not the copies of this project's files (the invoker's build.log among them).
dev.autocoder.testing.ItSupport.subBuilds(basedir, 'default').eachFileRecurse {
    if (it.name == 'build.log' && it.parentFile.name.startsWith('build-')) subBuildLogs << it
}
assert !subBuildLogs.isEmpty() : 'no sub-build was kept'
def carried = log.readLines().find { it.contains(' warm Maven JVM(s)') }
assert carried : 'no line says where the sub-builds ran'
def jvms = (carried =~ /in ([0-9]+) warm Maven JVM/)[0][1] as int
def flagged = subBuildLogs.collect { file -> file.readLines().find { it.contains('-XX:MaxHeapSize=') } }.findAll { it != null }
assert flagged.size() == jvms : "${flagged.size()} sub-build log(s) with JVM flags, ${jvms} JVM(s): ${carried}"
flagged.each { flags ->
    assert flags.contains('-XX:+UseG1GC') : flags
    assert !flags.contains('-XX:+UseSerialGC') : flags
    assert flags.contains('-XX:MaxHeapSize=536870912') : flags
    assert flags.contains('-XX:TieredStopAtLevel=1') : 'the sub-build options of other kinds still apply: ' + flags
}

// Checks passed: the kept sub-builds go, so that the suite leaves nothing in the temporary folder.
dev.autocoder.testing.ItSupport.removeSubBuilds(basedir)
true

// Issue 23: a jvm.config with -XX:+UseG1GC -Xmx512m works in the sub-builds: the candidate verifies
// at once, and each sub-build's Maven JVM ran with the project's collector and heap.
def verifiedAtOnce = evaluate(new File('src/it/shared/verified-at-once.groovy'))
def log = verifiedAtOnce(basedir, 'initials')
assert !log.contains('Multiple garbage collectors')

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

// Checks passed: the kept sub-builds go, so that the suite leaves nothing in the temporary folder.
dev.autocoder.testing.ItSupport.removeSubBuilds(basedir)
true

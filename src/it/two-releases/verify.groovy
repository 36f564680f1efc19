// Issue 23, as Gson builds: main code at release 8 with module-info.java excluded from
// default-compile, tests at testRelease 17 using var, the acceptance test reaching the generated
// class through a test helper.
def wrongThenRight = evaluate(new File('src/it/shared/wrong-then-right.groovy'))
wrongThenRight(basedir, basedir, 'kilometres', 'LegLengthTest', 'com.acme.units', 'expected: <2250> but was: <450>',
        'com/acme/units/Kilometres.java', 'METRES_PER_KILOMETRE = 1000;', 'METRES_PER_KILOMETRE = 100;')
def log = new File(basedir, 'build.log').text

// The in-process compile reproduced both compiles: nothing was handed over for want of it.
assert !log.contains('cannot reproduce the project') : log.readLines().findAll { it.contains('cannot reproduce') }
assert log.contains('autocoder: final check passed')

// The final check (the last sub-build) ran every test of the project, none left out as waiting
// for a type because javac saw var at release 8.
def builds = []
dev.autocoder.testing.ItSupport.subBuilds(basedir, 'default').eachFileRecurse { if (it.name == 'build.log') builds << it }
assert builds.size() >= 3 : 'rounds and final check kept: ' + builds
def finalCheck = builds.max { it.lastModified() }.parentFile
def reports = []
new File(finalCheck, 'c0/target/surefire-reports').eachFileMatch(~/TEST-.*\.xml/) { reports << it }
def counts = reports.collectEntries { report ->
    def suite = new groovy.xml.XmlSlurper().parse(report)
    [(suite.@name.text()): suite.@tests.text() as int]
}
assert counts == ['com.acme.units.LegLengthTest': 2, 'com.acme.units.LegTest': 1, 'com.acme.units.RouteTest': 3] :
        'the final check ran ' + counts
assert counts.values().sum() == 6
def finalLog = new File(finalCheck, 'build.log').text
assert finalLog.contains('Tests run: 6, Failures: 0, Errors: 0, Skipped: 0') : 'the final check did not run all 6 tests'

// The project's own build compiled the same way: no module descriptor in its classes.
assert !new File(basedir, 'target/classes/module-info.class').exists()

// Checks passed: the kept sub-builds go, so that the suite leaves nothing in the temporary folder.
dev.autocoder.testing.ItSupport.removeSubBuilds(basedir)
true

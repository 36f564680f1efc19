import dev.autocoder.testing.ItSupport

// Kept sub-builds of an earlier run of this case would be read as this run's.
ItSupport.subBuilds(basedir, 'default').deleteDir()
// ItSupport writes .mvn/maven.config beside the project's .mvn/extensions.xml.
ItSupport.startServer(basedir, new File(basedir, 'script.json'))
true

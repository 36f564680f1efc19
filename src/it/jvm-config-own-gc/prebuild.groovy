import dev.autocoder.testing.ItSupport

// ItSupport writes .mvn/maven.config; the project's .mvn/jvm.config stays as committed.
ItSupport.startServer(basedir, new File(basedir, 'script.json'))
true

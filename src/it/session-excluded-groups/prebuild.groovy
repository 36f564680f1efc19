import dev.autocoder.testing.ItSupport

// The team keeps its slow tests out of local builds in .mvn/maven.config, next to the fake
// server's URL; the sub-builds must run with that switch as the user's own build does.
ItSupport.startServer(basedir, new File(basedir, 'script.json'), '-DexcludedGroups=slow')
true

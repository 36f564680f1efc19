import dev.autocoder.testing.ItSupport

ItSupport.startServer(basedir, new File(basedir, 'script.json'))
true

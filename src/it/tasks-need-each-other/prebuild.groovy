import dev.autocoder.testing.ItSupport

// --fail-never: verify.groovy accepts a run that ends either with both tasks verified or with a
// clear failure line; what it must never do is hang (invoker.timeoutInSeconds kills it).
ItSupport.startServer(basedir, new File(basedir, 'script.json'), '--fail-never')
true

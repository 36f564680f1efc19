import dev.autocoder.testing.ItSupport

ItSupport.copyExample(basedir, 'money-utils')
ItSupport.startServer(basedir, new File(basedir, 'script.json'), '-Dautocoder.mode=live')
true

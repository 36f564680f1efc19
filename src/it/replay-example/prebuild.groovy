import dev.autocoder.testing.ItSupport

ItSupport.copyExample(basedir, 'money-utils')
true

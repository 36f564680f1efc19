import dev.autocoder.testing.ItSupport

ItSupport.copyExample(basedir, 'money-utils')
def direct = ItSupport.serve(basedir, new File(basedir, 'script.json'))
// The proxy's password is encrypted in settings.xml, its master in settings-security.xml.
ItSupport.startProxy(basedir, 'proxy-settings.xml', '127.0.0.1|repo.maven.apache.org|repo1.maven.org', 'alice',
        'proxy-it-S3CRET-pass', 'master-it-S3CRET')
def security = "settings.security=${new File(basedir, 'settings-security.xml').absolutePath}\n"
new File(basedir, 'through-proxy.properties').text =
        "autocoder.mode=live\nautocoder.baseUrl=${direct.replace('127.0.0.1', 'model.test')}\n" + security
def fresh = new File(basedir, 'money-utils/target/autocoder-direct').absolutePath
new File(basedir, 'direct.properties').text = "autocoder.mode=live\nautocoder.baseUrl=${direct}\n" +
        "autocoder.force=true\nautocoder.stateDirectory=${fresh}\n" + security
true

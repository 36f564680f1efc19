import dev.autocoder.testing.ItSupport

ItSupport.copyExample(basedir, 'money-utils')
def direct = ItSupport.serve(basedir, new File(basedir, 'script.json'))
ItSupport.startProxy(basedir, 'proxy-settings.xml', '127.0.0.1', 'alice', 'proxy-it-S3CRET-pass')
new File(basedir, 'through-proxy.properties').text =
        "autocoder.mode=live\nautocoder.baseUrl=${direct.replace('127.0.0.1', 'model.test')}\n"
new File(basedir, 'direct.properties').text = "autocoder.mode=live\nautocoder.baseUrl=${direct}\n"
true

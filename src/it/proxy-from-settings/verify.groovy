import dev.autocoder.testing.ItSupport

def seen = ItSupport.stopProxy(basedir)
def requests = ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def module = new File(basedir, 'money-utils')
def port = new URI(new File(basedir, 'direct.properties').text.find(/http:\S+/)).port

// Each run asked once for Money and once for the review. The first run's two requests came through
// the proxy, addressed to model.test and carrying the proxy's credentials; the second run's did not.
assert requests.size() == 4 : "requests: " + requests.size()
assert seen.size() == 2 : "the proxy saw " + seen
assert seen.every { it.method() == 'POST' && it.target() == "http://model.test:${port}/v1/chat/completions".toString() } : seen
assert seen.every { it.proxyAuthorization() == 'Basic ' + 'alice:proxy-it-S3CRET-pass'.bytes.encodeBase64() } : seen

assert log.count('[money] verified after 1 attempt(s)') == 2 : 'both runs verified the task'
def money = new File(module, 'target/generated-sources/autocoder/com/example/money/Money.java')
assert money.text.contains('Math.floorDiv')

// The settings hold the password encrypted; decrypted, it reached the proxy only.
assert !new File(basedir, 'proxy-settings.xml').text.contains('proxy-it-S3CRET-pass')
def leaks = ItSupport.filesContaining(module, 'proxy-it-S3CRET-pass')
        + (log.contains('proxy-it-S3CRET-pass') ? ['build.log'] : [])
assert leaks.isEmpty() : "the proxy password leaked into " + leaks
true

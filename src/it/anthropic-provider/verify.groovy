import dev.autocoder.testing.ItSupport

def requests = ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def module = new File(basedir, 'money-utils')

// One request for Money and one for the review, both in Anthropic's protocol with the key from
// ANTHROPIC_API_KEY in x-api-key and no bearer token.
assert requests.size() == 2 : "requests: " + requests.size()
assert requests.every { it.path() == '/v1/messages' } : requests*.path()
assert requests.every { it.header('x-api-key') == ItSupport.FAKE_KEY }
assert requests.every { it.header('anthropic-version') != null && it.authorization() == null }
assert requests.every { it.model() == 'claude-sonnet-4-5' } : requests*.model()

def money = new File(module, 'target/generated-sources/autocoder/com/example/money/Money.java')
assert money.text.contains('Math.floorDiv')
assert log.contains('[money] attempt 1: passed')
assert log.contains('[money] verified after 1 attempt(s)')
assert new File(module, 'target/autocoder/report.html').isFile()

def leaks = ItSupport.filesContaining(module, ItSupport.FAKE_KEY) + (log.contains(ItSupport.FAKE_KEY) ? ['build.log'] : [])
assert leaks.isEmpty() : "the API key leaked into " + leaks
true

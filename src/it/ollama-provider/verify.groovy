import dev.autocoder.testing.ItSupport

def requests = ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text
def module = new File(basedir, 'money-utils')

// One request for Money and one for the review, both to Ollama's own API, each asking for the
// context window the prompts were fitted to, and none carrying credentials.
assert requests.size() == 2 : "requests: " + requests.size()
assert requests.every { it.path() == '/api/chat' } : requests*.path()
assert requests.every { it.model() == 'qwen2.5-coder:7b' } : requests*.model()
assert requests.every { it.json().getAsJsonObject('options').get('num_ctx').getAsInt() == 8192 }
assert requests.every { it.authorization() == null }
// Prompts are fitted to three quarters of numCtx: 6144 tokens by the plugin's own (larger) count.
assert requests.every { it.promptTokens() < 6144 }

def money = new File(module, 'target/generated-sources/autocoder/com/example/money/Money.java')
assert money.text.contains('Math.floorDiv')
assert log.contains('[money] attempt 1: passed')
assert log.contains('[money] verified after 1 attempt(s)')
assert !log.contains('API key') : 'no key was asked for'
assert log =~ /total .*\$0\.00/ : 'a local model costs nothing'
assert new File(module, 'target/autocoder/report.html').isFile()
true

def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

assert requests.isEmpty() : "requests: " + requests.size()

def failures = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert failures.size() == 5 : failures.join('\n')

// 1: the missing key names every way to give one.
assert failures[0].contains('<apiKey> (-Dautocoder.apiKey): no API key')
assert ['OPENAI_API_KEY', '<apiKey>', '<serverId>'].every { failures[0].contains(it) } : failures[0]
// 2-4: the parameter at fault, as the XML element a user would edit.
assert failures[1].contains('<baseUrl> (-Dautocoder.baseUrl): `not a url` is not a URL')
assert failures[2].contains('<maxDepth> (-Dautocoder.maxDepth): maxDepth must be at least 1, was 0')
assert failures[3] =~ /<specDirectory> \(-Dautocoder.specDirectory\): specDirectory \S*no-such-folder does not exist/
// 5: the malformed roundSkips entry, named with its parameter.
assert failures[4].contains('<roundSkips> (-Dautocoder.roundSkips): roundSkips entry `spotless` is not groupId:artifactId')

assert !log.contains('asking the model')
assert !new File(basedir, 'target/autocoder/default/journal.jsonl').exists() : 'no model port was ever built'
assert !log.contains('sk-it-bad-configuration')
true

def log = new File(basedir, 'build.log').text
assert log.contains('autocoder:generate')
['apiKey', 'serverId', 'baseUrl', 'model', 'prompt', 'specDirectory', 'outputDirectory', 'stateDirectory',
 'maxDepth', 'maxConversationLength', 'maxRetries', 'retryBaseSeconds', 'retryMaxSeconds', 'timeoutSeconds',
 'skip'].each { assert log.contains("User property: autocoder.$it") : "help lists $it" }
true

def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def terminal = new File(basedir, 'terminal.log').text

assert new File(basedir, 'terminal.exit').text == '0' : terminal
assert terminal.contains('[greeting] the model asks: Which language should the greeting be in?')
assert terminal.contains('A (user): French, please')
assert requests.size() == 3 : "questions, code, review: " + requests.size()
assert requests[1].messagesText().contains('French, please') : 'the typed answer reached the model'
assert new File(basedir, 'target/generated-sources/autocoder/com/example/Greeting.java').isFile()
true

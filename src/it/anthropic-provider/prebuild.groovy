import dev.autocoder.testing.FakeOpenAiServer
import dev.autocoder.testing.ItSupport

ItSupport.copyExample(basedir, 'money-utils', 'claude-sonnet-4-5')
ItSupport.startServer(basedir, new File(basedir, 'script.json'), FakeOpenAiServer.Protocol.ANTHROPIC, '-Dautocoder.mode=live')
true

import dev.autocoder.testing.FakeOpenAiServer
import dev.autocoder.testing.ItSupport

ItSupport.copyExample(basedir, 'money-utils', 'qwen2.5-coder:7b')
ItSupport.startServer(basedir, new File(basedir, 'script.json'), FakeOpenAiServer.Protocol.OLLAMA, '-Dautocoder.mode=live')
true

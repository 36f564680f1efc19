import dev.autocoder.testing.FakeOpenAiServer
import dev.autocoder.testing.ItSupport

ItSupport.copyExample(basedir, 'money-utils')
def pom = new File(basedir, 'money-utils/pom.xml')
def local = pom.text.replace('<model>gpt-4o-mini</model>', '<model>qwen2.5-coder:7b</model>')
assert local != pom.text : 'the example names its model in the POM'
pom.text = local
ItSupport.startServer(basedir, new File(basedir, 'script.json'), FakeOpenAiServer.Protocol.OLLAMA, '-Dautocoder.mode=live')
true

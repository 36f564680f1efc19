import dev.autocoder.testing.FakeOpenAiServer
import dev.autocoder.testing.ItSupport

ItSupport.copyExample(basedir, 'money-utils')
def pom = new File(basedir, 'money-utils/pom.xml')
def claude = pom.text.replace('<model>gpt-4o-mini</model>', '<model>claude-sonnet-4-5</model>')
assert claude != pom.text : 'the example names its model in the POM'
pom.text = claude
ItSupport.startServer(basedir, new File(basedir, 'script.json'), FakeOpenAiServer.Protocol.ANTHROPIC, '-Dautocoder.mode=live')
true

import dev.autocoder.testing.ItSupport

ItSupport.startServer(basedir, new File(basedir, 'script.json'))
def settings = new File(basedir, '../interpolated-settings.xml')
def exit = ItSupport.runInTerminal(basedir, settings, localRepositoryPath,
        [OPENAI_API_KEY: 'sk-it-interactive'], 'French, please\n', 'generate-sources')
new File(basedir, 'terminal.exit').text = exit.toString()
true

def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

assert requests.isEmpty() : "requests: " + requests.size()
assert log.contains('mvn autocoder:generate does not know which execution to run: cli-two-executions\'s POM'
        + ' declares 2 executions of autocoder:generate (`default`, `second`)')
assert log.contains('Run one by its id: mvn autocoder:generate@default or mvn autocoder:generate@second')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources').exists() : 'nothing was generated'
assert !new File(basedir, 'target/autocoder').exists()
assert !new File(basedir, 'src/main/autocoder/autocoder.lock.json').exists()
true

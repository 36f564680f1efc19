// Issue 23: the project's packaging comes from a core extension in .mvn/extensions.xml. Every
// sub-build loads that extension (its .mvn holds the project's extensions.xml), so the candidate
// verifies at once on the recorded reply and the project is never blamed.
def verifiedAtOnce = evaluate(new File('src/it/shared/verified-at-once.groovy'))
def log = verifiedAtOnce(basedir, 'slugs')
assert !log.contains('Unknown packaging')

// Each kept sub-build built a module of the extension's packaging, with the project's
// extensions.xml and without its maven.config (which holds the fake server's URL).
def subBuilds = dev.autocoder.testing.ItSupport.subBuilds(basedir, 'default')
def subBuildLogs = subBuilds.listFiles().findAll { it.isDirectory() }.collect { new File(it, 'build.log') }
        .findAll { it.isFile() }
assert !subBuildLogs.isEmpty() : 'no sub-build was kept'
subBuildLogs.each { file ->
    def text = file.text
    assert !text.contains('Unknown packaging') : file
    assert text.contains('BUILD SUCCESS') : file
    def folder = file.parentFile
    def mvn = new File(folder, '.mvn')
    assert new File(mvn, 'extensions.xml').text == new File(basedir, '.mvn/extensions.xml').text
    assert !new File(mvn, 'maven.config').exists() : 'the outer session\'s maven.config reached ' + folder
    def module = new File(folder, 'c0/pom.xml')
    assert module.text.contains('<packaging>acme-service</packaging>') : module.text
}

// The outer build ran the service's test on the verified code.
def report = new File(basedir, 'target/surefire-reports/TEST-com.acme.blog.ArticleServiceTest.xml')
assert report.isFile() && report.text.contains('failures="0"') && report.text.contains('errors="0"')

// Checks passed: the kept sub-builds go, so that the suite leaves nothing in the temporary folder.
dev.autocoder.testing.ItSupport.removeSubBuilds(basedir)
true

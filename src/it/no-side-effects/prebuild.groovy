import dev.autocoder.testing.ItSupport

// The fake model first: it writes .mvn/maven.config with its address into the module.
ItSupport.startServer(basedir, new File(basedir, 'script.json'))

// The module's tree before the run (every file but target/ with its content's hash), to compare after.
def tree = []
basedir.eachFileRecurse { file ->
    def relative = basedir.toPath().relativize(file.toPath()).toString().replace('\\', '/')
    if (file.isFile() && !relative.startsWith('target/') && relative != 'build.log') {
        tree << relative + ' ' + file.bytes.encodeHex().toString().md5()
    }
}
new File(basedir.parentFile, 'no-side-effects-tree-before.txt').text = tree.sort().join('\n')
true

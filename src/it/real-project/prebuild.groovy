import dev.autocoder.testing.ItSupport
import java.security.MessageDigest

// What service/src holds before the build, so verify.groovy can tell that nothing was written there
// (the lock file aside: the plugin may write it).
def src = new File(basedir, 'service/src')
def lines = []
src.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    def path = src.toPath().relativize(file.toPath()).toString().replace('\\', '/')
    if (path != 'main/autocoder/autocoder.lock.json') {
        lines << path + ' ' + MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString()
    }
}
new File(basedir, 'service-src.before').text = lines.sort().join('\n') + '\n'

ItSupport.startServer(basedir, new File(basedir, 'script.json'))
true

import java.nio.file.Files
import java.nio.file.StandardCopyOption

// The project of lock-restore-no-key with its committed lock file, then an edit to the spec.
def repository = basedir.canonicalFile
while (repository != null && !new File(repository, 'src/it/lock-restore-no-key').isDirectory()) {
    repository = repository.parentFile
}
assert repository != null : 'no src/it/lock-restore-no-key above ' + basedir
def source = new File(repository, 'src/it/lock-restore-no-key/src').toPath()
def target = new File(basedir, 'src').toPath()
Files.walk(source).withCloseable { paths ->
    paths.each { path ->
        def copy = target.resolve(source.relativize(path).toString())
        if (Files.isDirectory(path)) {
            Files.createDirectories(copy)
        } else {
            Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING)
        }
    }
}
def spec = new File(basedir, 'src/main/autocoder/greeting.md')
spec.text = spec.text + 'A name is greeted in upper case.\n'
true

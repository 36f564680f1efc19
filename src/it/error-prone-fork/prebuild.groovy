import dev.autocoder.testing.ItSupport
import java.nio.file.Files
import java.nio.file.StandardCopyOption

// The library, its spec and the recorded replies are error-prone-module's (the invoker runs from the
// project's root); only the POM differs. Its lock file and outputs are never copied.
def library = new File('src/it/error-prone-module').toPath()
def here = basedir.toPath()
['src/main/java', 'src/test/java', 'replies'].each { folder ->
    Files.walk(library.resolve(folder)).filter { Files.isRegularFile(it) }.each { file ->
        def target = here.resolve(library.relativize(file).toString())
        Files.createDirectories(target.parent)
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING)
    }
}
['script.json', 'src/main/autocoder/degrees.md'].each { name ->
    def target = here.resolve(name)
    Files.createDirectories(target.parent)
    Files.copy(library.resolve(name), target, StandardCopyOption.REPLACE_EXISTING)
}

ItSupport.startServer(basedir, new File(basedir, 'script.json'))
true

package dev.autocoder.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A source file of the consuming project, named by its source root and its path below that root,
 * so that findings can name it the same way on every machine.
 *
 * @param root the source root, for example {@code src/test/java} of the project
 * @param relativePath the path below the root, for example {@code com/example/MoneyTest.java}
 */
public record SourceFile(Path root, Path relativePath) {

    public SourceFile {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(relativePath, "relativePath");
    }

    public Path absolutePath() {
        return root.resolve(relativePath);
    }

    /** The relative path with forward slashes, as findings print it. */
    public String displayName() {
        return slashes(relativePath);
    }

    static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    /** Every {@code .java} file below the given roots, in a stable order; missing roots are skipped. */
    static List<SourceFile> under(List<Path> roots) {
        List<SourceFile> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(file -> file.toString().endsWith(".java") && Files.isRegularFile(file))
                        .sorted(Comparator.comparing(SourceFile::slashes))
                        .forEach(file -> files.add(new SourceFile(root, root.relativize(file))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the sources below " + root, e);
            }
        }
        return List.copyOf(files);
    }
}

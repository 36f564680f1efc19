package dev.autocoder.core;

import dev.autocoder.verify.CodeUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes verified code units to the generated source roots, main units to one and tests to the
 * other. The roots belong to the plugin: they are emptied first, so a task that was renamed or
 * removed leaves no stale file behind. Nothing is ever written outside them.
 */
public final class OutputWriter {

    private final Path mainRoot;
    private final Path testRoot;

    public OutputWriter(Path mainRoot, Path testRoot) {
        this.mainRoot = mainRoot.toAbsolutePath().normalize();
        this.testRoot = testRoot.toAbsolutePath().normalize();
    }

    /** Replaces the content of both roots with {@code units}; returns the files written. */
    public List<Path> replaceAll(List<CodeUnit> units) throws IOException {
        for (CodeUnit unit : units) {
            target(unit); // refuse everything before deleting anything
        }
        clear(mainRoot);
        clear(testRoot);
        List<Path> written = new ArrayList<>();
        for (CodeUnit unit : units) {
            Path file = target(unit);
            Files.createDirectories(file.getParent());
            Files.writeString(file, unit.source(), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    /** The file a unit goes to, or an exception when it would land outside its root. */
    public Path target(CodeUnit unit) {
        Path root = unit.test() ? testRoot : mainRoot;
        Path file = root.resolve(unit.relativePath()).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("refusing to write " + unit.qualifiedName() + " to " + file
                    + ": it is outside " + root);
        }
        return file;
    }

    private static void clear(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(root)) {
                    Files.delete(path);
                }
            }
        }
    }
}

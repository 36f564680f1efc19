package dev.autocoder.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The consuming project's files as the context sees them: named by project-relative paths with
 * {@code /} separators (so the text is the same on every machine), never outside the project, and
 * for files a spec names, only what the {@link DisclosurePolicy} lets leave the machine.
 */
final class ProjectFiles {

    private final Path base;
    private final DisclosurePolicy disclosure;

    /** @param allowedFiles project-relative files a spec may name although they look secret or are git-ignored */
    ProjectFiles(Path baseDirectory, Set<String> allowedFiles) {
        this.base = baseDirectory.toAbsolutePath().normalize();
        this.disclosure = new DisclosurePolicy(base, allowedFiles);
    }

    /**
     * A file a spec names.
     *
     * @throws ContextException when the path is absolute, leaves the project (by {@code ..} or by a
     *     symbolic link), names no regular file, or names one that is git-ignored or looks like a
     *     secret and is not allowed
     */
    ProjectFile specFile(String relativePath) {
        Path path;
        try {
            path = Path.of(relativePath);
        } catch (InvalidPathException e) {
            throw new ContextException("context file '" + relativePath + "' is not a valid path: " + e.getReason());
        }
        // a drive letter or leading slash is absolute on some machine, even where Path says otherwise
        if (path.isAbsolute() || relativePath.startsWith("/") || relativePath.startsWith("\\")
                || relativePath.matches("^[A-Za-z]:.*")) {
            throw outside(relativePath, "it is absolute");
        }
        Path resolved = base.resolve(path).normalize();
        if (!resolved.startsWith(base)) {
            throw outside(relativePath, "it leads out of the project folder");
        }
        if (!Files.exists(resolved)) {
            throw new ContextException("context file '" + relativePath + "' does not exist in the project"
                    + " (looked for " + name(resolved) + ")");
        }
        try {
            if (!resolved.toRealPath().startsWith(base.toRealPath())) {
                throw outside(relativePath, "a symbolic link leads out of the project folder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve context file " + relativePath, e);
        }
        if (!Files.isRegularFile(resolved)) {
            throw new ContextException("context file '" + relativePath + "' is not a file");
        }
        disclosure.refusal(name(resolved)).ifPresent(refusal -> {
            throw new ContextException(refusal);
        });
        return new ProjectFile(name(resolved), readText(resolved));
    }

    private static ContextException outside(String relativePath, String why) {
        return new ContextException("context file '" + relativePath + "' is outside the project (" + why
                + "); context paths must be relative to the project folder and stay inside it");
    }

    /** The {@code *.java} files under the roots, ordered by their project-relative names. */
    List<Path> javaFiles(List<Path> roots) {
        return roots.stream()
                .map(root -> base.resolve(root).normalize())
                .filter(Files::isDirectory)
                .flatMap(ProjectFiles::walk)
                .filter(file -> file.getFileName().toString().endsWith(".java") && Files.isRegularFile(file))
                .distinct()
                .sorted(Comparator.comparing(this::name))
                .toList();
    }

    private static Stream<Path> walk(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** The file's name relative to the project, with {@code /} separators. */
    String name(Path file) {
        Path absolute = base.resolve(file).normalize();
        Path relative = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return relative.toString().replace('\\', '/');
    }

    ProjectFile read(Path file) {
        return new ProjectFile(name(file), readText(base.resolve(file)));
    }

    private static String readText(Path file) {
        try {
            // decoding replaces malformed bytes instead of failing: context is advice, not input to compile
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return text.replace("\r\n", "\n").replace('\r', '\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

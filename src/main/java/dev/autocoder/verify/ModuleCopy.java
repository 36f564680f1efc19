package dev.autocoder.verify;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * The module's base folder as a sub-build module sees it: a copy of its own, so that whatever the
 * build writes relative to the base folder (a generator's output, a test's {@code ./out.txt})
 * lands in the copy and never in the user's tree. The build folder, version-control and IDE
 * folders and the plugin's own state are left out; every path of the effective POM below the base
 * folder is moved into the copy, the build folder to the copy's {@code target}.
 */
final class ModuleCopy {

    /**
     * Folders left out of the copy wherever they are: version control and IDE settings, and
     * {@code .mvn}, Maven's launcher settings, which the sub-build has its own of (a copy would take
     * over a Maven started in the module's folder).
     */
    static final Set<String> NOT_COPIED_NAMES = Set.of(".git", ".svn", ".hg", ".bzr", "CVS", ".idea", ".vscode",
            ".mvn");
    /** What the copy's build folder is called, whatever the project calls its own. */
    static final String BUILD_FOLDER = "target";

    private final Path base;
    private final Path buildDirectory;
    private final List<Path> notCopied;
    private final Pattern paths;

    /**
     * @param base the real module's base folder
     * @param buildDirectory the real module's build folder, left out and moved to the copy's {@code target}
     * @param notCopied further folders left out (the plugin's state folder, the sub-builds' own folder
     *     when it lies inside the module)
     */
    ModuleCopy(Path base, Path buildDirectory, Collection<Path> notCopied) {
        this.base = base.toAbsolutePath().normalize();
        this.buildDirectory = buildDirectory.toAbsolutePath().normalize();
        this.notCopied = notCopied.stream().map(path -> path.toAbsolutePath().normalize()).toList();
        // The longer one first, so that the build folder below the base folder goes to the copy's target.
        String first = this.buildDirectory.toString();
        String second = this.base.toString();
        if (second.length() > first.length()) {
            String swap = first;
            first = second;
            second = swap;
        }
        this.paths = Pattern.compile("(" + Pattern.quote(first) + "|" + Pattern.quote(second)
                + ")(?=[/\\\\\\s\"'<>,;:|]|$)");
    }

    /**
     * The copy of another module of the reactor: its own base and build folders left out as this
     * one's are, and what this copy leaves out (this module's build folder, the state and sub-build
     * folders) too, should that module's folder hold them.
     */
    ModuleCopy ofAnother(Path otherBase, Path otherBuildDirectory) {
        List<Path> left = new java.util.ArrayList<>(notCopied);
        left.add(buildDirectory);
        return new ModuleCopy(otherBase, otherBuildDirectory, left);
    }

    /** What a copy cost. */
    record Copied(long files, long bytes) {
    }

    /** Copies the base folder, less what is left out, into {@code to} (created when missing). */
    Copied copyTo(Path to) throws IOException {
        Path target = to.toAbsolutePath().normalize();
        long[] counts = new long[2];
        Files.createDirectories(target);
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(base) && leftOut(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(base.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (leftOut(file)) {
                    return FileVisitResult.CONTINUE;
                }
                // A link is copied as a link: following it could copy a tree without end.
                Files.copy(file, target.resolve(base.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                counts[0]++;
                counts[1] += attributes.size();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw new IOException("cannot copy " + file + " into the sub-build: " + e.getMessage(), e);
            }
        });
        return new Copied(counts[0], counts[1]);
    }

    private boolean leftOut(Path path) {
        return NOT_COPIED_NAMES.contains(path.getFileName().toString()) || path.equals(buildDirectory)
                || notCopied.contains(path);
    }

    /**
     * A text with every path below the real base folder moved into the copy: the build folder to the
     * copy's {@code target}, the rest to the same place in the copy. Paths into version-control and
     * IDE folders stay, since those are read, never written, and are not copied.
     */
    String move(String text, Path copy) {
        Matcher matcher = paths.matcher(text);
        StringBuilder moved = new StringBuilder();
        while (matcher.find()) {
            String rest = text.substring(matcher.end());
            String replacement;
            if (matcher.group(1).equals(buildDirectory.toString())) {
                replacement = copy.resolve(BUILD_FOLDER).toString();
            } else if (intoLeftOut(rest)) {
                replacement = matcher.group(1);
            } else {
                replacement = copy.toString();
            }
            matcher.appendReplacement(moved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(moved);
        return moved.toString();
    }

    /** Whether what follows the base folder names one of the folders never copied ({@code /.git/...}). */
    private static boolean intoLeftOut(String rest) {
        if (rest.isEmpty() || (rest.charAt(0) != '/' && rest.charAt(0) != '\\')) {
            return false;
        }
        String name = rest.substring(1).split("[/\\\\\\s\"'<>,;:|]", 2)[0];
        return NOT_COPIED_NAMES.contains(name);
    }

    /** A path moved into the copy, or empty when it does not lie below the real base folder. */
    java.util.Optional<Path> moved(Path path, Path copy) {
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.startsWith(buildDirectory)) {
            return java.util.Optional.of(copy.resolve(BUILD_FOLDER).resolve(buildDirectory.relativize(absolute)));
        }
        return absolute.startsWith(base) ? java.util.Optional.of(copy.resolve(base.relativize(absolute)))
                : java.util.Optional.empty();
    }

    /**
     * The POM with every path in its values and attribute values moved into the copy. Read as
     * Maven's generic XML tree ({@code Xpp3Dom}, as Maven reads a plugin's configuration), because
     * paths lie anywhere: in the build's folders, the properties, and the configurations of plugins
     * whose elements only the plugin knows (antrun's {@code <echo file="${basedir}/...">}).
     *
     * @throws IllegalStateException when the POM is not well-formed XML
     */
    String moveInto(String pom, Path copy) {
        Xpp3Dom project;
        try {
            project = Xpp3DomBuilder.build(new java.io.StringReader(pom));
        } catch (IOException | XmlPullParserException e) {
            throw new IllegalStateException("the project's effective POM is not well-formed XML: " + e.getMessage(), e);
        }
        moveValues(project, copy.toAbsolutePath().normalize());
        return project.toString();
    }

    private void moveValues(Xpp3Dom element, Path copy) {
        if (element.getValue() != null) {
            element.setValue(move(element.getValue(), copy));
        }
        for (String name : element.getAttributeNames()) {
            element.setAttribute(name, move(element.getAttribute(name), copy));
        }
        for (Xpp3Dom child : element.getChildren()) {
            moveValues(child, copy);
        }
    }
}

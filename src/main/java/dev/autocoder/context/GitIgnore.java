package dev.autocoder.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether git ignores a project file, read from the {@code .gitignore} files of the project folder
 * and the folders below it (a parent repository's are not read: a project inside another build's
 * {@code target/} would otherwise be ignored whole).
 *
 * <p>The subset understood: comments, blank lines, {@code !} negation, a trailing {@code /} for
 * folders only, a leading or inner {@code /} anchoring the pattern to its file's folder, and the
 * globs {@code *}, {@code ?}, {@code [...]} and {@code **}. Escapes with {@code \} are not.
 * As in git, the last matching line wins, and a file inside an ignored folder is ignored.
 */
final class GitIgnore {

    private final Path base;

    GitIgnore(Path base) {
        this.base = base;
    }

    /**
     * The {@code .gitignore} line that ignores {@code relativePath} (a project-relative file with
     * {@code /} separators) or one of its folders, with the file it is in.
     */
    Optional<String> ignoringRule(String relativePath) {
        String[] parts = relativePath.split("/");
        for (int depth = 1; depth <= parts.length; depth++) {
            String prefix = String.join("/", List.of(parts).subList(0, depth));
            Optional<String> rule = lastMatch(prefix, depth < parts.length);
            if (rule.isPresent()) {
                return rule;
            }
        }
        return Optional.empty();
    }

    /** The ignoring line deciding {@code path}, reading every .gitignore from the base down to its folder. */
    private Optional<String> lastMatch(String path, boolean directory) {
        String[] parts = path.split("/");
        Rule decisive = null;
        for (int depth = 0; depth < parts.length; depth++) {
            String folder = String.join("/", List.of(parts).subList(0, depth));
            String inFolder = String.join("/", List.of(parts).subList(depth, parts.length));
            for (Rule rule : rules(folder)) {
                if (rule.matches(inFolder, directory)) {
                    decisive = rule;
                }
            }
        }
        return decisive == null || decisive.negated ? Optional.empty() : Optional.of(decisive.source);
    }

    private List<Rule> rules(String folder) {
        Path file = base.resolve(folder).resolve(".gitignore");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String name = folder.isEmpty() ? ".gitignore" : folder + "/.gitignore";
        List<Rule> rules = new ArrayList<>();
        for (String line : lines) {
            String pattern = line.stripTrailing();
            if (!pattern.isEmpty() && !pattern.startsWith("#")) {
                rules.add(Rule.parse(pattern, "`" + pattern + "` in " + name));
            }
        }
        return rules;
    }

    /** One pattern line. */
    private record Rule(Pattern glob, boolean negated, boolean directoryOnly, boolean anchored, String source) {

        static Rule parse(String line, String source) {
            boolean negated = line.startsWith("!");
            String pattern = negated ? line.substring(1) : line;
            boolean directoryOnly = pattern.endsWith("/");
            if (directoryOnly) {
                pattern = pattern.substring(0, pattern.length() - 1);
            }
            boolean anchored = pattern.contains("/");
            if (pattern.startsWith("/")) {
                pattern = pattern.substring(1);
            }
            return new Rule(Pattern.compile(regex(pattern)), negated, directoryOnly, anchored, source);
        }

        /** Whether the rule matches {@code path}, relative to the folder of its .gitignore. */
        boolean matches(String path, boolean directory) {
            if (directoryOnly && !directory) {
                return false;
            }
            String subject = anchored ? path : path.substring(path.lastIndexOf('/') + 1);
            return glob.matcher(subject).matches();
        }

        private static String regex(String glob) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (glob.startsWith("**/", i)) {
                    regex.append("(?:.*/)?");
                    i += 2;
                } else if (glob.startsWith("**", i)) {
                    regex.append(".*");
                    i++;
                } else if (c == '*') {
                    regex.append("[^/]*");
                } else if (c == '?') {
                    regex.append("[^/]");
                } else if (c == '[' && glob.indexOf(']', i + 1) > i) {
                    int end = glob.indexOf(']', i + 1);
                    String set = glob.substring(i + 1, end);
                    regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                    i = end;
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return regex.toString();
        }
    }
}

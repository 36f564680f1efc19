package dev.autocoder.context;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which project files a spec may send to the model endpoint (and so into a committed
 * cassette): none that git ignores or whose name looks like a secret, unless the POM allows the
 * file by name.
 */
final class DisclosurePolicy {

    /** File names that usually hold credentials, as globs on the name alone, case-insensitive. */
    static final List<String> SECRET_NAMES = List.of(".env*", "*.pem", "*.key", "settings*.xml", "*credentials*");

    private final GitIgnore gitIgnore;
    private final Set<String> allowed;

    /**
     * @param base the project folder
     * @param allowed project-relative paths, {@code /} separators, that may be sent anyway
     */
    DisclosurePolicy(Path base, Set<String> allowed) {
        this.gitIgnore = new GitIgnore(base);
        this.allowed = allowed.stream()
                .map(file -> Path.of(file.strip().replace('\\', '/')).normalize().toString().replace('\\', '/'))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Why {@code name} (project-relative, {@code /} separators, normalised) may not be sent, with how
     * to allow it; empty when it may.
     */
    Optional<String> refusal(String name) {
        if (allowed.contains(name)) {
            return Optional.empty();
        }
        String fileName = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        Optional<String> why = SECRET_NAMES.stream()
                .filter(glob -> Pattern.matches(glob.replace(".", "\\.").replace("*", ".*"), fileName))
                .findFirst()
                .map(glob -> "its name looks like a secret (" + glob + ")")
                .or(() -> gitIgnore.ignoringRule(name).map(rule -> "git ignores it (" + rule + ")"));
        return why.map(reason -> "context file '" + name + "' is not sent to the model: " + reason
                + ". What a spec names goes to the model endpoint and into the cassette. If it holds nothing"
                + " secret, allow it by name: <allowContextFiles><file>" + name + "</file></allowContextFiles>");
    }
}

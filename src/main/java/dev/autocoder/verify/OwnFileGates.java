package dev.autocoder.verify;

import static dev.autocoder.verify.PomElements.child;
import static dev.autocoder.verify.PomElements.children;
import static dev.autocoder.verify.PomElements.text;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The project's repository-wide gates that scan the plugin's own files: the spec folder
 * ({@code src/main/autocoder}) holds the specs and the lock file, whose verified sources may hold
 * what such a gate rejects (an {@code http://} URL, no license header). Read from the effective POM.
 */
public final class OwnFileGates {

    private OwnFileGates() {
    }

    /**
     * The gates of the effective POM that scan the spec folder and do not exclude it by a pattern
     * naming {@code autocoder}: Apache RAT, license-maven-plugin (Mycila's or MojoHaus'), and any
     * checkstyle execution whose source folders hold the spec folder and whose includes are not
     * Java files only (the nohttp setup scans every file of the repository).
     *
     * @return one description per gate, such as {@code apache-rat-plugin (execution default)}
     */
    public static List<String> scanning(String effectivePom, Path baseDirectory, Path specDirectory) {
        List<String> gates = new ArrayList<>();
        Path spec = specDirectory.toAbsolutePath().normalize();
        if (!spec.startsWith(baseDirectory.toAbsolutePath().normalize())) {
            return gates;
        }
        Optional<Element> parsed = PomElements.project(effectivePom);
        if (parsed.isEmpty()) {
            return gates;
        }
        Element project = parsed.get();
        Optional<Element> plugins = child(project, "build").flatMap(build -> child(build, "plugins"));
        if (plugins.isEmpty()) {
            return gates;
        }
        for (Element plugin : children(plugins.get(), "plugin")) {
            String artifactId = text(plugin, "artifactId");
            boolean wholeTree = artifactId.equals("apache-rat-plugin") || artifactId.equals("license-maven-plugin");
            if (wholeTree && !excludesAutocoder(plugin)) {
                gates.add(artifactId);
            } else if (artifactId.equals("maven-checkstyle-plugin")) {
                for (Element execution : child(plugin, "executions").map(e -> children(e, "execution"))
                        .orElse(List.of())) {
                    Optional<Element> configuration = child(execution, "configuration");
                    if (configuration.isPresent() && scansSpec(configuration.get(), spec)) {
                        gates.add(artifactId + " (execution " + text(execution, "id") + ")");
                    }
                }
            }
        }
        return gates;
    }

    /** Whether a checkstyle execution's source folders hold the spec folder, for files other than Java sources. */
    private static boolean scansSpec(Element configuration, Path spec) {
        List<String> folders = new ArrayList<>();
        // A list of elements, or (as the nohttp setup writes it) one text of comma-separated folders.
        child(configuration, "sourceDirectories").ifPresent(list -> {
            List<Element> items = children(list, null);
            if (items.isEmpty()) {
                List.of(list.getTextContent().split(",")).forEach(folder -> folders.add(folder.strip()));
            }
            items.forEach(folder -> folders.add(folder.getTextContent().strip()));
        });
        child(configuration, "sourceDirectory").ifPresent(folder -> folders.add(folder.getTextContent().strip()));
        boolean holds = folders.stream().anyMatch(folder -> {
            try {
                return spec.startsWith(Path.of(folder).toAbsolutePath().normalize());
            } catch (InvalidPathException e) {
                return false;
            }
        });
        String includes = text(configuration, "includes");
        boolean javaOnly = includes.isEmpty() || List.of(includes.split("\\s*,\\s*")).stream()
                .allMatch(pattern -> pattern.endsWith(".java"));
        return holds && !javaOnly && !text(configuration, "excludes").contains("autocoder");
    }

    private static boolean excludesAutocoder(Element plugin) {
        return plugin.getTextContent().contains("autocoder");
    }
}

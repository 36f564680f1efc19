package dev.autocoder.verify;

import static dev.autocoder.verify.PomModel.child;
import static dev.autocoder.verify.PomModel.children;
import static dev.autocoder.verify.PomModel.text;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

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
        Optional<Model> parsed = PomModel.read(effectivePom);
        if (parsed.isEmpty()) {
            return gates;
        }
        for (Plugin plugin : PomModel.plugins(parsed.get())) {
            String artifactId = plugin.getArtifactId();
            boolean wholeTree = artifactId.equals("apache-rat-plugin") || artifactId.equals("license-maven-plugin");
            if (wholeTree && !excludesAutocoder(plugin)) {
                gates.add(artifactId);
            } else if (artifactId.equals("maven-checkstyle-plugin")) {
                for (PluginExecution execution : plugin.getExecutions()) {
                    Optional<Xpp3Dom> configuration = PomModel.configuration(execution);
                    if (configuration.isPresent() && scansSpec(configuration.get(), spec)) {
                        gates.add(artifactId + " (execution " + execution.getId() + ")");
                    }
                }
            }
        }
        return gates;
    }

    /** Whether a checkstyle execution's source folders hold the spec folder, for files other than Java sources. */
    private static boolean scansSpec(Xpp3Dom configuration, Path spec) {
        List<String> folders = new ArrayList<>();
        // A list of elements, or (as the nohttp setup writes it) one text of comma-separated folders.
        child(configuration, "sourceDirectories").ifPresent(list -> {
            List<Xpp3Dom> items = children(list, null);
            if (items.isEmpty()) {
                List.of(PomModel.value(list).split(",")).forEach(folder -> folders.add(folder.strip()));
            }
            items.forEach(folder -> folders.add(PomModel.value(folder)));
        });
        child(configuration, "sourceDirectory").ifPresent(folder -> folders.add(PomModel.value(folder)));
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

    /** Whether any setting of the plugin or its executions (an exclude pattern) names {@code autocoder}. */
    private static boolean excludesAutocoder(Plugin plugin) {
        return Stream.concat(Stream.of(plugin), plugin.getExecutions().stream())
                .flatMap(container -> PomModel.configuration(container).stream())
                .anyMatch(OwnFileGates::namesAutocoder);
    }

    private static boolean namesAutocoder(Xpp3Dom element) {
        return PomModel.value(element).contains("autocoder")
                || PomModel.children(element, null).stream().anyMatch(OwnFileGates::namesAutocoder);
    }
}

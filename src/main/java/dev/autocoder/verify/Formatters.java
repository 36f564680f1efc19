package dev.autocoder.verify;

import dev.autocoder.report.LineDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;

/**
 * The project's formatter gates. A formatter's check names the files it would change but not how
 * (spring-javaformat's {@code validate} gives neither line nor rule), so when a module fails on
 * one, its {@code apply} goal runs on the module's copy (the sub-build's own files) and the diff
 * of each of the candidate's files is the finding sent to the model.
 */
final class Formatters {

    /** A formatter plugin: its coordinates, the goal that checks and the goal that rewrites. */
    record Formatter(String groupId, String artifactId, String check, String apply) {
        /** Whether a failed goal's message (as {@code SubBuildResults} phrases it) is this formatter's check. */
        boolean failedIn(String message) {
            return message.contains(artifactId + ":") && message.matches("(?s).*:" + check + "\\b.*");
        }
    }

    static final List<Formatter> KNOWN = List.of(
            new Formatter("io.spring.javaformat", "spring-javaformat-maven-plugin", "validate", "apply"),
            new Formatter("com.diffplug.spotless", "spotless-maven-plugin", "check", "apply"));

    /** Lines of context around each change of a diff. */
    private static final int CONTEXT = 2;

    private Formatters() {
    }

    /**
     * The formatter whose check failed the module, with the goal that applies it as the project
     * configures it ({@code groupId:artifactId:version:apply}), when a blocking finding says so.
     * When an execution binds the check, the goal names it ({@code apply@spotless-check}, or
     * {@code apply@default} for one without an id): a goal run from the command line gets only the
     * plugin's own configuration, the one named gets the execution's too, where the formats may be
     * configured (Spotless' {@code <java>}). The first such execution is taken.
     */
    static Optional<String> applyGoal(List<Feedback> findings, String effectivePom) {
        for (Formatter formatter : KNOWN) {
            boolean failed = findings.stream().anyMatch(finding -> finding.blocking()
                    && (finding.stage() == Feedback.Stage.BUILD || finding.stage() == Feedback.Stage.PROJECT)
                    && formatter.failedIn(finding.message()));
            if (failed) {
                Optional<Plugin> plugin = PomModel.read(effectivePom).flatMap(model -> plugin(model, formatter));
                if (plugin.isPresent()) {
                    return Optional.of(formatter.groupId() + ":" + formatter.artifactId() + ":"
                            + plugin.get().getVersion() + ":" + formatter.apply()
                            + checkExecution(plugin.get(), formatter.check()).map(id -> "@" + id).orElse(""));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What the formatter changed in the candidate's files, one blocking finding per file with the
     * diff it would apply, read after its apply goal ran on the module.
     *
     * @param units the module's files of the plan's code by path, as {@link SubBuildReactor.ModuleFiles} has them
     * @param own the candidate's files by key ({@code main:com/acme/Money.java})
     */
    static List<Feedback> diffs(Map<String, String> units, Map<String, CodeUnit> own) {
        List<Feedback> findings = new ArrayList<>();
        units.forEach((path, key) -> {
            CodeUnit unit = own.get(key);
            if (unit == null) {
                return;
            }
            String after;
            try {
                after = Files.readString(Path.of(path), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the formatted " + path, e);
            }
            String relative = key.substring(key.indexOf(':') + 1);
            List<String> diff = LineDiff.unified("a/" + relative, unit.source(), "b/" + relative, after, CONTEXT);
            if (!diff.isEmpty()) {
                findings.add(Feedback.blocking(Feedback.Stage.BUILD, relative + ":" + firstChangedLine(diff)
                        + ": the project's formatter rejects this file; write it as formatted here (this diff"
                        + " turns your file into the formatted one):\n" + String.join("\n", diff)));
            }
        });
        return findings;
    }

    /** The first line the diff changes in the old file, from its first hunk header {@code @@ -12,5 +12,6 @@}. */
    private static int firstChangedLine(List<String> diff) {
        for (String line : diff) {
            if (line.startsWith("@@ -")) {
                String start = line.substring(4).split("[ ,]", 2)[0];
                try {
                    return Integer.parseInt(start) + CONTEXT;
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }

    /**
     * The formatter's plugin with a version among the effective POM's plugins, the build's own
     * before {@code pluginManagement}'s, if it has it.
     */
    private static Optional<Plugin> plugin(Model model, Formatter formatter) {
        Build build = model.getBuild();
        if (build == null) {
            return Optional.empty();
        }
        Stream<Plugin> managed = build.getPluginManagement() == null ? Stream.empty()
                : build.getPluginManagement().getPlugins().stream();
        return Stream.concat(build.getPlugins().stream(), managed)
                .filter(plugin -> formatter.groupId().equals(plugin.getGroupId())
                        && formatter.artifactId().equals(plugin.getArtifactId())
                        && plugin.getVersion() != null && !plugin.getVersion().isBlank())
                .findFirst();
    }

    /** The id of the plugin's first execution that binds {@code goal}, {@code default} where it has none. */
    private static Optional<String> checkExecution(Plugin plugin, String goal) {
        return plugin.getExecutions().stream().filter(execution -> execution.getGoals().contains(goal))
                .map(PluginExecution::getId).findFirst();
    }
}

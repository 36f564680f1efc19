package dev.autocoder.core;

import dev.autocoder.context.ProjectContext;
import dev.autocoder.engine.Prompts;
import dev.autocoder.engine.Task;
import dev.autocoder.project.ProjectLayout;
import dev.autocoder.state.Fingerprint;
import dev.autocoder.state.LockFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's two fingerprints. What reached the model decides whether the task is generated again;
 * what its code is verified against decides only whether that code is verified again.
 *
 * @param generation the spec, the answers, the context as sent (without the release and dependency
 *     versions), the model's name and the prompts
 * @param verification this plugin's version, the checkstyle setup, the dependencies, the Java release,
 *     how the main and test compiles differ from a plain one (release, includes, excludes, arguments)
 *     and every file of the project's own source and test roots
 * @param formatOneGeneration the generation fingerprint as a format-1 lock file's entry reads, whose
 *     context included the project summary
 */
record TaskFingerprints(Fingerprint generation, Fingerprint verification, Fingerprint formatOneGeneration) {

    /** Whether the model would see what it saw when the locked code was made. */
    boolean sameGeneration(Fingerprint locked) {
        return locked.value().equals(generation.value()) || locked.value().equals(formatOneGeneration.value());
    }

    /** What differs from the locked generation inputs, one line per input ({@code spec changed}). */
    List<String> generationChangesSince(Fingerprint locked) {
        boolean formatOne = locked.inputs().containsKey(LockFile.LEGACY_CONTEXT_INPUT);
        return (formatOne ? formatOneGeneration : generation).changesSince(locked);
    }

    /**
     * What a task's saved state is keyed by: a change of either kind makes a saved verdict stale.
     */
    String stateKey() {
        return generation.value() + "/" + verification.value();
    }

    /**
     * The endpoint is in neither: it says where the model is reached (a local gateway, a CI proxy, a
     * closed port when no call is needed), not what the code was made from, and it differs between
     * machines. The plugin version is a verification input: the prompts and the context are hashed as
     * sent, so a new version changes what is generated only through them, while its checks may differ.
     */
    static TaskFingerprints of(Task task, ProjectContext.Context context, AutocoderConfig config,
            ProjectLayout project) throws IOException {
        Fingerprint generation = generationInputs(task, config).put("context", context.withoutProjectSummary())
                .build();
        Fingerprint formatOne = generationInputs(task, config).put(LockFile.LEGACY_CONTEXT_INPUT, context.text())
                .build();
        Fingerprint.Builder verification = Fingerprint.builder()
                .put("plugin", config.pluginVersion())
                .put("checkstyle", checkstyleInput(config.paths().checkstyleConfig(), project))
                .put("dependencies", project.dependencies().stream().map(d -> d.coordinates() + ":" + d.scope())
                        .sorted().toList().toString())
                .put("java", project.javaRelease());
        compilerInput(project).ifPresent(compiler -> verification.put("compiler", compiler));
        for (Path root : project.mainSourceRoots()) {
            verification.putFiles("main:" + project.baseDirectory().relativize(root), root);
        }
        for (Path root : project.testSourceRoots()) {
            verification.putFiles("test:" + project.baseDirectory().relativize(root), root);
        }
        return new TaskFingerprints(generation, verification.build(), formatOne);
    }

    private static Fingerprint.Builder generationInputs(Task task, AutocoderConfig config) {
        return Fingerprint.builder()
                .put("spec", task.description())
                .put("answers", new TreeMap<>(task.answers()).toString())
                .put("model", config.model().modelName())
                .put("prompts", Prompts.fingerprintText());
    }

    /**
     * How the project's build compiles beyond its release, as the fingerprint takes it: the main and
     * test compiles' own release, includes, excludes and javac arguments, made portable. Empty for a
     * project that sets none of them, so that its lock entries keep the fingerprint they had before
     * this input existed.
     */
    static Optional<String> compilerInput(ProjectLayout project) {
        ProjectLayout.CompilerSetup compiler = project.compiler();
        ProjectLayout.CompilerSetup.Compile plain = ProjectLayout.CompilerSetup.Compile.DEFAULT;
        if (compiler.main().equals(plain) && compiler.test().equals(plain)) {
            return Optional.empty();
        }
        return Optional.of(portable("main " + compiler.main() + "\ntest " + compiler.test(), project.baseDirectory()));
    }

    /**
     * The checkstyle setup as the fingerprint takes it: the override's content, or the POM's plugin
     * configuration and dependencies (by groupId:artifactId:version) with every absolute path below
     * the project made portable ({@link #portable}).
     */
    private static String checkstyleInput(Optional<Path> override, ProjectLayout project) throws IOException {
        if (override.isPresent()) {
            return Files.readString(override.get()).replace("\r\n", "\n");
        }
        return project.checkstyle().map(setup -> portable(setup.configurationXml() + setup.dependenciesXml(),
                project.baseDirectory())).orElse("default");
    }

    /**
     * A text (a plugin's configuration) with every absolute path below the module's folder, or below
     * a folder above it that holds a {@code pom.xml}, {@code .mvn} or {@code .git} (where
     * {@code ${maven.multiModuleProjectDirectory}} and {@code config_loc} point), written relative to
     * the module as {@code ${base}/../config/checkstyle.xml}; each such path that names a file is
     * followed, at the end, by the digest of its content. The result is the same wherever the
     * checkout lives, and it changes when a rules file does.
     */
    static String portable(String text, Path baseDirectory) {
        Path base = baseDirectory.toAbsolutePath().normalize();
        List<Path> roots = new ArrayList<>();
        roots.add(base);
        for (Path up = base.getParent(); up != null && up.getParent() != null; up = up.getParent()) {
            if (Files.exists(up.resolve("pom.xml")) || Files.exists(up.resolve(".mvn"))
                    || Files.exists(up.resolve(".git"))) {
                roots.add(up);
            }
        }
        String result = text;
        StringBuilder files = new StringBuilder();
        // Deepest first, so that a folder's own name is never taken for a path below one above it.
        for (Path root : roots) {
            String relative = slashes(base.relativize(root).toString());
            for (String spelling : new LinkedHashSet<>(List.of(root.toString(), slashes(root.toString())))) {
                Matcher matcher = Pattern.compile("(?<![\\w.\\-/\\\\])" + Pattern.quote(spelling)
                        + "(?=[/\\\\<>\"'\\s,;]|$)([/\\\\][^<>\"'\\s,;]*)?").matcher(result);
                StringBuilder out = new StringBuilder();
                while (matcher.find()) {
                    String rest = matcher.group(1) == null ? "" : slashes(matcher.group(1));
                    String portable = "${base}" + (relative.isEmpty() ? "" : "/" + relative) + rest;
                    Path file = rest.isEmpty() ? root : root.resolve(rest.substring(1)).normalize();
                    if (Files.isRegularFile(file)) {
                        files.append('\n').append(portable).append(' ').append(Fingerprint.digestOf(file));
                    }
                    matcher.appendReplacement(out, Matcher.quoteReplacement(portable));
                }
                matcher.appendTail(out);
                result = out.toString();
            }
        }
        return result + files;
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }
}

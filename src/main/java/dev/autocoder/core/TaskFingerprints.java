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
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A task's two fingerprints. What reached the model decides whether the task is generated again;
 * what its code is verified against decides only whether that code is verified again.
 *
 * @param generation the spec, the answers, the context as sent (without the release and dependency
 *     versions), the model's name and the prompts
 * @param verification this plugin's version, the checkstyle setup, the dependencies, the Java release
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

    private static String checkstyleInput(Optional<Path> override, ProjectLayout project) throws IOException {
        if (override.isPresent()) {
            return Files.readString(override.get());
        }
        return project.checkstyle().map(setup -> setup.configurationXml() + setup.dependenciesXml())
                .orElse("default");
    }
}

package dev.autocoder.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.state.LockFile;
import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the lock file does across runs: lock as soon as verified, compile-check or re-verify without the model,
 * locked mode.
 */
class AutocoderLockIT {

    private static final String BROKEN_BETA = """
            ```java
            package tiny;

            /** Does not compile: a number where a String is returned. */
            public final class Beta {
                public String greet() {
                    return 42;
                }
            }
            ```
            """;

    @RegisterExtension
    final TinyProjectExtension tiny = new TinyProjectExtension();

    /** A model whose alpha verifies and whose beta never compiles. */
    private FakeOpenAiServer alphaAndBrokenBeta() throws Exception {
        return tiny.serve(Rule.reply("{\"complete\": true, \"feedback\": \"\"}")
                .whenContains(TinyProject.REVIEW).always(),
                Rule.reply(TinyProject.ALPHA_CODE).whenContains(TinyProject.ALPHA).always(),
                Rule.reply(BROKEN_BETA).whenContains(TinyProject.BETA).always());
    }

    @Test
    void aTaskWhoseCodePassesTheFinalCheckIsLockedWhateverHappensToTheOthers() throws Exception {
        FakeOpenAiServer server = alphaAndBrokenBeta();
        TinyProject project = tiny.project("alpha", "beta");

        TasksFailedException failed = assertThrows(TasksFailedException.class,
                () -> project.run(server.baseUrl(), new CollectingRunLog()));

        assertEquals(List.of("alpha"), LockFile.read(project.lockFile()).entries("default").stream()
                .map(LockFile.Entry::task).toList());
        assertTrue(failed.getMessage().contains("Locked in " + project.lockFile() + ": alpha; not locked: beta"),
                failed.getMessage());
    }

    @Test
    void aTaskWhoseProjectNeedsATaskThatNeverVerifiedStopsWithoutTheModelAndSaysWhichTask() throws Exception {
        FakeOpenAiServer server = alphaAndBrokenBeta();
        TinyProject project = tiny.project("alpha", "beta");
        // The project's own class needs both tasks' types, so it cannot build with alpha's code alone.
        Path pair = project.base().resolve("src/main/java/tiny/Pair.java");
        Files.createDirectories(pair.getParent());
        Files.writeString(pair, "package tiny;\n\n/** Both names. */\npublic final class Pair {\n"
                + "    public String names() {\n        return new Alpha().name() + new Beta().greet();\n    }\n}\n");

        TasksFailedException failed = assertThrows(TasksFailedException.class,
                () -> project.run(server.baseUrl(), new CollectingRunLog()));

        assertEquals(1, TinyProject.requestsFor(server, TinyProject.ALPHA),
                "alpha's model is not asked to make up for beta's missing type");
        assertTrue(failed.failures().stream().anyMatch(failure -> failure.startsWith(
                "alpha: cannot be verified without the code of task beta, which did not verify: tiny/Pair.java:")),
                failed.failures().toString());
        assertFalse(failed.failures().toString().contains("no other task or part is writing this type: tiny/Pair"),
                failed.failures().toString());
        assertFalse(Files.exists(project.lockFile()) && !LockFile.read(project.lockFile()).entries("default").isEmpty(),
                "nothing passed a final check, so nothing is locked");
    }

    @Test
    void anEditedSourceNoTaskDependsOnIsCompileCheckedWithoutASubBuildAndTheLockFileStaysAsItWas() throws Exception {
        TinyProject project = lockedAlpha();
        int requestsOfFirstRun = tiny.server().requestCount();
        byte[] lockBefore = Files.readAllBytes(project.lockFile());
        Path subBuilds = project.subBuilds();
        deleteRecursively(subBuilds);
        Files.writeString(project.base().resolve("src/main/java/Note.java"), "/** A note. */\nclass Note {\n}\n");
        CollectingRunLog log = new CollectingRunLog();

        project.run(TinyProject.keepingSubBuilds(
                project.config(tiny.server().baseUrl(), AutocoderConfig.Mode.LIVE, Optional.empty())), log);

        assertEquals(requestsOfFirstRun, tiny.server().requestCount(), log.text());
        assertTrue(log.contains("autocoder: [alpha] compiles against changed inputs"
                + " (main:src/main/java:Note.java added) in "), log.text());
        assertTrue(log.contains("1 task(s) from " + project.lockFile() + ": 0 restored, 1 compile-checked against"
                + " changed inputs; no model call, no sub-build, lock file unchanged; "), log.text());
        assertArrayEquals(lockBefore, Files.readAllBytes(project.lockFile()), "the lock file is not rewritten");
        assertFalse(Files.exists(subBuilds), "no sub-build ran (every sub-build folder would have been kept)");
        assertTrue(Files.readString(project.stateDirectory().resolve("report.json"))
                .contains("\"origin\": \"re-verified\""));
        assertTrue(Files.isRegularFile(project.output("Alpha")));
    }

    @Test
    void withReverifyTestsAnEditedSourceIsReverifiedInASubBuildAndTheLockEntryGetsTheNewFingerprint()
            throws Exception {
        TinyProject project = lockedAlpha();
        int requestsOfFirstRun = tiny.server().requestCount();
        Files.writeString(project.base().resolve("src/main/java/Note.java"), "/** A note. */\nclass Note {\n}\n");
        CollectingRunLog log = new CollectingRunLog();
        AutocoderConfig live = project.config(tiny.server().baseUrl(), AutocoderConfig.Mode.LIVE, Optional.empty());

        project.run(new AutocoderConfig(live.paths(), live.model(), live.limits(), live.prompt(), live.answers(),
                live.force(), live.executionId(), live.pluginVersion(), live.keepSubBuilds(),
                AutocoderConfig.Reverify.TESTS), log);

        assertEquals(requestsOfFirstRun, tiny.server().requestCount(), log.text());
        assertTrue(log.contains("autocoder: [alpha] re-verified against changed inputs"
                + " (main:src/main/java:Note.java added) in "), log.text());
        assertTrue(log.contains("1 task(s) from " + project.lockFile() + ": 0 restored, 1 re-verified"), log.text());
        assertTrue(LockFile.read(project.lockFile()).entry("default", "alpha").orElseThrow().verification()
                .inputs().containsKey("main:src/main/java:Note.java"), "the lock entry has the new fingerprint");
    }

    private static void deleteRecursively(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void lockedModeWithAKeySetNeverCallsTheModelAndNamesTheTaskThatNeedsIt() throws Exception {
        TinyProject project = lockedAlpha();
        int requestsOfFirstRun = tiny.server().requestCount();
        Files.writeString(project.base().resolve("src/main/autocoder/alpha.md"), "Write `tiny.Alpha`, politely.\n");

        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> project.run(
                project.config(tiny.server().baseUrl(), AutocoderConfig.Mode.LOCKED, Optional.of(TinyProject.KEY)),
                new CollectingRunLog()));

        assertEquals(requestsOfFirstRun, tiny.server().requestCount());
        assertEquals("mode", refused.parameter());
        assertTrue(refused.getMessage().contains("task alpha (changed since the lock file: spec changed)"),
                refused.getMessage());
    }

    /** A project whose task alpha a first run generated, verified and locked. */
    private TinyProject lockedAlpha() throws Exception {
        FakeOpenAiServer server = tiny.serve(TinyProject.answerEverything());
        TinyProject project = tiny.project("alpha");
        project.run(server.baseUrl(), new CollectingRunLog());
        return project;
    }

    @Test
    void whenSeveralChangedTasksFailTogetherOnlyTheOneThatFailsOnItsOwnNeedsTheModel() throws Exception {
        FakeOpenAiServer server = tiny.serve(TinyProject.answerEverything());
        TinyProject project = tiny.project("alpha", "beta");
        project.run(server.baseUrl(), new CollectingRunLog());
        int requestsOfFirstRun = server.requestCount();
        // A hand-written Beta: alpha's code still builds with it, beta's clashes with it.
        Path mine = Files.createDirectories(project.base().resolve("src/main/java/tiny")).resolve("Beta.java");
        Files.writeString(mine, "package tiny;\n\n/** Mine. */\npublic final class Beta {\n}\n");
        CollectingRunLog log = new CollectingRunLog();

        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> project.run(
                project.config(server.baseUrl(), AutocoderConfig.Mode.LIVE, Optional.empty()), log));

        assertEquals(requestsOfFirstRun, server.requestCount(), log.text());
        assertTrue(log.contains("autocoder: [alpha] compiles against changed inputs"), log.text());
        assertTrue(log.contains("autocoder: [beta] locked code failed to compile against changed inputs"), log.text());
        assertTrue(refused.getMessage().contains("needed for task beta (its locked code fails against changed"
                + " inputs: [extract] tiny/Beta.java:1: tiny.Beta is already a type of the project's main sources"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("Locked in " + project.lockFile() + ": alpha; not locked: beta"),
                refused.getMessage());
        assertTrue(Files.isRegularFile(project.output("Alpha")), "the code that stands is written");
    }
}

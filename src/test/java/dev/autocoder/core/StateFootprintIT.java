package dev.autocoder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.state.LockFile;
import dev.autocoder.state.StateFolder;
import dev.autocoder.state.TaskState;
import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What runs leave under {@code stateDirectory}: nothing of removed tasks, little for many tasks. */
class StateFootprintIT {

    /** The bound for twenty one-class tasks; the state folder held 11 MB before pruning. */
    private static final long TWENTY_TASKS_BOUND = 5_000_000;

    private static final String PASS = "{\"complete\": true, \"feedback\": \"\"}";

    @RegisterExtension
    final TinyProjectExtension tiny = new TinyProjectExtension();

    @Test
    void aRemovedSpecTakesItsStateAndRepliesAlongAndTheOtherTasksResumeWithoutRequests() throws Exception {
        FakeOpenAiServer server = tiny.serve(Rule.reply(PASS).whenContains(TinyProject.REVIEW).always(),
                Rule.reply(TinyProject.ALPHA_CODE).whenContains(TinyProject.ALPHA).always(),
                Rule.reply(TinyProject.BETA_CODE).whenContains(TinyProject.BETA).always(),
                Rule.reply("I would rather not.").whenContains(TinyProject.spec("gamma")).always());
        TinyProject project = tiny.project("alpha", "beta", "gamma");
        assertThrows(TasksFailedException.class, () -> project.run(server.baseUrl(), new CollectingRunLog()));
        Path journal = project.runDirectory().resolve("journal.jsonl");
        assertTrue(Files.readString(journal).contains("\"task\":\"gamma\""));
        int requestsOfFirstRun = server.requestCount();
        Files.delete(project.base().resolve("src/main/autocoder/gamma.md"));
        // as if the first run had been killed before it saved alpha's verdict and locked it: alpha must
        // come from the journal, beta from its state
        Files.delete(project.stateFile("alpha"));
        Files.delete(project.lockFile());
        CollectingRunLog log = new CollectingRunLog();

        List<TaskState> states = project.run(server.baseUrl(), log);

        assertEquals(requestsOfFirstRun, server.requestCount(), log.text());
        assertEquals(List.of(TaskState.Status.VERIFIED, TaskState.Status.VERIFIED),
                states.stream().map(TaskState::status).toList());
        assertFalse(Files.exists(project.stateFile("gamma")));
        assertFalse(Files.readString(journal).contains(TinyProject.spec("gamma")), "no reply about gamma is kept");
        assertTrue(log.contains("autocoder: removed 1 task state(s) and "), log.text());
        assertEquals(List.of("alpha", "beta"), LockFile.read(project.lockFile()).entries().stream()
                .map(LockFile.Entry::task).toList());
    }

    @Test
    void twentyOneClassTasksLeaveUnderFiveMegabytesAndOnlyTheUnverifiedTasksNewestSubBuild() throws Exception {
        List<String> tasks = new ArrayList<>();
        List<Rule> rules = new ArrayList<>(List.of(Rule.reply(PASS).whenContains(TinyProject.REVIEW).always()));
        for (int n = 1; n <= 20; n++) {
            String task = String.format(Locale.ROOT, "t%02d", n);
            tasks.add(task);
            if (task.equals("t07")) {
                rules.add(Rule.reply(withoutHashCode(task)).whenContains(TinyProject.spec(task)).times(1));
            }
            rules.add(Rule.reply(task.equals("t13") ? withoutHashCode(task) : TinyProject.code(task))
                    .whenContains(TinyProject.spec(task)).always());
        }
        FakeOpenAiServer server = tiny.serve(rules.toArray(Rule[]::new));
        TinyProject project = tiny.project(tasks.toArray(String[]::new));
        CollectingRunLog log = new CollectingRunLog();

        TasksFailedException failed = assertThrows(TasksFailedException.class,
                () -> project.run(withSubBuilds(project.config(server.baseUrl()), 4, false), log));

        long bytes = StateFolder.size(project.stateDirectory());
        System.out.printf(Locale.ROOT, "state folder after 20 one-class tasks: %,d bytes%n", bytes);
        assertTrue(bytes < TWENTY_TASKS_BOUND, bytes + " bytes\n" + log.text());
        List<Path> left = children(project.subBuilds());
        assertEquals(1, left.size(), left.toString());
        assertEquals(List.of("t13"), failed.failures().stream().map(failure -> failure.split(":")[0]).toList());
        assertTrue(failed.getMessage().contains("its newest failing sub-build is kept in " + left.get(0)),
                failed.getMessage());
        assertTrue(Files.readString(project.stateDirectory().resolve("report.json"))
                .contains("\"subBuildFolder\": \"" + left.get(0) + "\""));
        assertTrue(log.contains("state folder target/autocoder: "), log.text());
    }

    @Test
    void keepSubBuildsKeepsEveryFolderUntilARunWithoutIt() throws Exception {
        FakeOpenAiServer server = tiny.serve(Rule.reply(PASS).whenContains(TinyProject.REVIEW).always(),
                Rule.reply(withoutHashCode("alpha")).whenContains(TinyProject.ALPHA).times(1),
                Rule.reply(TinyProject.ALPHA_CODE).whenContains(TinyProject.ALPHA).always(),
                Rule.reply(TinyProject.BETA_CODE).whenContains(TinyProject.BETA).always());
        TinyProject project = tiny.project("alpha", "beta");
        Path subBuilds = project.subBuilds();

        CollectingRunLog first = new CollectingRunLog();
        project.run(withSubBuilds(project.config(server.baseUrl()), 1, true), first);

        List<Path> kept = children(subBuilds);
        // Beta's round ran the whole build with alpha's passing code and its own: the final check of
        // that code was that round, and ran no sub-build of its own.
        assertEquals(3, kept.size(), "alpha failing, alpha passing, beta: " + kept);
        assertTrue(first.contains("autocoder: final check passed: a round of this run already ran"), first.text());
        for (Path build : kept) {
            assertTrue(Files.isRegularFile(build.resolve("build.log")), build.toString());
        }
        CollectingRunLog log = new CollectingRunLog();
        project.run(server.baseUrl(), log);
        assertEquals(List.of(), children(subBuilds), "the next run without the flag removes them");
        assertTrue(log.contains("autocoder: removed 3 sub-build folder(s) of an earlier run"), log.text());
        assertFalse(Files.exists(subBuilds), "and the execution's folder, left empty");
        assertFalse(Files.exists(subBuilds.getParent()), "and the module's folder in the temporary folder, left empty");
    }

    /** Code that compiles but breaks a blocking checkstyle rule, so it fails only in the sub-build. */
    private static String withoutHashCode(String task) {
        String type = TinyProject.type(task);
        return """
                ```java
                package tiny;

                /** Equal to every other instance. */
                public final class %s {
                    @Override
                    public boolean equals(Object other) {
                        return other instanceof %s;
                    }
                }
                ```
                """.formatted(type, type);
    }

    private static AutocoderConfig withSubBuilds(AutocoderConfig config, int parallelism, boolean keep) {
        AutocoderConfig.Limits l = config.limits();
        AutocoderConfig.Limits limits = new AutocoderConfig.Limits(l.maxDepth(), l.maxConversationLength(),
                l.maxQuestionRounds(), parallelism, l.subBuildTimeoutSeconds(), l.contextBudget());
        return new AutocoderConfig(config.paths(), config.model(), limits, config.prompt(), config.answers(),
                config.force(), config.executionId(), config.pluginVersion(), keep);
    }

    private static List<Path> children(Path directory) throws Exception {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.sorted().toList();
        }
    }
}

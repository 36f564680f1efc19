package dev.autocoder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.state.LockFile;
import dev.autocoder.state.StateStore;
import dev.autocoder.state.TaskState;
import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL between two tasks, then run again: the task verified before the kill
 * costs no request, the other one completes. The first run is a real child JVM, really killed.
 */
class ResumeAfterKillIT {

    /** Long enough that the child is surely killed while it waits for beta's first reply. */
    private static final long STALL_MILLIS = 600_000;
    /** A generous bound on how long the child may take to reach beta; not an assertion on speed. */
    private static final long REACH_BETA_SECONDS = 300;

    @TempDir
    Path folder;

    @Test
    void aRunKilledBetweenTasksResumesWithoutRepeatingAPaidRequest() throws Exception {
        TinyProject project = TinyProject.create(folder.resolve("project"), "alpha", "beta");
        Path childOutput = folder.resolve("child.log");
        long alphaRequestsBeforeKill;
        try (FakeOpenAiServer stalling = FakeOpenAiServer.start(
                Rule.reply("{\"complete\": true, \"feedback\": \"\"}").whenContains(TinyProject.REVIEW).always(),
                Rule.reply(TinyProject.ALPHA_CODE).whenContains(TinyProject.ALPHA).always(),
                Rule.reply(TinyProject.BETA_CODE).whenContains(TinyProject.BETA).delayMillis(STALL_MILLIS).always())) {
            Process child = startChild(project.base(), stalling.baseUrl(), childOutput);
            try {
                awaitRequest(stalling, TinyProject.BETA, child, childOutput);
            } finally {
                child.destroyForcibly();
                child.waitFor();
            }
            assertNotEquals(0, child.exitValue(), "the child was killed, it did not finish");
            alphaRequestsBeforeKill = TinyProject.requestsFor(stalling, TinyProject.ALPHA);
        }
        assertEquals(2, alphaRequestsBeforeKill, "alpha: one generation, one review");
        TaskState beforeResume = new StateStore(project.runDirectory().resolve("tasks"), warning -> { })
                .load("alpha", "");
        assertEquals(TaskState.Status.VERIFIED, beforeResume.status(), log(childOutput));
        assertTrue(LockFile.read(project.lockFile()).entries().isEmpty(),
                "alpha passed its round but no final check yet: it waits in its state, pending, not in the lock file");

        CollectingRunLog log = new CollectingRunLog();
        List<TaskState> states;
        try (FakeOpenAiServer answering = FakeOpenAiServer.start(TinyProject.answerEverything())) {
            states = project.run(answering.baseUrl(), log);

            assertEquals(0, TinyProject.requestsFor(answering, TinyProject.ALPHA), log.text());
            assertEquals(2, TinyProject.requestsFor(answering, TinyProject.BETA), "beta: generation and review");
        }
        assertEquals(List.of("alpha", "beta"), states.stream().map(TaskState::task).toList(), log.text());
        assertTrue(states.stream().allMatch(state -> state.status() == TaskState.Status.VERIFIED), log.text());
        assertEquals(1, states.get(0).attempts().size(), "alpha's state came back as it was, with no new attempt");
        assertTrue(log.contains("final check passed"), log.text());
        assertTrue(Files.isRegularFile(project.output("Alpha")));
        assertTrue(Files.isRegularFile(project.output("Beta")));
        LockFile lock = LockFile.read(project.lockFile());
        assertEquals(List.of("alpha", "beta"), lock.entries().stream().map(LockFile.Entry::task).toList());
        assertFalse(Files.readString(project.lockFile()).contains(TinyProject.KEY), "the key is never written");
        assertTrue(Files.isRegularFile(project.stateDirectory().resolve("report.html")));
    }

    private static Process startChild(Path project, String baseUrl, Path output) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        for (String property : List.of("maven.home", "autocoder.it.localRepository")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add(ChildRun.class.getName());
        command.add(project.toString());
        command.add(baseUrl);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** Waits until the server has seen a request naming the marker; fails early when the child ended. */
    private static void awaitRequest(FakeOpenAiServer server, String marker, Process child, Path output)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REACH_BETA_SECONDS);
        while (TinyProject.requestsFor(server, marker) == 0) {
            if (!child.isAlive()) {
                throw new AssertionError("the child ended (exit " + child.exitValue() + ") before asking for "
                        + marker + ":\n" + log(output));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no request for " + marker + " within " + REACH_BETA_SECONDS + " s:\n"
                        + log(output));
            }
            Thread.sleep(100);
        }
    }

    private static String log(Path output) {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no child output: " + e + ")";
        }
    }
}

package dev.autocoder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.state.LockFile;
import dev.autocoder.state.TaskState;
import dev.autocoder.testing.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whole runs of one small task against a scripted model over HTTP, with real sub-builds. */
class AutocoderRunIT {

    @RegisterExtension
    final TinyProjectExtension tiny = new TinyProjectExtension();

    private FakeOpenAiServer server;
    private TinyProject project;

    @BeforeEach
    void start() throws Exception {
        server = tiny.serve(TinyProject.answerEverything());
        project = tiny.project("alpha");
    }

    @Test
    void aCorruptStateFileIsSetAsideWithAWarningAndTheRunSucceeds() throws Exception {
        Path stateFile = project.stateFile("alpha");
        Files.createDirectories(stateFile.getParent());
        Files.writeString(stateFile, "{\"task\": \"alpha\", \"status\": [garbage");
        CollectingRunLog log = new CollectingRunLog();

        List<TaskState> states = project.run(server.baseUrl(), log);

        Path aside = stateFile.resolveSibling("alpha.corrupt-1.json");
        assertTrue(log.lines().stream().anyMatch(line -> line.startsWith("[WARNING]")
                && line.contains(stateFile.toString()) && line.contains(aside.toString())), log.text());
        assertEquals("{\"task\": \"alpha\", \"status\": [garbage", Files.readString(aside));
        assertEquals(TaskState.Status.VERIFIED, states.get(0).status(), log.text());
        assertTrue(Files.isRegularFile(project.output("Alpha")));
        assertTrue(Files.readString(stateFile).contains("VERIFIED"), "a fresh state replaced the corrupt one");
    }

    @Test
    void aSecondRunWithUnchangedInputsMakesNoRequestAndNoSubBuild() throws Exception {
        project.run(server.baseUrl(), new CollectingRunLog());
        int requestsOfFirstRun = server.requestCount();
        Path subBuilds = project.subBuilds();
        TinyProjectExtension.deleteTree(subBuilds);
        Files.delete(project.output("Alpha"));
        CollectingRunLog log = new CollectingRunLog();

        project.run(TinyProject.keepingSubBuilds(project.config(server.baseUrl())), log);

        assertEquals(requestsOfFirstRun, server.requestCount(), log.text());
        assertTrue(log.contains("autocoder: 1 task(s) up to date with " + project.lockFile()), log.text());
        assertFalse(Files.exists(subBuilds), "no sub-build ran (every sub-build folder would have been kept)");
        assertTrue(Files.isRegularFile(project.output("Alpha")), "the output was restored from the lock file");
    }

    @Test
    void aCheckoutWithWindowsLineEndsIsStillUpToDate() throws Exception {
        Path note = project.base().resolve("src/main/java/tiny/Note.java");
        Files.createDirectories(note.getParent());
        Files.writeString(note, "package tiny;\n\n/** A note. */\npublic final class Note {\n}\n");
        project.run(server.baseUrl(), new CollectingRunLog());
        int requestsOfFirstRun = server.requestCount();
        // what git's core.autocrlf does to the same file on another machine
        Files.writeString(note, Files.readString(note).replace("\n", "\r\n"));
        CollectingRunLog log = new CollectingRunLog();

        project.run(server.baseUrl(), log);

        assertEquals(requestsOfFirstRun, server.requestCount(), log.text());
        assertTrue(log.contains("1 task(s) up to date with"), log.text());
    }

    @Test
    void aRunLeavesALockFileWithoutTheKeyAndAReport() throws Exception {
        CollectingRunLog log = new CollectingRunLog();

        project.run(server.baseUrl(), log);

        String lock = Files.readString(project.lockFile());
        assertTrue(lock.contains("tiny/Alpha.java"), lock);
        assertFalse(lock.contains(TinyProject.KEY), "the key is never written to the lock file");
        assertFalse(Files.readString(project.stateFile("alpha")).contains(TinyProject.KEY), "nor to the state");
        assertFalse(log.contains(TinyProject.KEY), "nor to the log");
        assertTrue(Files.isRegularFile(project.stateDirectory().resolve("report.html")));
        assertTrue(Files.isRegularFile(project.stateDirectory().resolve("report.json")));
    }

    @Test
    void twoExecutionsKeepTheirStateInSeparateFolders() throws Exception {
        TinyProject one = project.execution("one");
        TinyProject two = project.execution("two");

        one.run(server.baseUrl(), new CollectingRunLog());
        two.run(server.baseUrl(), new CollectingRunLog());

        for (TinyProject execution : List.of(one, two)) {
            assertTrue(Files.readString(execution.stateFile("alpha")).contains("VERIFIED"));
            assertTrue(Files.isRegularFile(execution.runDirectory().resolve("journal.jsonl")));
            assertEquals(List.of("alpha"), LockFile.read(execution.lockFile()).entries().stream()
                    .map(LockFile.Entry::task).toList());
        }
        assertEquals(4, TinyProject.requestsFor(server, TinyProject.ALPHA),
                "each execution asked for its own code and review: no state was shared");
        CollectingRunLog again = new CollectingRunLog();
        one.run(server.baseUrl(), again);
        assertTrue(again.contains("up to date with " + one.lockFile()), "two's run left one's fingerprint alone");
    }
}

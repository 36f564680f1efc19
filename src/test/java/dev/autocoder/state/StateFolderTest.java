package dev.autocoder.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.model.ChatMessage;
import dev.autocoder.model.ChatReply;
import dev.autocoder.model.ChatRequest;
import dev.autocoder.model.ReplyJournal;
import dev.autocoder.model.TokenUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFolderTest {

    private static final ChatReply REPLY = new ChatReply("class Money {}", new TokenUsage(10, 2), "stop");

    @TempDir
    Path run;

    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void anEarlierRunOfMoneyAndLoan() throws IOException {
        StateStore store = new StateStore(run.resolve("tasks"), warnings::add);
        ReplyJournal journal = ReplyJournal.open(run.resolve("journal.jsonl"), warnings::add);
        for (String task : List.of("money", "money/part-1", "loan", "loan/part-1")) {
            store.save(StateStoreTest.sampleState(task));
            journal.append(task, new ChatRequest("generate", task, List.of(ChatMessage.user("write " + task))),
                    REPLY);
        }
        Files.createDirectories(run.resolve("subbuild/build-123/c0/target"));
        Files.writeString(run.resolve("subbuild/build-123/build.log"), "[INFO] BUILD FAILURE\n");
    }

    @Test
    void aRemovedTaskLosesItsStateAndRepliesAndTheOthersKeepTheirs() throws IOException {
        StateFolder.Removed removed = StateFolder.tidy(run, List.of("money"), false, warnings::add);

        assertEquals(new StateFolder.Removed(2, 2, 1), removed);
        StateStore store = new StateStore(run.resolve("tasks"), warnings::add);
        assertTrue(Files.exists(store.fileFor("money")));
        assertTrue(Files.exists(store.fileFor("money/part-1")));
        assertFalse(Files.exists(store.fileFor("loan")));
        assertFalse(Files.exists(store.fileFor("loan/part-1")));
        ReplyJournal journal = ReplyJournal.open(run.resolve("journal.jsonl"), warnings::add);
        assertEquals(Optional.of(REPLY), journal.find("money"));
        assertEquals(Optional.of(REPLY), journal.find("money/part-1"));
        assertEquals(2, journal.size());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void subBuildFoldersOfAnEarlierRunGoUnlessKept() throws IOException {
        StateFolder.tidy(run, List.of("money", "loan"), true, warnings::add);
        assertTrue(Files.exists(run.resolve("subbuild/build-123/build.log")), "kept with keepSubBuilds");

        StateFolder.tidy(run, List.of("money", "loan"), false, warnings::add);
        assertTrue(Files.isDirectory(run.resolve("subbuild")));
        assertFalse(Files.exists(run.resolve("subbuild/build-123")));
    }

    @Test
    void nothingToRemoveLeavesTheJournalAsItWasAndSaysNothing() throws IOException {
        StateFolder.tidy(run, List.of("money", "loan"), false, warnings::add);
        String journal = Files.readString(run.resolve("journal.jsonl"));

        StateFolder.Removed removed = StateFolder.tidy(run, List.of("money", "loan"), false, warnings::add);

        assertEquals(Optional.empty(), removed.describe());
        assertEquals(journal, Files.readString(run.resolve("journal.jsonl")));
    }

    @Test
    void sizeCountsEveryFileBelowTheFolder() throws IOException {
        long expected = 0;
        try (Stream<Path> files = Files.walk(run)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                expected += Files.size(file);
            }
        }

        assertEquals(expected, StateFolder.size(run));
        assertEquals(0, StateFolder.size(run.resolve("absent")));
    }
}

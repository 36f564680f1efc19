package dev.autocoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplyJournalTest {

    private static final ChatRequest FIRST = new ChatRequest("generate", "money",
            List.of(ChatMessage.system("You write Java."), ChatMessage.user("Write <Money> & \"friends\"")));
    private static final ChatRequest SECOND = new ChatRequest("review", "money",
            List.of(ChatMessage.user("Review it")));
    private static final ChatReply FIRST_REPLY = new ChatReply("class Money {}\n", new TokenUsage(120, 8, 64), "stop");
    private static final ChatReply SECOND_REPLY = new ChatReply("{\"complete\": true}", new TokenUsage(50, 6), "length");

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private ReplyJournal open(Path file) throws Exception {
        return ReplyJournal.open(file, warnings::add);
    }

    @Test
    void appendedRepliesAreFoundAfterReopening() throws Exception {
        Path file = dir.resolve("nested/journal.jsonl");
        ReplyJournal journal = open(file);
        journal.append(FIRST.key("m"), FIRST, FIRST_REPLY);
        journal.append(SECOND.key("m"), SECOND, SECOND_REPLY);

        ReplyJournal reopened = open(file);

        assertEquals(Optional.of(FIRST_REPLY), reopened.find(FIRST.key("m")));
        assertEquals(Optional.of(SECOND_REPLY), reopened.find(SECOND.key("m")));
        assertEquals(2, reopened.size());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void linesHaveStableFieldOrderAndReadableText() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        open(file).append("k1", SECOND, SECOND_REPLY);

        assertEquals("{\"key\":\"k1\",\"purpose\":\"review money\",\"task\":\"money\",\"messages\":[{\"role\":\"user\",\"text\":"
                + "\"Review it\"}],\"reply\":\"{\\\"complete\\\": true}\",\"usage\":{\"input\":50,\"output\":6},"
                + "\"finishReason\":\"length\"}\n", Files.readString(file));
    }

    @Test
    void truncatedLastLineIsSkippedWithWarningAndNextAppendStartsAFreshLine() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        open(file).append("k1", FIRST, FIRST_REPLY);
        Files.writeString(file, "{\"key\":\"k2\",\"purpose\":\"gen", StandardOpenOption.APPEND);

        ReplyJournal journal = open(file);
        journal.append("k3", SECOND, SECOND_REPLY);

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith(file.toAbsolutePath() + ":2: skipped"), warnings.get(0));
        assertTrue(warnings.get(0).contains("cut off"), warnings.get(0));
        ReplyJournal reopened = ReplyJournal.open(file, warning -> { });
        assertEquals(Optional.of(FIRST_REPLY), reopened.find("k1"));
        assertEquals(Optional.of(SECOND_REPLY), reopened.find("k3"));
    }

    @Test
    void unreadableLineInTheMiddleIsSkippedWithWarning() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        open(file).append("k1", FIRST, FIRST_REPLY);
        Files.writeString(file, "not json at all\n{\"key\":\"k9\"}\n", StandardOpenOption.APPEND);
        ReplyJournal journal = open(file);
        journal.append("k2", SECOND, SECOND_REPLY);

        ReplyJournal reopened = open(file);

        assertEquals(2, reopened.size());
        assertEquals(4, warnings.size());
        assertTrue(warnings.get(0).startsWith(file.toAbsolutePath() + ":2: skipped"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith(file.toAbsolutePath() + ":3: skipped"), warnings.get(1));
    }

    @Test
    void aKeyAlreadyRecordedIsNotWrittenTwice() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        ReplyJournal journal = open(file);
        journal.append("k1", FIRST, FIRST_REPLY);

        journal.append("k1", FIRST, SECOND_REPLY);

        assertEquals(Optional.of(FIRST_REPLY), journal.find("k1"));
        assertEquals(1, Files.readAllLines(file, StandardCharsets.UTF_8).size());
    }

    @Test
    void concurrentAppendsAllSurviveIntact() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        ReplyJournal journal = open(file);
        List<Thread> writers = new ArrayList<>();
        for (int writer = 0; writer < 8; writer++) {
            String prefix = "w" + writer + "-";
            writers.add(new Thread(() -> {
                for (int entry = 0; entry < 20; entry++) {
                    journal.append(prefix + entry, FIRST, FIRST_REPLY);
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join(30_000);
            assertFalse(writer.isAlive(), "a writer did not finish within 30 s");
        }

        ReplyJournal reopened = open(file);

        assertEquals(160, reopened.size());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void retainDropsTheEntriesOfRemovedTasksAndTheirParts() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        ReplyJournal journal = open(file);
        journal.append("k1", FIRST, FIRST_REPLY);
        journal.append("k2", new ChatRequest("generate", "loan/part-1", FIRST.messages()), FIRST_REPLY);
        journal.append("k3", new ChatRequest("review", "loan", FIRST.messages()), SECOND_REPLY);

        ReplyJournal.Retained retained = ReplyJournal.retain(Files.readString(file), "money"::equals);
        Files.writeString(file, retained.content());

        assertEquals(2, retained.dropped());
        ReplyJournal reopened = open(file);
        assertEquals(Optional.of(FIRST_REPLY), reopened.find("k1"));
        assertEquals(1, reopened.size());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void retainReadsTheTaskOfOlderEntriesFromTheirPurpose() throws Exception {
        Path cassette = Path.of("examples/money-utils/src/main/autocoder/autocoder.cassette.jsonl");
        String content = Files.readString(cassette, StandardCharsets.UTF_8);

        assertEquals(content, ReplyJournal.retain(content, "money"::equals).content());
        assertEquals(4, ReplyJournal.retain(content, "loan"::equals).dropped());
    }

    @Test
    void retainKeepsLinesItCannotRead() {
        String content = "not json at all\n{\"key\":\"k9\",\"purpose\":\"odd\"}\n{\"key\":\"k2\",\"purpose\":\"gen";

        ReplyJournal.Retained retained = ReplyJournal.retain(content, task -> false);

        assertEquals(0, retained.dropped());
        assertEquals(content + "\n", retained.content());
    }

    @Test
    void missingFileIsAnEmptyJournal() throws Exception {
        ReplyJournal journal = open(dir.resolve("absent.jsonl"));

        assertEquals(0, journal.size());
        assertFalse(Files.exists(dir.resolve("absent.jsonl")));
    }
}

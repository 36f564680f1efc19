package dev.autocoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournaledChatPortTest {

    private static final ChatRequest REQUEST = new ChatRequest("generate", "money-utils",
            List.of(ChatMessage.user("Write Money.java")));

    @TempDir
    Path dir;

    private ReplyJournal journal() throws Exception {
        return ReplyJournal.open(dir.resolve("cassette.jsonl"), warning -> { });
    }

    private JournaledChatPort recording(FakeOpenAiServer server) throws Exception {
        LangChain4jChatPort live = new LangChain4jChatPort(OpenAiChatPortTest.settings(server), notice -> { });
        return new JournaledChatPort(journal(), "gpt-test", JournaledChatPort.Mode.RECORD, live);
    }

    @Test
    void aJournaledReplyIsNotSentAgain() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("class Money {}").always())) {
            JournaledChatPort port = recording(server);

            ChatReply first = port.chat(REQUEST);
            ChatReply second = port.chat(REQUEST);
            ChatReply afterRestart = recording(server).chat(REQUEST);

            assertEquals(first, second);
            assertEquals(first, afterRestart);
            assertEquals(1, server.requestCount());
            assertEquals(new JournaledChatPort.Stats(1, 1), port.stats());
        }
    }

    @Test
    void replayAnswersWithoutAServerOrKey() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("class Money {}"))) {
            recording(server).chat(REQUEST);
        }

        JournaledChatPort replay = JournaledChatPort.replaying(journal(), "gpt-test");

        assertEquals("class Money {}", replay.chat(REQUEST).text());
        assertEquals(new JournaledChatPort.Stats(0, 1), replay.stats());
    }

    @Test
    void replayMissNamesPurposeKeyCassetteAndHowToRecord() throws Exception {
        JournaledChatPort replay = JournaledChatPort.replaying(journal(), "gpt-test");

        ModelException failure = assertThrows(ModelException.class, () -> replay.chat(REQUEST));

        assertEquals(ModelException.Kind.NOT_RECORDED, failure.kind());
        assertTrue(failure.getMessage().contains("'generate money-utils'"), failure.getMessage());
        assertTrue(failure.getMessage().contains(REQUEST.key("gpt-test").substring(0, 12)), failure.getMessage());
        assertTrue(failure.getMessage().contains(dir.resolve("cassette.jsonl").toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("-Dautocoder.mode=record"), failure.getMessage());
    }

    @Test
    void anotherModelNameMissesTheRecording() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("class Money {}"))) {
            recording(server).chat(REQUEST);
        }

        JournaledChatPort replay = JournaledChatPort.replaying(journal(), "gpt-other");

        assertEquals(ModelException.Kind.NOT_RECORDED,
                assertThrows(ModelException.class, () -> replay.chat(REQUEST)).kind());
    }

    @Test
    void theKeyReachesNoJournalFile() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("class Money {}"))) {
            recording(server).chat(REQUEST);
        }

        String written = Files.readString(dir.resolve("cassette.jsonl"));

        assertFalse(written.contains(OpenAiChatPortTest.SECRET), written);
        assertTrue(written.contains("class Money {}"), written);
    }
}

package dev.autocoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keys that local servers take for "no key" ({@code OPENAI_API_KEY=unused}) are ordinary words in
 * code: they never refuse a request nor mask log text; a real key still does both.
 */
class PlaceholderKeyTest {

    private static final String SUPPRESSING = "class Money {\n    @SuppressWarnings(\"unused\")\n    private int cents;\n}";

    private static LangChain4jChatPort port(FakeOpenAiServer server, String key) {
        return new LangChain4jChatPort(ModelSettings.of("local-model", ApiKey.of(key))
                .withBaseUrl(URI.create(server.baseUrl()))
                .withTimeout(Duration.ofSeconds(5))
                .withRetries(0, Duration.ofMillis(10), Duration.ofMillis(40)), notice -> { });
    }

    private static ChatRequest quoting(String text) {
        return new ChatRequest("generate", "money", List.of(ChatMessage.user("Test file:\n" + text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unused", "EMPTY", "ollama", "lm-studio", "sk-no-key-required", "none", "dummy", "test",
        "Unused", "sk-short-1"})
    void aPlaceholderOrShortKeyIsNoSecret(String key) {
        ApiKey placeholder = ApiKey.of(key);

        assertFalse(placeholder.isSecret(), key);
        assertEquals("@SuppressWarnings(\"" + key + "\")", placeholder.redact("@SuppressWarnings(\"" + key + "\")"));
    }

    @Test
    void aRealKeyIsASecretAndMasked() {
        ApiKey real = ApiKey.of("sk-proj-SECRET-4c2e9a");

        assertTrue(real.isSecret());
        assertEquals("key=****", real.redact("key=sk-proj-SECRET-4c2e9a"));
    }

    @Test
    void aPromptSayingUnusedIsSentWithTheKeyUnused() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("class Money {}"))) {
            ChatReply reply = port(server, "unused").chat(quoting(SUPPRESSING));

            assertEquals("class Money {}", reply.text());
            assertEquals(1, server.requestCount());
            assertTrue(server.requests().get(0).messagesText().contains("@SuppressWarnings(\"unused\")"));
            assertEquals("Bearer unused", server.requests().get(0).authorization(), "the placeholder is still sent");
        }
    }

    @Test
    void aServerMessageSayingUnusedIsNotMasked() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(
                Rule.status(400, "{\"error\":{\"message\":\"field 'unused' is not allowed\"}}"))) {
            ModelException failure = assertThrows(ModelException.class,
                    () -> port(server, "unused").chat(quoting("x")));

            assertTrue(failure.getMessage().contains("field 'unused' is not allowed"), failure.getMessage());
        }
    }

    @Test
    void aRequestQuotingARealKeyFailsOnlyItsTask() throws Exception {
        String key = "sk-proj-SECRET-4c2e9a";
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("never"))) {
            ModelException failure = assertThrows(ModelException.class,
                    () -> port(server, key).chat(quoting("String key = \"" + key + "\";")));

            assertEquals(ModelException.Kind.SECRET_IN_REQUEST, failure.kind());
            assertTrue(failure.taskOnly(), "the task that quotes the key fails, the run goes on");
            assertFalse(failure.retryable());
            assertTrue(failure.getMessage().contains("its user message contains the API key"), failure.getMessage());
            assertFalse(failure.getMessage().contains(key), failure.getMessage());
            assertEquals(0, server.requestCount());
        }
    }
}

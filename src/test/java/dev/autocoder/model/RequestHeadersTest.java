package dev.autocoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Gateway headers such as Azure OpenAI's {@code api-key}: sent with every request, kept as secret as the key. */
class RequestHeadersTest {

    private static final String AZURE_KEY = "azure-key-SECRET-9b8c7d";
    private static final ChatRequest REQUEST = new ChatRequest("generate", "money",
            List.of(ChatMessage.system("You write Java."), ChatMessage.user("Write Money.java")));

    private final List<String> notices = new CopyOnWriteArrayList<>();

    private LangChain4jChatPort port(FakeOpenAiServer server, String apiKeyHeader) {
        ModelSettings settings = OpenAiChatPortTest.settings(server)
                .withNetwork(RequestHeaders.of(Map.of("api-key", apiKeyHeader, "x-team", "billing")), null);
        return new LangChain4jChatPort(settings, notices::add);
    }

    private static void assertNoHeaderValue(Throwable failure) {
        for (Throwable link = failure; link != null; link = link.getCause()) {
            assertFalse(String.valueOf(link).contains(AZURE_KEY), "header value leaked: " + link);
        }
    }

    @Test
    void anAzureStyleEndpointDemandingItsApiKeyHeaderAnswers() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("class Money {}"))
                .requireHeader("api-key", AZURE_KEY)) {
            ChatReply reply = port(server, AZURE_KEY).chat(REQUEST);

            assertEquals("class Money {}", reply.text());
            assertEquals("billing", server.requests().get(0).header("x-team"));
        }
    }

    @Test
    void aRefusedHeaderIsNamedWithoutItsValue() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("never"))
                .requireHeader("api-key", "the-right-value")) {
            ModelException failure = assertThrows(ModelException.class, () -> port(server, AZURE_KEY).chat(REQUEST));

            assertEquals(ModelException.Kind.AUTHENTICATION, failure.kind());
            assertTrue(failure.getMessage().contains("check the headers [api-key, x-team] (<headers>, or the <server> passwords <headerServers> names)"),
                    failure.getMessage());
            assertNoHeaderValue(failure);
        }
    }

    @Test
    void aServerEchoingTheHeaderValueIsMaskedInEveryMessage() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(
                Rule.status(503, "{\"error\":{\"message\":\"overloaded for key " + AZURE_KEY + "\"}}").always())) {
            ModelException failure = assertThrows(ModelException.class, () -> port(server, AZURE_KEY).chat(REQUEST));

            assertTrue(failure.getMessage().contains("overloaded for key ****"), failure.getMessage());
            assertNoHeaderValue(failure);
            notices.forEach(notice -> assertFalse(notice.contains(AZURE_KEY), notice));
        }
    }

    @Test
    void aRequestCarryingAHeaderValueIsRefusedBeforeItLeaves() throws Exception {
        ChatRequest quoting = new ChatRequest("generate", "money",
                List.of(ChatMessage.user("File .env:\nAZURE_OPENAI_API_KEY=" + AZURE_KEY)));
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("never"))) {
            ModelException failure = assertThrows(ModelException.class, () -> port(server, AZURE_KEY).chat(quoting));

            assertEquals(ModelException.Kind.SECRET_IN_REQUEST, failure.kind());
            assertTrue(failure.getMessage().contains("its user message contains the value of header `api-key`"),
                    failure.getMessage());
            assertNoHeaderValue(failure);
            assertEquals(0, server.requestCount());
        }
    }

    @Test
    void aRequestCarryingTheApiKeyIsRefusedBeforeItLeaves() throws Exception {
        ChatRequest quoting = new ChatRequest("generate", "money",
                List.of(ChatMessage.user("String key = \"" + OpenAiChatPortTest.SECRET + "\";")));
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("never"))) {
            ModelException failure = assertThrows(ModelException.class, () -> port(server, AZURE_KEY).chat(quoting));

            assertTrue(failure.getMessage().contains("contains the API key"), failure.getMessage());
            assertFalse(failure.getMessage().contains(OpenAiChatPortTest.SECRET), failure.getMessage());
            assertEquals(0, server.requestCount());
        }
    }

    @Test
    void aShortValueIsNoSecretAndDoesNotBlockOrdinaryText() throws Exception {
        ChatRequest mentioning = new ChatRequest("generate", "money", List.of(ChatMessage.user("The team is billing.")));
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("ok"))) {
            assertEquals("ok", port(server, AZURE_KEY).chat(mentioning).text());
        }
    }

    @Test
    void headersPrintWithoutTheirValues() {
        RequestHeaders headers = RequestHeaders.of(Map.of("api-key", AZURE_KEY));
        ModelSettings settings = ModelSettings.of("m", ApiKey.of("k")).withNetwork(headers, null);

        assertEquals("{api-key=****}", headers.toString());
        assertFalse(settings.toString().contains(AZURE_KEY), settings.toString());
    }

    @Test
    void theAuthorizationHeaderIsLeftToTheKey() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> RequestHeaders.of(Map.of("Authorization", "Bearer " + AZURE_KEY)));

        assertTrue(failure.getMessage().contains("OPENAI_API_KEY"), failure.getMessage());
        assertFalse(failure.getMessage().contains(AZURE_KEY), failure.getMessage());
    }
}

package dev.autocoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import dev.autocoder.testing.ForwardProxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Provider {@code ollama}: Ollama's native chat API with every guarantee of the OpenAI path. */
class OllamaChatPortTest {

    private static final ChatRequest REQUEST = new ChatRequest("generate", "money",
            List.of(ChatMessage.system("You write Java."), ChatMessage.user("Write Money.java")));

    private final List<String> notices = new CopyOnWriteArrayList<>();

    /** A local server: no key, as a plain {@code ollama serve} takes none. */
    private static ModelSettings settings(FakeOpenAiServer server) {
        return ModelSettings.of("qwen2.5-coder:7b", ApiKey.none())
                .withProvider(Provider.OLLAMA)
                .withBaseUrl(URI.create(server.rootUrl()))
                .withTimeout(Duration.ofSeconds(5))
                .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(40));
    }

    private ChatReply chat(ModelSettings settings) {
        return new LangChain4jChatPort(settings, notices::add).chat(REQUEST);
    }

    @Test
    void aReplyMapsTextUsageAndFinishReasonAndTheRequestIsOllamasOwn() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.startOllama(Rule.reply("class Money {}"))) {
            ChatReply reply = chat(settings(server));

            FakeOpenAiServer.Recorded request = server.requests().get(0);
            assertEquals("class Money {}", reply.text());
            assertEquals(new TokenUsage(request.promptTokens(), FakeOpenAiServer.tokens("class Money {}")),
                    reply.usage());
            assertEquals("stop", reply.finishReason());
            assertEquals("/api/chat", request.path());
            assertEquals("qwen2.5-coder:7b", request.model());
            assertFalse(request.json().get("stream").getAsBoolean(), "one JSON reply, not a stream");
            assertTrue(request.messagesText().startsWith("You write Java.\nWrite Money.java"), request.messagesText());
            assertNull(request.authorization(), "a local server gets no credentials");
        }
    }

    @Test
    void theContextWindowReachesEveryRequestDefaultOrConfigured() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.startOllama(Rule.reply("ok").always())) {
            chat(settings(server));
            chat(settings(server).withContextSize(32_768));

            JsonObject byDefault = server.requests().get(0).json().getAsJsonObject("options");
            JsonObject configured = server.requests().get(1).json().getAsJsonObject("options");
            assertEquals(16_384, byDefault.get("num_ctx").getAsInt(), "so the server never cuts the prompt");
            assertEquals(32_768, configured.get("num_ctx").getAsInt());
            assertEquals(0.0, configured.get("temperature").getAsDouble());
        }
    }

    @Test
    void aReplyCutAtTheLengthLimitSurfacesAsTruncated() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.startOllama(Rule.reply("class Mon").finishReason("length"))) {
            assertTrue(chat(settings(server)).truncated());
        }
    }

    @Test
    void retryAfterIsHonouredAndABusyServerIsRetried() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.startOllama(
                Rule.status(429, "{\"error\":\"too many requests\"}").header("Retry-After", "1"),
                Rule.status(503, "{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}"),
                Rule.reply("ok"))) {
            RetryAssertions.assertRetriedHonouringRetryAfter(server, () -> chat(settings(server)), notices, 503);
        }
    }

    @Test
    void aModelTheServerHasNotPulledFailsAtOnceSayingHowToGetIt() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.startOllama(
                Rule.status(404, "{\"error\":\"model \\\"qwen2.5-coder:7b\\\" not found, try pulling it first\"}")
                        .always())) {
            ModelException failure = assertThrows(ModelException.class, () -> chat(settings(server)));

            assertEquals(ModelException.Kind.NOT_FOUND, failure.kind());
            assertEquals(1, server.requestCount(), "a 404 is never retried");
            assertTrue(failure.getMessage().contains("not found, try pulling it first"), failure.getMessage());
            assertTrue(failure.getMessage().contains("ollama pull qwen2.5-coder:7b"), failure.getMessage());
        }
    }

    @Test
    void aKeyGoesAsABearerTokenAndHeadersAndTheProxyCarryTheCall() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.startOllama(Rule.reply("ok"))
                .requireHeader("x-gateway-token", "gateway-SECRET-77");
                ForwardProxy proxy = ForwardProxy.open()) {
            ModelSettings settings = ModelSettings.of("gpt-oss:120b", ApiKey.of(OpenAiChatPortTest.SECRET))
                    .withProvider(Provider.OLLAMA)
                    .withBaseUrl(URI.create(server.rootUrl().replace("127.0.0.1", "model.test")))
                    .withTimeout(Duration.ofSeconds(5))
                    .withNetwork(RequestHeaders.of(Map.of("x-gateway-token", "gateway-SECRET-77")),
                            new ProxySettings("corp", "127.0.0.1", proxy.port(), List.of(), null, null));

            assertEquals("ok", chat(settings).text());

            assertEquals(1, proxy.seen().size(), "model.test resolves only through the proxy");
            assertEquals("Bearer " + OpenAiChatPortTest.SECRET, server.requests().get(0).authorization());
        }
    }

    @Test
    void aRequestQuotingTheKeyIsRefusedBeforeItLeaves() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.startOllama(Rule.reply("ok"))) {
            ModelSettings settings = settings(server).withNetwork(
                    RequestHeaders.of(Map.of("x-gateway-token", "gateway-SECRET-77")), null);
            ChatRequest leaking = new ChatRequest("generate", "money",
                    List.of(ChatMessage.user("token = gateway-SECRET-77")));

            ModelException failure = assertThrows(ModelException.class,
                    () -> new LangChain4jChatPort(settings, notices::add).chat(leaking));

            assertEquals(0, server.requestCount());
            assertFalse(failure.getMessage().contains("gateway-SECRET-77"), failure.getMessage());
        }
    }

    @Test
    void providerOllamaDefaultsToALocalServerThatNeedsNoKey() {
        assertEquals(URI.create("http://localhost:11434"), Provider.OLLAMA.endpoint(ModelSettings.OPENAI_BASE_URL));
        assertFalse(Provider.OLLAMA.requiresKey());
        assertEquals(600, Provider.OLLAMA.defaultTimeoutSeconds());
        assertTrue(Provider.OPENAI.requiresKey() && Provider.ANTHROPIC.requiresKey());
    }
}

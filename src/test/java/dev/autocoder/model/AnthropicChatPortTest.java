package dev.autocoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import dev.autocoder.testing.ForwardProxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Provider {@code anthropic}: Anthropic's Messages API with every guarantee of the OpenAI path. */
class AnthropicChatPortTest {

    private static final ChatRequest REQUEST = new ChatRequest("generate", "money",
            List.of(ChatMessage.system("You write Java."), ChatMessage.user("Write Money.java")));

    private final List<String> notices = new CopyOnWriteArrayList<>();

    private LangChain4jChatPort port(FakeOpenAiServer server) {
        return new LangChain4jChatPort(OpenAiChatPortTest.settings(server).withProvider(Provider.ANTHROPIC), notices::add);
    }

    @Test
    void aReplyMapsTextUsageAndFinishReasonAndTheRequestIsAnthropics() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.startAnthropic(Rule.reply("class Money {}"))
                .requireHeader("x-api-key", OpenAiChatPortTest.SECRET)) {
            ChatReply reply = port(server).chat(REQUEST);

            FakeOpenAiServer.Recorded request = server.requests().get(0);
            assertEquals("class Money {}", reply.text());
            assertEquals(new TokenUsage(request.promptTokens(), FakeOpenAiServer.tokens("class Money {}")),
                    reply.usage());
            assertEquals("stop", reply.finishReason());
            assertEquals("/v1/messages", request.path());
            assertNotNull(request.header("anthropic-version"));
            assertEquals(8192, request.json().get("max_tokens").getAsInt(), "a reply long enough for a class");
            assertTrue(request.messagesText().startsWith("You write Java."), request.messagesText());
        }
    }

    @Test
    void maxTokensSurfacesAsTruncated() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.startAnthropic(Rule.reply("class Mon").finishReason("length"))) {
            assertTrue(port(server).chat(REQUEST).truncated());
        }
    }

    @Test
    void retryAfterIsHonouredOn429AndOverloadIsRetried() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.startAnthropic(
                Rule.status(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow\"}}")
                        .header("Retry-After", "1"),
                Rule.status(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"busy\"}}"),
                Rule.reply("ok"))) {
            RetryAssertions.assertRetriedHonouringRetryAfter(server, () -> port(server).chat(REQUEST), notices, 529);
        }
    }

    @Test
    void aRefusedKeyFailsAtOnceNamingAnthropicsVariableWithoutTheKey() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.startAnthropic(Rule.status(401,
                "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key "
                        + OpenAiChatPortTest.SECRET + "\"}}").always())) {
            ModelException failure = assertThrows(ModelException.class, () -> port(server).chat(REQUEST));

            assertEquals(ModelException.Kind.AUTHENTICATION, failure.kind());
            assertEquals(1, server.requestCount());
            assertTrue(failure.getMessage().contains("set the ANTHROPIC_API_KEY environment variable"),
                    failure.getMessage());
            assertFalse(failure.getMessage().contains(OpenAiChatPortTest.SECRET), failure.getMessage());
        }
    }

    @Test
    void anUnknownModelIsNotRetriedAndCarriesTheServerMessage() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.startAnthropic(Rule.status(404,
                "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"model: gpt-test\"}}")
                .always())) {
            ModelException failure = assertThrows(ModelException.class, () -> port(server).chat(REQUEST));

            assertEquals(ModelException.Kind.NOT_FOUND, failure.kind());
            assertEquals(1, server.requestCount());
            assertTrue(failure.getMessage().contains("HTTP 404: model: gpt-test"), failure.getMessage());
        }
    }

    @Test
    void headersAndTheProxyCarryAnthropicCallsToo() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.startAnthropic(Rule.reply("ok"))
                .requireHeader("x-gateway-token", "gateway-SECRET-77");
                ForwardProxy proxy = ForwardProxy.open()) {
            ModelSettings settings = OpenAiChatPortTest.settings(server).withProvider(Provider.ANTHROPIC)
                    .withBaseUrl(URI.create(server.baseUrl().replace("127.0.0.1", "model.test")))
                    .withNetwork(RequestHeaders.of(Map.of("x-gateway-token", "gateway-SECRET-77")),
                            new ProxySettings("corp", "127.0.0.1", proxy.port(), List.of(), null, null));

            assertEquals("ok", new LangChain4jChatPort(settings, notices::add).chat(REQUEST).text());

            assertEquals(1, proxy.seen().size());
        }
    }

    @Test
    void providerAnthropicReplacesOnlyThePluginsDefaultEndpoint() {
        assertEquals(URI.create("https://api.anthropic.com/v1"), Provider.ANTHROPIC.endpoint(ModelSettings.OPENAI_BASE_URL));
        assertEquals(URI.create("http://gateway/v1"), Provider.ANTHROPIC.endpoint(URI.create("http://gateway/v1")));
        assertEquals(ModelSettings.OPENAI_BASE_URL, Provider.OPENAI.endpoint(ModelSettings.OPENAI_BASE_URL));
    }
}

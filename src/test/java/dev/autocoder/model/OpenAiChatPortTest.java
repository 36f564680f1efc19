package dev.autocoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiChatPortTest {

    static final String SECRET = "sk-test-SECRET-1234";
    private static final ChatRequest REQUEST = new ChatRequest("generate", "money-utils",
            List.of(ChatMessage.system("You write Java."), ChatMessage.user("Write Money.java")));

    private final List<String> notices = new CopyOnWriteArrayList<>();

    static ModelSettings settings(FakeOpenAiServer server) {
        return ModelSettings.of("gpt-test", ApiKey.of(SECRET))
                .withBaseUrl(URI.create(server.baseUrl()))
                .withTimeout(Duration.ofSeconds(5))
                .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(40));
    }

    private LangChain4jChatPort port(FakeOpenAiServer server) {
        return new LangChain4jChatPort(settings(server), notices::add);
    }

    /** Given one fault then a good reply, the port retries once and reports the fault by name. */
    private void assertRecovers(Rule fault, String summary) throws Exception {
        assertRecovers(fault, Duration.ofSeconds(5), summary);
    }

    private void assertRecovers(Rule fault, Duration timeout, String summary) throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(fault, Rule.reply("ok"))) {
            ChatReply reply = new LangChain4jChatPort(settings(server).withTimeout(timeout), notices::add).chat(REQUEST);

            assertEquals("ok", reply.text());
            assertEquals(2, server.requestCount());
            assertTrue(notices.get(0).startsWith("model call failed (" + summary + "), retrying in"),
                    notices.get(0));
        }
    }

    /** Given a fault on every request, the port gives up after one request, naming the endpoint. */
    private ModelException assertFailsAtOnce(Rule fault) throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(fault.always())) {
            ModelException failure = assertThrows(ModelException.class, () -> port(server).chat(REQUEST));

            assertEquals(1, server.requestCount());
            assertTrue(notices.isEmpty(), notices.toString());
            assertTrue(failure.getMessage().contains(server.baseUrl()), failure.getMessage());
            return failure;
        }
    }

    /** A completion body whose one assistant message has {@code messageFields} besides its role. */
    private static String completion(String messageFields, String finishReason) {
        return "{\"id\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + messageFields + "},\"finish_reason\":\"" + finishReason + "\"}]}";
    }

    private static void assertNoSecret(Throwable failure) {
        for (Throwable link = failure; link != null; link = link.getCause()) {
            assertFalse(String.valueOf(link.getMessage()).contains(SECRET), "key leaked: " + link.getMessage());
            assertFalse(String.valueOf(link).contains(SECRET), "key leaked: " + link);
        }
    }

    @Test
    void successMapsTextUsageAndFinishReason() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("class Money {}"))) {
            ChatReply reply = port(server).chat(REQUEST);

            assertEquals("class Money {}", reply.text());
            assertEquals(new TokenUsage(server.requests().get(0).promptTokens(), FakeOpenAiServer.tokens("class Money {}")),
                    reply.usage());
            assertEquals("stop", reply.finishReason());
            assertEquals("Bearer " + SECRET, server.requests().get(0).authorization());
            assertEquals("gpt-test", server.requests().get(0).model());
            assertEquals(0.0, server.requests().get(0).json().get("temperature").getAsDouble());
        }
    }

    @Test
    void lengthFinishReasonSurfacesAsTruncated() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("class Mon").finishReason("length"))) {
            ChatReply reply = port(server).chat(REQUEST);

            assertTrue(reply.truncated());
            assertEquals("length", reply.finishReason());
        }
    }

    @Test
    void retryAfterSecondsIsHonouredOn429() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(
                Rule.status(429, "{\"error\":{\"message\":\"slow down\"}}").header("Retry-After", "1"),
                Rule.reply("ok"))) {
            long start = System.nanoTime();
            ChatReply reply = port(server).chat(REQUEST);
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;

            assertEquals("ok", reply.text());
            assertEquals(2, server.requestCount());
            assertTrue(waitedMillis >= 1000, "waited only " + waitedMillis + " ms");
            assertEquals(List.of("model call failed (HTTP 429), retrying in 1.0 s (attempt 2 of 4)"), notices);
        }
    }

    @Test
    void retryAfterHttpDateIsHonouredOn503() throws Exception {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        try (FakeOpenAiServer server = FakeOpenAiServer.start(
                Rule.status(503, "busy").header("Retry-After", inTwoSeconds), Rule.reply("ok"))) {
            long start = System.nanoTime();
            ChatReply reply = port(server).chat(REQUEST);
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;

            assertEquals("ok", reply.text());
            assertEquals(2, server.requestCount());
            // The date has one-second resolution, so "now + 2 s" means at least one more second.
            assertTrue(waitedMillis >= 1000, "waited only " + waitedMillis + " ms");
        }
    }

    @Test
    void serverErrorBurstIsRetriedUntilSuccess() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.status(500, "oops"), Rule.status(502, "bad gateway"),
                Rule.status(503, "unavailable"), Rule.reply("ok"))) {
            ChatReply reply = port(server).chat(REQUEST);

            assertEquals("ok", reply.text());
            assertEquals(4, server.requestCount());
            assertEquals(3, notices.size());
            assertTrue(notices.get(2).startsWith("model call failed (HTTP 503), retrying in"), notices.get(2));
        }
    }

    @Test
    void readTimeoutIsRetried() throws Exception {
        assertRecovers(Rule.reply("late").delayMillis(1500), Duration.ofMillis(300), "timeout");
    }

    @Test
    void droppedConnectionIsRetried() throws Exception {
        assertRecovers(Rule.reply("never complete").dropMidBody(), "connection failed");
    }

    @Test
    void unauthorizedFailsAtOnceNamingEndpointAndKeySettings() throws Exception {
        ModelException failure = assertFailsAtOnce(
                Rule.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + SECRET + "\"}}"));

        assertEquals(ModelException.Kind.AUTHENTICATION, failure.kind());
        assertTrue(failure.getMessage().contains("OPENAI_API_KEY"), failure.getMessage());
        assertTrue(failure.getMessage().contains("settings.xml"), failure.getMessage());
        assertNoSecret(failure);
    }

    @Test
    void notFoundNamesTheModel() throws Exception {
        ModelException failure = assertFailsAtOnce(
                Rule.status(404, "{\"error\":{\"message\":\"The model does not exist\"}}"));

        assertEquals(ModelException.Kind.NOT_FOUND, failure.kind());
        assertTrue(failure.getMessage().contains("'gpt-test'"), failure.getMessage());
    }

    @Test
    void badRequestIsNotRetriedAndCarriesServerMessage() throws Exception {
        ModelException failure = assertFailsAtOnce(
                Rule.status(400, "{\"error\":{\"message\":\"max_tokens is too large\"}}"));

        assertEquals(ModelException.Kind.BAD_REQUEST, failure.kind());
        assertTrue(failure.getMessage().contains("HTTP 400: max_tokens is too large"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens. However, your messages"
                + " resulted in 130000 tokens.\",\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}",
        "{\"object\":\"error\",\"message\":\"This model's maximum context length is 4096 tokens. However, you"
                + " requested 5000 tokens (4000 in the messages, 1000 in the completion).\",\"code\":400}",
        "{\"error\":{\"code\":400,\"message\":\"the request exceeds the available context size, try increasing it\","
                + "\"type\":\"exceed_context_size_error\"}}",
        "{\"error\":{\"message\":\"input exceeds context length\",\"type\":\"api_error\"}}"})
    void aPromptLongerThanTheContextIsAnOverflowNotABadRequest(String body) throws Exception {
        ModelException failure = assertFailsAtOnce(Rule.status(400, body));

        assertEquals(ModelException.Kind.CONTEXT_OVERFLOW, failure.kind());
        assertTrue(failure.getMessage().contains("longer than the model's context"), failure.getMessage());
    }

    @Test
    void emptyChoicesAreRetriedThenReportedAsTransient() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(
                Rule.status(200, "{\"id\":\"x\",\"choices\":[]}").always())) {
            ModelException failure = assertThrows(ModelException.class, () -> port(server).chat(REQUEST));

            assertEquals(ModelException.Kind.TRANSIENT, failure.kind());
            assertEquals(4, server.requestCount());
            assertTrue(failure.getMessage().contains("failed after 4 attempts"), failure.getMessage());
            assertTrue(failure.getMessage().contains("'generate money-utils'"), failure.getMessage());
        }
    }

    @Test
    void malformedJsonBodyIsRetried() throws Exception {
        assertRecovers(Rule.status(200, "{\"choices\": [ {oops"), "malformed reply");
    }

    @Test
    void nullContentIsRetried() throws Exception {
        assertRecovers(Rule.status(200, completion("\"content\":null", "stop")), "empty reply");
    }

    @Test
    void refusalBecomesContentFilterReply() throws Exception {
        String refusal = completion("\"content\":null,\"refusal\":\"I can't help with that.\"", "stop");
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.status(200, refusal))) {
            ChatReply reply = port(server).chat(REQUEST);

            assertEquals("content_filter", reply.finishReason());
            assertEquals("I can't help with that.", reply.text());
            assertEquals(1, server.requestCount());
        }
    }

    @Test
    void contentFilterFinishReasonWithoutTextIsAnEmptyReply() throws Exception {
        String filtered = completion("\"content\":null", "content_filter");
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.status(200, filtered))) {
            ChatReply reply = port(server).chat(REQUEST);

            assertEquals("content_filter", reply.finishReason());
            assertEquals("", reply.text());
        }
    }

    @Test
    void exhaustedRetriesNameAttemptsAndLastCauseWithoutTheKey() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(
                Rule.status(503, "{\"error\":{\"message\":\"overloaded, key " + SECRET + "\"}}").always())) {
            ModelException failure = assertThrows(ModelException.class, () -> port(server).chat(REQUEST));

            assertEquals(ModelException.Kind.TRANSIENT, failure.kind());
            assertTrue(failure.retryable());
            assertTrue(failure.getMessage().contains("failed after 4 attempts"), failure.getMessage());
            assertTrue(failure.getMessage().contains("HTTP 503: overloaded"), failure.getMessage());
            assertNoSecret(failure);
            notices.forEach(notice -> assertFalse(notice.contains(SECRET)));
        }
    }

    @Test
    void settingsPrintWithoutTheKey() {
        ModelSettings settings = ModelSettings.of("gpt-test", ApiKey.of(SECRET));

        assertFalse(settings.toString().contains(SECRET), settings.toString());
        assertEquals("****", settings.apiKey().toString());
    }
}

package dev.autocoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.model.ApiKey;
import dev.autocoder.model.ChatMessage;
import dev.autocoder.model.ChatReply;
import dev.autocoder.model.ChatRequest;
import dev.autocoder.model.ModelException;
import dev.autocoder.model.ModelSettings;
import dev.autocoder.model.LangChain4jChatPort;
import dev.autocoder.model.TokenCounter;
import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The prompt bound, against a scripted endpoint over real HTTP. */
class PromptFitterTest {

    private static final String MODEL = "gpt-4o-mini";
    private static final TokenCounter COUNTER = TokenCounter.forModel(MODEL);

    private FakeOpenAiServer server;
    private final List<String> debug = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private PromptFitter fitter(int maxPromptTokens, Rule... rules) throws Exception {
        server = FakeOpenAiServer.start(rules);
        LangChain4jChatPort port = new LangChain4jChatPort(ModelSettings.of(MODEL, ApiKey.of("sk-test"))
                .withBaseUrl(URI.create(server.baseUrl()))
                .withRetries(0, Duration.ofMillis(10), Duration.ofMillis(10)), notice -> { });
        return new PromptFitter(port, COUNTER, maxPromptTokens, debug::add, warnings::add);
    }

    /** A context of {@code count} sections, each about {@code words} words, ranked by their number. */
    private static String context(int count, int words) {
        StringBuilder context = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            context.append(i == 1 ? "" : "\n").append("### Test Section").append(i).append("Test.java\n```java\n")
                    .append(("class Section" + i + "Test { int value" + i + "; }\n").repeat(words / 6))
                    .append("```\n");
        }
        return context.toString();
    }

    /** A system prompt, the task with its context, then {@code turns} replies each with feedback. */
    private static ChatRequest conversation(String context, int turns) {
        List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.system(Prompts.GENERATOR_SYSTEM),
                ChatMessage.user(Prompts.task("money", "Write `com.acme.Money`.", context))));
        for (int turn = 1; turn <= turns; turn++) {
            messages.add(ChatMessage.assistant("```java\nclass Money { int attempt" + turn + "; }\n```\n"
                    + "// filler\n".repeat(200)));
            messages.add(ChatMessage.user("Verification failed:\n[compile] finding of turn " + turn + "\n"
                    + "more detail\n".repeat(100)));
        }
        return new ChatRequest("generate", "money", messages);
    }

    private List<String> sent(int request) {
        return server.requests().get(request).contents();
    }

    /** The prompt tokens of a request the server received, by the fitter's own count. */
    private int sentTokens(int request) {
        return COUNTER.count(sent(request).stream().map(ChatMessage::user).toList());
    }

    @Test
    void aRequestThatFitsIsSentUnchanged() throws Exception {
        PromptFitter fitter = fitter(100_000, Rule.reply("ok"));
        ChatRequest request = conversation(context(3, 60), 2);

        fitter.chat(request);

        assertEquals(request.messages().stream().map(ChatMessage::text).toList(), sent(0));
        assertTrue(debug.isEmpty(), debug.toString());
    }

    @Test
    void theOldestTurnsGoFirstAndTheNewestCodeAndFeedbackStay() throws Exception {
        ChatRequest request = conversation(context(3, 60), 6);
        int withTwoTurns = COUNTER.count(conversation(context(3, 60), 2).messages()) + 50;
        PromptFitter fitter = fitter(withTwoTurns, Rule.reply("ok"));

        fitter.chat(request);

        List<String> sent = sent(0);
        assertEquals(request.messages().get(1).text(), sent.get(1), "the task and its context are untouched");
        assertEquals(Conversation.OMITTED, sent.get(2));
        assertTrue(sent.get(sent.size() - 2).contains("attempt6"), "the newest code stays");
        assertTrue(sent.get(sent.size() - 1).contains("finding of turn 6"), "the newest feedback stays");
        assertFalse(String.join("\n", sent).contains("attempt1;"), "the oldest turn is gone");
        assertTrue(sentTokens(0) <= withTwoTurns);
        assertTrue(debug.get(0).contains("message(s) of the oldest refinement turns"), debug.toString());
    }

    @Test
    void thenTheContextIsCutFromItsLeastRelevantSection() throws Exception {
        ChatRequest request = conversation(context(10, 300), 3);
        int limit = COUNTER.count(conversation(context(4, 300), 1).messages()) + 20;
        PromptFitter fitter = fitter(limit, Rule.reply("ok"));

        fitter.chat(request);

        String task = sent(0).get(1);
        assertTrue(task.contains("Section1Test") && task.contains("Section4Test"), task);
        assertFalse(task.contains("Section5Test"), "the less relevant sections go");
        assertTrue(sent(0).get(sent(0).size() - 1).contains("finding of turn 3"));
        assertTrue(debug.get(0).contains("context section 'Test Section10Test.java'"), debug.toString());
    }

    @Test
    void aContextOnceCutStaysCutSoTheTasksRequestsShareTheirPrefix() throws Exception {
        ChatRequest small = conversation(context(10, 300), 1);
        List<ChatMessage> withLongFeedback = new ArrayList<>(small.messages());
        withLongFeedback.set(3, ChatMessage.user("Verification failed:\n" + "a long finding\n".repeat(1_500)));
        int limit = COUNTER.count(small.messages()) + 100;
        PromptFitter fitter = fitter(limit, Rule.reply("ok").always());

        fitter.chat(new ChatRequest("generate", "money", withLongFeedback));
        fitter.chat(small);

        assertFalse(sent(0).get(1).contains("Section10Test"), "the long feedback needed context room");
        assertEquals(sent(0).get(1), sent(1).get(1), "the second request opens with the same task and context");
    }

    @Test
    void thenTheFeedbackIsCutAndSaysSo() throws Exception {
        List<ChatMessage> messages = new ArrayList<>(conversation("", 1).messages());
        messages.set(3, ChatMessage.user("Verification failed:\n[test] first finding\n" + "long detail ".repeat(4_000)));
        int limit = COUNTER.count(messages.subList(0, 3)) + 300;
        PromptFitter fitter = fitter(limit, Rule.reply("ok"));

        fitter.chat(new ChatRequest("generate", "money", messages));

        String feedback = sent(0).get(3);
        assertTrue(feedback.startsWith("Verification failed:\n[test] first finding"), feedback);
        assertTrue(feedback.endsWith("[The rest of these findings is cut to fit the prompt.]"), feedback);
        assertTrue(sentTokens(0) <= limit);
    }

    @Test
    void aSpecThatAloneDoesNotFitFailsNamingItsSize() throws Exception {
        String spec = "Write `com.acme.Huge`, which does this: " + "one more requirement, ".repeat(3_000);
        PromptFitter fitter = fitter(2_000, Rule.reply("ok").always());

        ModelException error = assertThrows(ModelException.class, () -> fitter.chat(new ChatRequest("generate", "huge",
                List.of(ChatMessage.system(Prompts.GENERATOR_SYSTEM), ChatMessage.user(Prompts.task("huge", spec, ""))))));

        assertEquals(ModelException.Kind.CONTEXT_OVERFLOW, error.kind());
        assertTrue(error.getMessage().startsWith("the spec of task huge alone, with the system prompt, takes "),
                error.getMessage());
        assertTrue(error.getMessage().contains("more than maxPromptTokens (2,000)"), error.getMessage());
        assertEquals(0, server.requestCount());
    }

    @Test
    void aReviewWhoseCodeDoesNotFitFailsNamingTheRequestNotTheSpec() throws Exception {
        String code = "class Huge {\n" + "    int field;\n".repeat(3_000) + "}\n";
        PromptFitter fitter = fitter(2_000, Rule.reply("ok").always());

        ModelException error = assertThrows(ModelException.class, () -> fitter.chat(new ChatRequest("review", "huge",
                List.of(ChatMessage.system(Prompts.REVIEW_SYSTEM), ChatMessage.user(Prompts.review("Write Huge.", code))))));

        assertTrue(error.getMessage().startsWith("task huge: 'review huge' takes "), error.getMessage());
        assertTrue(error.getMessage().contains("more than maxPromptTokens (2,000)"), error.getMessage());
    }

    @Test
    void aRefusedOverlongReplyIsNeverSentAgain() throws Exception {
        List<ChatMessage> messages = new ArrayList<>(conversation("", 0).messages());
        messages.add(ChatMessage.assistant("x".repeat(ReplyParser.MAX_REPLY_CHARS + 1)));
        messages.add(ChatMessage.user("That reply was too long."));
        PromptFitter fitter = fitter(100_000, Rule.reply("ok"));

        fitter.chat(new ChatRequest("generate", "money", messages));

        assertTrue(server.requests().get(0).body().length() < 20_000, "the long reply went out again");
        assertTrue(sent(0).get(2).contains("refused as too long"), sent(0).get(2));
    }

    @Test
    void aContextOverflowShrinksTheRequestAndTriesOnce() throws Exception {
        ChatRequest request = conversation(context(10, 300), 1);
        int serverLimit = 2_500;
        PromptFitter fitter = fitter(100_000, Rule.contextLimit(serverLimit), Rule.reply("ok").always());

        ChatReply reply = fitter.chat(request);

        assertEquals("ok", reply.text());
        assertEquals(2, server.requestCount());
        assertTrue(server.requests().get(0).promptTokens() > serverLimit);
        assertTrue(server.requests().get(1).promptTokens() <= serverLimit, "the second try fits");
    }

    @Test
    void aSecondOverflowFailsNamingMaxPromptTokens() throws Exception {
        Rule alwaysTooLong = Rule.status(400, "{\"error\":{\"message\":\"prompt too long\","
                + "\"code\":\"context_length_exceeded\"}}").always();
        PromptFitter fitter = fitter(100_000, alwaysTooLong);

        ModelException error = assertThrows(ModelException.class,
                () -> fitter.chat(conversation(context(10, 300), 1)));

        assertEquals(ModelException.Kind.CONTEXT_OVERFLOW, error.kind());
        assertTrue(error.getMessage().contains("set maxPromptTokens (now 100,000) below the model's context window"),
                error.getMessage());
        assertEquals(2, server.requestCount(), "one retry, not more");
    }

    @Test
    void aServerThatCountedFarFewerPromptTokensIsWarnedAboutOnce() throws Exception {
        ChatRequest request = conversation(context(14, 600), 0);
        int sentTokens = COUNTER.count(request.messages());
        PromptFitter fitter = fitter(100_000, Rule.reply("ok").reportingPromptTokens(2_048).always());

        fitter.chat(request);
        fitter.chat(request);

        assertTrue(sentTokens >= 10_000, "the request has " + sentTokens + " tokens");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("counted 2,048 prompt tokens"), warnings.get(0));
        assertTrue(warnings.get(0).contains("num_ctx") && warnings.get(0).contains("OLLAMA_CONTEXT_LENGTH"));
        assertEquals(Set.of("money"), fitter.truncatedTasks());
    }

    @Test
    void aLaterRequestReportingOnlyItsUncachedTokensRaisesNoWarning() throws Exception {
        PromptFitter fitter = fitter(100_000, Rule.reply("ok").reportingPromptTokens(300).always());

        fitter.chat(conversation(context(14, 600), 1));

        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void aServerThatCountedAboutWhatWasSentRaisesNoWarning() throws Exception {
        PromptFitter fitter = fitter(100_000, Rule.reply("ok").always());

        fitter.chat(conversation(context(14, 600), 0));

        assertTrue(warnings.isEmpty(), warnings.toString());
    }
}

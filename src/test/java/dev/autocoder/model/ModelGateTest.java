package dev.autocoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelGateTest {

    private static final ChatRequest REQUEST = new ChatRequest("generate money-utils",
            List.of(ChatMessage.user("Write Money.java")));

    private static ModelGate gate(FakeOpenAiServer server, long maxCalls, long maxTokens) {
        return new ModelGate(new OpenAiChatPort(OpenAiChatPortTest.settings(server), notice -> { }), 2, maxCalls,
                maxTokens);
    }

    @Test
    void callBudgetStopsTheCallAfterTheLastAllowedOne() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("ok").always())) {
            ModelGate gate = gate(server, 2, 0);
            gate.chat(REQUEST);
            gate.chat(REQUEST);

            ModelException failure = assertThrows(ModelException.class, () -> gate.chat(REQUEST));

            assertEquals(ModelException.Kind.BUDGET_EXHAUSTED, failure.kind());
            assertTrue(failure.getMessage().contains("budget of 2 model calls"), failure.getMessage());
            assertTrue(failure.getMessage().contains("spent 2 calls, 200 tokens"), failure.getMessage());
            assertEquals(2, server.requestCount());
            assertEquals(2, gate.spentCalls());
        }
    }

    @Test
    void tokenBudgetStopsTheCallOnceSpent() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("ok").always())) {
            ModelGate gate = gate(server, 0, 150);
            gate.chat(REQUEST);
            gate.chat(REQUEST);

            ModelException failure = assertThrows(ModelException.class, () -> gate.chat(REQUEST));

            assertEquals(ModelException.Kind.BUDGET_EXHAUSTED, failure.kind());
            assertTrue(failure.getMessage().contains("token budget of 150"), failure.getMessage());
            assertEquals(200, gate.spentTokens());
            assertEquals(2, server.requestCount());
        }
    }

    @Test
    void gatesShareTheFirstConcurrencyLimit() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            gate(server, 0, 0);
            int first = ModelGate.concurrencyLimit();

            new ModelGate(request -> new ChatReply("x", null, null), first + 5, 0, 0);

            assertEquals(first, ModelGate.concurrencyLimit());
        }
    }
}

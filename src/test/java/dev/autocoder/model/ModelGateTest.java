package dev.autocoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelGateTest {

    private static final ChatRequest REQUEST = new ChatRequest("generate", "money-utils",
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
    void requestsBeyondTheConcurrencyLimitWaitForAFreeSlot() throws Exception {
        new ModelGate(request -> null, 2, 0, 0);
        int limit = ModelGate.concurrencyLimit();
        AtomicInteger inside = new AtomicInteger();
        CountDownLatch allowedIn = new CountDownLatch(limit);
        CountDownLatch release = new CountDownLatch(1);
        ModelGate gate = new ModelGate(request -> {
            inside.incrementAndGet();
            allowedIn.countDown();
            await(release);
            inside.decrementAndGet();
            return new ChatReply("ok", null, null);
        }, limit, 0, 0);
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i <= limit; i++) {
            Thread caller = new Thread(() -> gate.chat(REQUEST));
            callers.add(caller);
            caller.start();
        }

        allowedIn.await();
        Thread waiting = awaitOneParkedOutside(callers, inside, limit);

        assertEquals(limit, inside.get());
        assertEquals(Thread.State.WAITING, waiting.getState());
        release.countDown();
        for (Thread caller : callers) {
            caller.join();
        }
        assertEquals(limit + 1, gate.spentCalls());
    }

    /** Waits until every caller is either inside the delegate or parked on the gate's semaphore. */
    private static Thread awaitOneParkedOutside(List<Thread> callers, AtomicInteger inside, int limit)
            throws InterruptedException {
        while (true) {
            long parked = callers.stream().filter(thread -> thread.getState() == Thread.State.WAITING).count();
            if (parked == limit + 1 && inside.get() == limit) {
                return callers.stream()
                        .filter(thread -> Arrays.stream(thread.getStackTrace())
                                .anyMatch(frame -> frame.getClassName().equals(Semaphore.class.getName())))
                        .findFirst()
                        .orElseThrow();
            }
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

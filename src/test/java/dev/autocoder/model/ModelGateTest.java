package dev.autocoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelGateTest {

    private static final ChatRequest REQUEST = new ChatRequest("generate", "money-utils",
            List.of(ChatMessage.user("Write Money.java")));

    private static final long DEADLINE_SECONDS = 30;

    private static ModelGate gate(FakeOpenAiServer server, long maxCalls, long maxTokens) {
        return new ModelGate(new LangChain4jChatPort(OpenAiChatPortTest.settings(server), notice -> { }), 2, maxCalls,
                maxTokens);
    }

    /** Prompt plus completion tokens of one call as the server counted them from the request and the reply. */
    private static long tokensOfEachCall(FakeOpenAiServer server, String reply) {
        return server.requests().get(0).promptTokens() + FakeOpenAiServer.tokens(reply);
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
            assertTrue(failure.getMessage().contains("spent 2 calls, " + 2 * tokensOfEachCall(server, "ok")
                    + " tokens"), failure.getMessage());
            assertEquals(2, server.requestCount());
            assertEquals(2, gate.spentCalls());
        }
    }

    @Test
    void tokenBudgetStopsTheCallOnceSpent() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("ok").always())) {
            ModelGate first = gate(server, 0, 0);
            first.chat(REQUEST);
            long perCall = tokensOfEachCall(server, "ok");
            ModelGate gate = gate(server, 0, perCall + 1);
            gate.chat(REQUEST);
            gate.chat(REQUEST);

            ModelException failure = assertThrows(ModelException.class, () -> gate.chat(REQUEST));

            assertEquals(ModelException.Kind.BUDGET_EXHAUSTED, failure.kind());
            assertTrue(failure.getMessage().contains("token budget of " + (perCall + 1)), failure.getMessage());
            assertEquals(2 * perCall, gate.spentTokens());
            assertEquals(3, server.requestCount());
        }
    }

    @Test
    void requestsBeyondTheConcurrencyLimitWaitForAFreeSlot() throws Exception {
        new ModelGate(request -> null, 2, 0, 0);
        int limit = ModelGate.concurrencyLimit();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ModelGate gate = new ModelGate(request -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
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

        // Every caller either got in or is parked on the gate; a gate that let one too many in ends
        // the wait as well, and then the assertions below fail.
        awaitSettled(callers, inside, limit);

        assertEquals(limit, inside.get(), "callers inside the model at once");
        assertEquals(1, callers.stream().filter(ModelGateTest::parkedOnTheGate).count());
        release.countDown();
        for (Thread caller : callers) {
            caller.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
            assertFalse(caller.isAlive(), "a caller never finished");
        }
        assertEquals(limit, mostInside.get());
        assertEquals(limit + 1, gate.spentCalls());
    }

    /** Waits, up to a deadline, until the callers inside plus those parked on the gate account for all. */
    private static void awaitSettled(List<Thread> callers, AtomicInteger inside, int limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (inside.get() <= limit
                && inside.get() + callers.stream().filter(ModelGateTest::parkedOnTheGate).count() < callers.size()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("callers did not settle within " + DEADLINE_SECONDS + " s: " + inside.get()
                        + " inside");
            }
            Thread.sleep(5);
        }
    }

    private static boolean parkedOnTheGate(Thread thread) {
        return thread.getState() == Thread.State.WAITING && Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(Semaphore.class.getName()));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the test never released the model");
            }
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

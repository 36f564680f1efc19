package dev.autocoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.testing.FakeOpenAiServer;
import java.util.List;
import java.util.function.Supplier;

/** The retry guarantees every provider keeps, asserted the same way for each. */
final class RetryAssertions {

    private RetryAssertions() {
    }

    /**
     * Given a server scripted with a 429 carrying {@code Retry-After: 1}, then {@code busyStatus}, then
     * {@code ok}: the call waited at least the second the server asked for, retried both and says so.
     */
    static void assertRetriedHonouringRetryAfter(FakeOpenAiServer server, Supplier<ChatReply> call,
            List<String> notices, int busyStatus) {
        long start = System.nanoTime();
        ChatReply reply = call.get();
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals("ok", reply.text());
        assertEquals(3, server.requestCount());
        assertTrue(waitedMillis >= 1000, "waited only " + waitedMillis + " ms");
        assertEquals("model call failed (HTTP 429), retrying in 1.0 s (attempt 2 of 4)", notices.get(0));
        assertTrue(notices.get(1).startsWith("model call failed (HTTP " + busyStatus + ")"), notices.get(1));
    }
}

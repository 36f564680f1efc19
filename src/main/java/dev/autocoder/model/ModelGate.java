package dev.autocoder.model;

import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ChatPort} decorator that limits how many model requests run at once across the whole
 * JVM and stops a run once its budget of calls or tokens is spent.
 *
 * <p>The concurrency limit is one static {@link Semaphore}, sized by the first gate created in the
 * JVM: modules built in parallel ({@code mvn -T 2}) run in one JVM and one plugin class realm and
 * so share it, which is what keeps them under the endpoint's rate limit together. Later gates
 * asking for another size share the first one's limit (in a long-lived JVM such as mvnd, for the
 * JVM's lifetime); {@link #concurrencyLimit()} says which it is.
 *
 * <p>Budgets belong to one gate (one run). The token budget is checked before each call, so calls
 * already running when it is reached may overshoot it by their own size. Place the gate inside a {@link JournaledChatPort} so
 * that replies answered from the journal spend neither a permit nor budget.
 */
public final class ModelGate implements ChatPort {

    private static Semaphore shared;
    private static int sharedSize;

    private final ChatPort delegate;
    private final Semaphore permits;
    private final long maxModelCalls;
    private final long maxTokens;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong tokens = new AtomicLong();

    /**
     * @param maxConcurrent requests allowed at once in this JVM (only the first gate's value counts)
     * @param maxModelCalls calls this run may make; zero or less means no limit
     * @param maxTokens input plus output tokens this run may spend; zero or less means no limit
     */
    public ModelGate(ChatPort delegate, int maxConcurrent, long maxModelCalls, long maxTokens) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
        }
        this.permits = sharedPermits(maxConcurrent);
        this.maxModelCalls = maxModelCalls;
        this.maxTokens = maxTokens;
    }

    private static synchronized Semaphore sharedPermits(int size) {
        if (shared == null) {
            shared = new Semaphore(size, true);
            sharedSize = size;
        }
        return shared;
    }

    /** The JVM-wide number of concurrent model requests, as the first gate set it. */
    public static synchronized int concurrencyLimit() {
        return sharedSize;
    }

    @Override
    public ChatReply chat(ChatRequest request) {
        reserveCall(request);
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            calls.decrementAndGet();
            Thread.currentThread().interrupt();
            throw new ModelException(ModelException.Kind.TRANSIENT,
                    "interrupted while waiting for a free model slot for '" + request.purpose() + "'", e);
        }
        try {
            ChatReply reply = delegate.chat(request);
            tokens.addAndGet(reply.usage().total());
            return reply;
        } finally {
            permits.release();
        }
    }

    private void reserveCall(ChatRequest request) {
        if (maxTokens > 0 && tokens.get() >= maxTokens) {
            throw exhausted(request, "the token budget of " + maxTokens + " is spent");
        }
        if (calls.incrementAndGet() > maxModelCalls && maxModelCalls > 0) {
            calls.decrementAndGet();
            throw exhausted(request, "the budget of " + maxModelCalls + " model calls is spent");
        }
    }

    private ModelException exhausted(ChatRequest request, String what) {
        return new ModelException(ModelException.Kind.BUDGET_EXHAUSTED, "not calling the model for '"
                + request.purpose() + "': " + what + " (spent " + calls.get() + " calls, " + tokens.get()
                + " tokens); raise <maxModelCalls>/<maxTokens> or let the next run continue from the journal");
    }

    /** Model calls started through this gate, including ones that failed. */
    public long spentCalls() {
        return calls.get();
    }

    /** Input plus output tokens of the replies that came back through this gate. */
    public long spentTokens() {
        return tokens.get();
    }
}

package dev.autocoder.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Group commit for sub-builds: candidates that arrive while the sub-builds run wait and go together
 * into the next one, so Maven starts once per round instead of once per candidate. As many builds
 * run at once as the {@link SubBuildSlots} allow; a build takes its candidates from the queue only
 * once it holds a slot, so everything that arrived while it waited for one goes into it.
 */
public final class BatchingVerifier implements Verifier, AutoCloseable {

    private record Pending(Candidate candidate, CompletableFuture<Verdict> verdict) { }

    private final Function<List<Candidate>, Map<Candidate, Verdict>> batchVerifier;
    private final int maxBatch;
    private final SubBuildSlots slots;
    private final Object lock = new Object();
    private final List<Pending> queue = new ArrayList<>();
    /** Builds started by this verifier that have not finished, at most {@code slots.size()}. */
    private int building;
    private boolean closed;
    private int rounds;
    private int carried;

    /**
     * Batches for a sub-build verifier, at most {@code maxBatch} candidates per build, with as many
     * builds at once as {@code slots} allow.
     */
    public BatchingVerifier(SubBuildVerifier subBuild, int maxBatch, SubBuildSlots slots) {
        this(subBuild::verifyBatch, maxBatch, slots);
    }

    BatchingVerifier(Function<List<Candidate>, Map<Candidate, Verdict>> batchVerifier, int maxBatch) {
        this(batchVerifier, maxBatch, new SubBuildSlots(1));
    }

    BatchingVerifier(Function<List<Candidate>, Map<Candidate, Verdict>> batchVerifier, int maxBatch,
            SubBuildSlots slots) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one candidate, got " + maxBatch);
        }
        this.batchVerifier = batchVerifier;
        this.maxBatch = maxBatch;
        this.slots = slots;
    }

    /**
     * Verifies the candidate in the next sub-build: a caller whose candidate is still queued when
     * fewer builds run than there are slots starts one with everything queued, so a caller never
     * waits for builds of candidates queued after it.
     */
    @Override
    public Verdict verify(Candidate candidate) {
        Pending mine = new Pending(candidate, new CompletableFuture<>());
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the batching verifier is closed");
            }
            queue.add(mine);
        }
        while (!mine.verdict().isDone()) {
            synchronized (lock) {
                while (!mine.verdict().isDone() && (building >= slots.size() || !queue.contains(mine))) {
                    awaitQuietly();
                }
                if (mine.verdict().isDone()) {
                    break;
                }
                building++;
            }
            try {
                slots.run(() -> {
                    List<Pending> batch;
                    synchronized (lock) {
                        batch = new ArrayList<>(queue.subList(0, Math.min(maxBatch, queue.size())));
                        queue.subList(0, batch.size()).clear();
                    }
                    if (!batch.isEmpty()) {
                        run(batch);
                    }
                    return null;
                });
            } finally {
                synchronized (lock) {
                    building--;
                    lock.notifyAll();
                }
            }
        }
        try {
            return mine.verdict().join();
        } catch (java.util.concurrent.CompletionException e) {
            // The batch's build failed as a whole: every caller gets the build's own exception.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void awaitQuietly() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sub-build", e);
        }
    }

    private void run(List<Pending> batch) {
        synchronized (lock) {
            rounds++;
            carried += batch.size();
        }
        try {
            Map<Candidate, Verdict> verdicts = batchVerifier.apply(batch.stream().map(Pending::candidate).toList());
            batch.forEach(pending -> pending.verdict().complete(verdicts.get(pending.candidate())));
        } catch (RuntimeException | Error e) {
            batch.forEach(pending -> pending.verdict().completeExceptionally(e));
        }
    }

    /**
     * How many rounds ran and how many candidates they carried, as a sentence, or empty when no
     * round ran: {@code 3 round(s) carried 5 candidate(s), 1.7 per round}.
     */
    public Optional<String> carried() {
        synchronized (lock) {
            return rounds == 0 ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                    "%d round(s) carried %d candidate(s), %.1f per round", rounds, carried, (double) carried / rounds));
        }
    }

    /** How many candidates wait for a build, for tests. */
    int queued() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** Refuses new candidates; builds already queued still finish. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
    }
}

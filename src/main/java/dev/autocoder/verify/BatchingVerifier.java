package dev.autocoder.verify;

import java.time.Duration;
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
 *
 * <p>Before a round starts it gathers: while other threads are still writing a candidate
 * ({@link CandidateWriters}), it waits for them, at most half as long as a round has taken on
 * average ({@link #FIRST_GATHER} before the first). Without it, tasks whose candidates were ready
 * a moment apart take turns, one round each, for the whole run. A task waiting for another's code
 * writes nothing and holds no round back.
 */
public final class BatchingVerifier implements Verifier, AutoCloseable {

    /** How long the first round waits at most for candidates being written, before any round took a time. */
    static final Duration FIRST_GATHER = Duration.ofSeconds(10);

    /** A queued candidate, the thread that waits for its verdict, and that verdict. */
    private record Pending(Candidate candidate, Thread caller, CompletableFuture<Verdict> verdict) { }

    private final Function<List<Candidate>, Map<Candidate, Verdict>> batchVerifier;
    private final int maxBatch;
    private final SubBuildSlots slots;
    private final CandidateWriters writers;
    private final Duration firstGather;
    private final Object lock = new Object();
    private final List<Pending> queue = new ArrayList<>();
    /** Builds started by this verifier that have not finished, at most {@code slots.size()}. */
    private int building;
    private boolean closed;
    private int rounds;
    private int carried;
    private long roundNanos;
    private int timedRounds;
    private long gatheredNanos;

    /**
     * Batches for a sub-build verifier, at most {@code maxBatch} candidates per build, with as many
     * builds at once as {@code slots} allow.
     */
    public BatchingVerifier(SubBuildVerifier subBuild, int maxBatch, SubBuildSlots slots, CandidateWriters writers) {
        this(subBuild::verifyBatch, maxBatch, slots, writers, FIRST_GATHER);
    }

    /**
     * Batches for any batch verifier; {@code firstGather} bounds how long a round waits for the
     * candidates being written before any round has ended.
     */
    BatchingVerifier(Function<List<Candidate>, Map<Candidate, Verdict>> batchVerifier, int maxBatch,
            SubBuildSlots slots, CandidateWriters writers, Duration firstGather) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one candidate, got " + maxBatch);
        }
        this.batchVerifier = batchVerifier;
        this.maxBatch = maxBatch;
        this.slots = slots;
        this.writers = writers;
        this.firstGather = firstGather;
        writers.onChange(() -> {
            synchronized (lock) {
                lock.notifyAll();
            }
        });
    }

    /**
     * Verifies the candidate in the next sub-build: a caller whose candidate is still queued when
     * fewer builds run than there are slots starts one with everything queued, so a caller never
     * waits for builds of candidates queued after it.
     */
    @Override
    public Verdict verify(Candidate candidate) {
        Pending mine = new Pending(candidate, Thread.currentThread(), new CompletableFuture<>());
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the batching verifier is closed");
            }
            queue.add(mine);
            // Written and queued in one step, so a round that gathers sees it as one or the other.
            writers.idle();
            lock.notifyAll();
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
                gather();
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

    /**
     * Waits, holding the lock's monitor only between waits, while others still write candidates and
     * the batch has room, at most {@link #gatherLimitNanos()}.
     */
    private void gather() {
        long start = System.nanoTime();
        long deadline = start + gatherLimitNanos();
        while (queue.size() < maxBatch && writers.count() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                lock.wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while gathering candidates for a sub-build", e);
            }
        }
        gatheredNanos += System.nanoTime() - start;
    }

    /** Half a round's average time so far, or {@link #FIRST_GATHER} before any round finished. */
    private long gatherLimitNanos() {
        return timedRounds == 0 ? firstGather.toNanos() : roundNanos / timedRounds / 2;
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
        long start = System.nanoTime();
        try {
            Map<Candidate, Verdict> verdicts = batchVerifier.apply(batch.stream().map(Pending::candidate).toList());
            synchronized (lock) {
                roundNanos += System.nanoTime() - start;
                timedRounds++;
            }
            // A failed candidate's caller goes on to write its next one at once (it stops writing when
            // it waits or its conversation ends), so the candidates of a round's failed tasks share the
            // next round. It counts as writing before any caller sees a verdict: a caller that starts
            // the next round at once would otherwise find the others not yet awake, and run alone.
            for (Pending pending : batch) {
                Verdict verdict = verdicts.get(pending.candidate());
                if (verdict != null && !verdict.passed()) {
                    writers.writing(pending.caller());
                }
            }
            batch.forEach(pending -> pending.verdict().complete(verdicts.get(pending.candidate())));
        } catch (RuntimeException | Error e) {
            batch.forEach(pending -> pending.verdict().completeExceptionally(e));
        }
    }

    /**
     * How many rounds ran and how many candidates they carried, as a sentence, or empty when no
     * round ran: {@code 3 round(s) carried 5 candidate(s), 1.7 per round}, followed by
     * {@code , after 2.1 s of waiting for candidates being written} when rounds gathered.
     */
    public Optional<String> carried() {
        synchronized (lock) {
            if (rounds == 0) {
                return Optional.empty();
            }
            String waited = gatheredNanos < 50_000_000L ? "" : String.format(Locale.ROOT,
                    ", after %.1f s of waiting for candidates being written", gatheredNanos / 1e9);
            return Optional.of(String.format(Locale.ROOT, "%d round(s) carried %d candidate(s), %.1f per round%s",
                    rounds, carried, (double) carried / rounds, waited));
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

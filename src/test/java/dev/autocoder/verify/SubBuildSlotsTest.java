package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SubBuildSlotsTest {

    private static final long GIB = 1L << 30;

    @Test
    void oneSubBuildPerTwoProcessorsAsFarAsMemoryAllows() {
        assertEquals(1, SubBuildSlots.derived(2, 8 * GIB), "a 2-core laptop");
        assertEquals(4, SubBuildSlots.derived(8, 32 * GIB), "8 cores with room for more");
        assertEquals(2, SubBuildSlots.derived(16, 4 * GIB), "16 cores, memory for two");
        assertEquals(1, SubBuildSlots.derived(1, GIB), "never none");
    }

    @Test
    void aSizeBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SubBuildSlots(0));
    }

    /** A build that holds its thread until {@code release} opens, counting how many run at once. */
    private static final class Builds implements Function<List<Candidate>, Map<Candidate, Verdict>> {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        final List<List<Candidate>> batches = java.util.Collections.synchronizedList(new ArrayList<>());

        /** Waits until {@code count} builds have started. */
        void awaitStarts(int count) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (batches.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + batches.size() + " of " + count + " builds started");
                }
                Thread.onSpinWait();
            }
        }

        @Override
        public Map<Candidate, Verdict> apply(List<Candidate> batch) {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            batches.add(batch);
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS), "the test never let the builds finish");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
            Map<Candidate, Verdict> verdicts = new LinkedHashMap<>();
            batch.forEach(c -> verdicts.put(c, Verdict.failed(Feedback.Stage.TEST, c.taskName())));
            return verdicts;
        }
    }

    private static Candidate numbered(int n) {
        return TestProject.candidate("task" + n,
                TestProject.unit("com.example.T" + n, "package com.example;\nclass T" + n + " { }\n", false));
    }

    @Test
    void twoSlotsRunTwoBuildsAtOnceAndTheThirdCandidateWaitsForOne() throws Exception {
        Builds builds = new Builds();
        BatchingVerifier verifier = new BatchingVerifier(builds, 10, new SubBuildSlots(2), new CandidateWriters(),
                BatchingVerifier.FIRST_GATHER);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<Verdict> first = threads.submit(() -> verifier.verify(numbered(0)));
            builds.awaitStarts(1);
            Future<Verdict> second = threads.submit(() -> verifier.verify(numbered(1)));
            builds.awaitStarts(2);
            Future<Verdict> third = threads.submit(() -> verifier.verify(numbered(2)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (verifier.queued() < 1 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(1, verifier.queued(), "the third candidate waits while both slots are busy");
            builds.release.countDown();

            assertEquals("task0", first.get(30, TimeUnit.SECONDS).firstFailure().orElseThrow().message());
            assertEquals("task1", second.get(30, TimeUnit.SECONDS).firstFailure().orElseThrow().message());
            assertEquals("task2", third.get(30, TimeUnit.SECONDS).firstFailure().orElseThrow().message());
            assertEquals(2, builds.most.get(), "never more builds at once than slots");
            assertEquals(3, builds.batches.size(), builds.batches.toString());
            assertEquals("3 round(s) carried 3 candidate(s), 1.0 per round", verifier.carried().orElseThrow());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void verifiersOfTwoModulesShareTheJvmsSlots() throws Exception {
        Builds builds = new Builds();
        SubBuildSlots slots = new SubBuildSlots(1);
        BatchingVerifier moduleA = new BatchingVerifier(builds, 10, slots, new CandidateWriters(),
                BatchingVerifier.FIRST_GATHER);
        BatchingVerifier moduleB = new BatchingVerifier(builds, 10, slots, new CandidateWriters(),
                BatchingVerifier.FIRST_GATHER);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Verdict> a = threads.submit(() -> moduleA.verify(numbered(0)));
            builds.awaitStarts(1);
            Future<Verdict> b = threads.submit(() -> moduleB.verify(numbered(1)));
            Thread.sleep(300);
            assertEquals(1, builds.batches.size(), "module B's build started while module A's held the only slot");
            builds.release.countDown();

            assertEquals("task0", a.get(30, TimeUnit.SECONDS).firstFailure().orElseThrow().message());
            assertEquals("task1", b.get(30, TimeUnit.SECONDS).firstFailure().orElseThrow().message());
            assertEquals(1, builds.most.get(), "two modules' builds ran at once on one slot");
        } finally {
            threads.shutdownNow();
        }
    }
}

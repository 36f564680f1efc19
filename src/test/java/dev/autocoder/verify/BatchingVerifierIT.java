package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.MONEY;
import static dev.autocoder.verify.TestProject.MONEY_TEST;
import static dev.autocoder.verify.TestProject.candidate;
import static dev.autocoder.verify.TestProject.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.project.ProjectLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchingVerifierIT {

    @TempDir
    Path dir;

    private static Candidate numbered(int n) {
        return candidate("task" + n, unit("com.example.T" + n, "package com.example;\nclass T" + n + " { }\n", false));
    }

    @Test
    void candidatesArrivingDuringABuildGoTogetherIntoTheNextOne() throws Exception {
        List<List<Candidate>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch firstBuildRunning = new CountDownLatch(1);
        BatchingVerifier[] holder = new BatchingVerifier[1];
        holder[0] = new BatchingVerifier(batch -> {
            if (batches.isEmpty()) {
                firstBuildRunning.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (holder[0].queued() < 3) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("the other three candidates never queued behind the first build");
                    }
                    Thread.onSpinWait();
                }
            }
            batches.add(batch);
            Map<Candidate, Verdict> verdicts = new LinkedHashMap<>();
            batch.forEach(c -> verdicts.put(c, Verdict.failed(Feedback.Stage.TEST, c.taskName())));
            return verdicts;
        }, 10, new SubBuildSlots(1), new CandidateWriters(), BatchingVerifier.FIRST_GATHER);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Future<Verdict> first = threads.submit(() -> holder[0].verify(numbered(0)));
            assertTrue(firstBuildRunning.await(30, TimeUnit.SECONDS), "the first build never started");
            List<Future<Verdict>> later = List.of(threads.submit(() -> holder[0].verify(numbered(1))),
                    threads.submit(() -> holder[0].verify(numbered(2))), threads.submit(() -> holder[0].verify(numbered(3))));

            assertEquals("task0", first.get(30, TimeUnit.SECONDS).firstFailure().orElseThrow().message());
            for (int i = 0; i < later.size(); i++) {
                assertEquals("task" + (i + 1), later.get(i).get(30, TimeUnit.SECONDS).firstFailure().orElseThrow().message());
            }
            assertEquals(2, batches.size(), batches.toString());
            assertEquals(3, batches.get(1).size());
            assertEquals("2 round(s) carried 4 candidate(s), 2.0 per round", holder[0].carried().orElseThrow());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void concurrentCallersEachGetTheirOwnVerdictFromRealSubBuilds() throws Exception {
        ProjectLayout layout = new TestProject(dir.resolve("project")).test("com/example/MoneyTest.java", MONEY_TEST).layout();
        SubBuildVerifier subBuild = new SubBuildVerifier(layout, owner -> List.of(), new InProcessCompiler(layout, owner -> List.of()),
                SubBuildVerifierIT.settings(Duration.ofMinutes(3)), dir.resolve("subbuild"), null, false);
        Candidate good = candidate("money", unit("com.example.Money", MONEY, false));
        Candidate wrong = candidate("money-wrong", unit("com.example.Money", MONEY.replace("cents + other.cents", "cents"), false));
        Candidate other = candidate("label", unit("com.example.Label", "package com.example;\npublic record Label(String text) { }\n", false));
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (BatchingVerifier batching = new BatchingVerifier(subBuild, 8, new SubBuildSlots(1), new CandidateWriters())) {
            Future<Verdict> goodVerdict = threads.submit(() -> batching.verify(good));
            Future<Verdict> wrongVerdict = threads.submit(() -> batching.verify(wrong));
            Future<Verdict> otherVerdict = threads.submit(() -> batching.verify(other));

            assertTrue(goodVerdict.get(5, TimeUnit.MINUTES).passed(), goodVerdict.get().toString());
            assertFalse(wrongVerdict.get(5, TimeUnit.MINUTES).passed());
            assertTrue(wrongVerdict.get().firstFailure().orElseThrow().message().startsWith("MoneyTest.adds: expected: <Money[cents=3]>"),
                    wrongVerdict.get().toString());
            assertTrue(otherVerdict.get(5, TimeUnit.MINUTES).passed(), otherVerdict.get().toString());
        } finally {
            threads.shutdownNow();
        }
    }
}

package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.engine.Clarifier;
import dev.autocoder.engine.Engine;
import dev.autocoder.engine.EngineListener;
import dev.autocoder.engine.PromptFitter;
import dev.autocoder.engine.Task;
import dev.autocoder.model.ApiKey;
import dev.autocoder.model.LangChain4jChatPort;
import dev.autocoder.model.ModelSettings;
import dev.autocoder.model.TokenCounter;
import dev.autocoder.project.ProjectLayout;
import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import dev.autocoder.testing.InMemoryWorkspace;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A round about to start waits a little for candidates other threads are still writing, so that
 * tasks whose candidates are ready a moment apart share one round instead of taking turns.
 */
class RoundGatheringTest {

    /** Records every batch and passes every candidate. */
    private static final class Builds implements Function<List<Candidate>, Map<Candidate, Verdict>> {
        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Map<Candidate, Verdict> apply(List<Candidate> batch) {
            batches.add(batch.stream().map(Candidate::taskName).sorted().toList());
            Map<Candidate, Verdict> verdicts = new LinkedHashMap<>();
            batch.forEach(candidate -> verdicts.put(candidate, Verdict.PASSED));
            return verdicts;
        }
    }

    private static Candidate of(String task) {
        return TestProject.candidate(task, TestProject.unit("com.example." + task.toUpperCase(java.util.Locale.ROOT),
                "package com.example;\nclass " + task.toUpperCase(java.util.Locale.ROOT) + " { }\n", false));
    }

    @Test
    void aRoundWaitsForACandidateStillBeingWrittenAndCarriesBoth() throws Exception {
        Builds builds = new Builds();
        CandidateWriters writers = new CandidateWriters();
        BatchingVerifier verifier = new BatchingVerifier(builds, 10, new SubBuildSlots(1), writers,
                Duration.ofSeconds(30));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch bWrites = new CountDownLatch(1);
        try {
            Future<Verdict> b = threads.submit(() -> {
                writers.writing();
                bWrites.countDown();
                Thread.sleep(400);
                // Queuing the candidate ends its writing, in one step.
                return verifier.verify(of("b"));
            });
            assertTrue(bWrites.await(10, TimeUnit.SECONDS));
            Future<Verdict> a = threads.submit(() -> verifier.verify(of("a")));

            assertTrue(a.get(20, TimeUnit.SECONDS).passed());
            assertTrue(b.get(20, TimeUnit.SECONDS).passed());
            assertEquals(List.of(List.of("a", "b")), builds.batches, "one round, both candidates");
            assertTrue(verifier.carried().orElseThrow().startsWith("1 round(s) carried 2 candidate(s), 2.0 per round,"
                    + " after 0."), verifier.carried().orElseThrow());
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Two candidates fail their shared round. One task writes its next candidate at once, the other
     * first builds its next prompt (300 ms here, before it asks the model): a task whose candidate
     * failed counts as writing from its verdict on, so the next round waits for it and carries both
     * again, instead of the two taking turns, one round each, for the rest of the run.
     */
    @Test
    void theTasksOfAFailedRoundShareTheNextRoundThoughOneStartsWritingLater() throws Exception {
        List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        Function<List<Candidate>, Map<Candidate, Verdict>> failFirst = batch -> {
            batches.add(batch.stream().map(Candidate::taskName).sorted().toList());
            if (batches.size() == 1) {
                // A round of 2 s: the next one gathers for at most half of that.
                sleepQuietly(2_000);
            }
            Map<Candidate, Verdict> verdicts = new LinkedHashMap<>();
            batch.forEach(candidate -> verdicts.put(candidate, candidate.attempt() == 1
                    ? Verdict.failed(Feedback.Stage.TEST, "ShopTest fails") : Verdict.PASSED));
            return verdicts;
        };
        CandidateWriters writers = new CandidateWriters();
        BatchingVerifier verifier = new BatchingVerifier(failFirst, 10, new SubBuildSlots(1), writers,
                Duration.ofSeconds(30));
        List<Boolean> passed = tasksAAndB(writers, task -> {
            Verdict first = verifier.verify(attempt(task, 1));
            if (task.equals("b")) {
                Thread.sleep(300);
            }
            writers.writing();
            return !first.passed() && verifier.verify(attempt(task, 2)).passed();
        });

        assertEquals(List.of(true, true), passed, "both failed first and passed then");
        assertEquals(List.of(List.of("a", "b"), List.of("a", "b")), batches, "two rounds, both candidates each");
    }

    /**
     * The callers of a round's failed candidates count as writing from the moment the round ends,
     * not from when each of them wakes up: the first caller back starts the next round at once, and
     * must find the other still writing, not asleep, or it runs alone.
     */
    @Test
    void everyFailedCandidatesCallerCountsAsWritingBeforeAnyCallerHasItsVerdict() throws Exception {
        Function<List<Candidate>, Map<Candidate, Verdict>> failAll = batch -> {
            Map<Candidate, Verdict> verdicts = new LinkedHashMap<>();
            batch.forEach(candidate -> verdicts.put(candidate, Verdict.failed(Feedback.Stage.TEST, "ShopTest fails")));
            return verdicts;
        };
        CandidateWriters writers = new CandidateWriters();
        BatchingVerifier verifier = new BatchingVerifier(failAll, 10, new SubBuildSlots(1), writers,
                Duration.ofSeconds(30));
        List<Integer> writingWhenBack = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> passed = tasksAAndB(writers, task -> {
            Verdict verdict = verifier.verify(of(task));
            writingWhenBack.add(writers.count());
            return verdict.passed();
        });

        assertEquals(List.of(false, false), passed);
        assertEquals(List.of(2, 2), writingWhenBack, "each caller found both writing as it got its verdict");
    }

    /** What one task's thread does once it and the other are writing; true for a passing end. */
    private interface TaskBody {
        boolean run(String task) throws Exception;
    }

    /** Runs tasks {@code a} and {@code b} on two threads, both writing before either goes on. */
    private static List<Boolean> tasksAAndB(CandidateWriters writers, TaskBody body) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch bothWrite = new CountDownLatch(2);
        try {
            List<Future<Boolean>> tasks = new ArrayList<>();
            for (String task : List.of("a", "b")) {
                tasks.add(threads.submit(() -> {
                    writers.writing();
                    bothWrite.countDown();
                    bothWrite.await(10, TimeUnit.SECONDS);
                    return body.run(task);
                }));
            }
            List<Boolean> passed = new ArrayList<>();
            for (Future<Boolean> task : tasks) {
                passed.add(task.get(30, TimeUnit.SECONDS));
            }
            return passed;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Candidate attempt(String task, int attempt) {
        Candidate first = of(task);
        return new Candidate(task, attempt, first.units());
    }

    @Test
    void aWriterThatNeverDeliversHoldsTheRoundBackNoLongerThanTheLimit() throws Exception {
        Builds builds = new Builds();
        CandidateWriters writers = new CandidateWriters();
        BatchingVerifier verifier = new BatchingVerifier(builds, 10, new SubBuildSlots(1), writers,
                Duration.ofMillis(300));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        try {
            // A writer that stays writing, as a model request that takes minutes would.
            threads.submit(() -> {
                writers.writing();
                writing.countDown();
                return release.await(30, TimeUnit.SECONDS);
            });
            assertTrue(writing.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            assertTrue(verifier.verify(of("a")).passed());
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;

            assertTrue(waitedMillis >= 250, "the round gathered first, " + waitedMillis + " ms");
            assertTrue(waitedMillis < 10_000, "the round waited past its limit, " + waitedMillis + " ms");
            assertEquals(List.of(List.of("a")), builds.batches);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void nobodyWritingMeansNoWait() {
        Builds builds = new Builds();
        BatchingVerifier verifier = new BatchingVerifier(builds, 10, new SubBuildSlots(1), new CandidateWriters(),
                Duration.ofSeconds(30));
        long start = System.nanoTime();

        assertTrue(verifier.verify(of("a")).passed());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000, "a lone candidate waited for nobody");
        assertEquals("1 round(s) carried 1 candidate(s), 1.0 per round", verifier.carried().orElseThrow());
    }

    @TempDir
    Path project;

    /**
     * The engine says who writes: two tasks whose replies come 600 ms apart share the first round,
     * where without gathering the first reply's round would start alone.
     */
    @Test
    void theEngineTellsWhoWritesSoTasksReadyAMomentApartShareTheirRound() throws Exception {
        Builds builds = new Builds();
        CandidateWriters writers = new CandidateWriters();
        Engine.Result result = runEngine(builds, writers, new CandidateBoard(), List.of(new Task("quick",
                "Write app.Quick."), new Task("slow", "Write app.Slow.")),
                Rule.reply("```java\npackage app;\n\npublic final class Slow {\n}\n```\n").whenContains("Task `slow`")
                        .delayMillis(600),
                Rule.reply("```java\npackage app;\n\npublic final class Quick {\n}\n```\n")
                        .whenContains("Task `quick`"));

        assertTrue(result.allVerified(), result.toString());
        assertEquals(List.of(List.of("quick", "slow")), builds.batches, "the quick task's round waited for slow");
        assertEquals(0, writers.count(), "nobody writes once the run is over");
    }

    /**
     * A task that waits for another's next candidate (its test failed on the other's wrong code)
     * counts as writing from the moment that candidate reaches the board, not from when its own
     * thread wakes: the round that candidate starts gathers it, instead of running alone and
     * leaving it a round of its own, as happened on the Spring bench.
     */
    @Test
    void aTaskWokenByAnothersNextCandidateSharesTheRoundThatCandidateStarts() throws Exception {
        CandidateBoard board = new CandidateBoard();
        List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        Function<List<Candidate>, Map<Candidate, Verdict>> shopTest = batch -> {
            batches.add(batch.stream().map(Candidate::taskName).sorted().toList());
            // A round of 400 ms: the next one gathers for at most half of that, as after real rounds.
            sleepQuietly(400);
            Map<Candidate, Verdict> verdicts = new LinkedHashMap<>();
            for (Candidate candidate : batch) {
                boolean wrongA = (candidate.taskName().equals("a") ? candidate.units() : board.others("b")).stream()
                        .anyMatch(unit -> unit.source().contains("return 2;"));
                verdicts.put(candidate, !wrongA ? Verdict.PASSED : candidate.taskName().equals("a")
                        ? Verdict.failed(Feedback.Stage.TEST, "ShopTest.total: expected: <2> but was: <3>")
                        : new Verdict(List.of(Feedback.blocking(Feedback.Stage.WAITING,
                                Feedback.ANOTHER_IS_SENT_IT_FIRST + "ShopTest.total: expected: <2> but was: <3>"))));
            }
            return verdicts;
        };
        CandidateWriters writers = new CandidateWriters();

        Engine.Result result = runEngine(shopTest, writers, board, List.of(new Task("a", "Write app.A."),
                new Task("b", "Write app.B.")),
                Rule.reply(javaClass("B", "static int two() { return A.one() + 1; }")).whenContains("Task `b`").always(),
                Rule.reply(javaClass("A", "static int one() { return 1; }")).whenContains("Verification failed").always(),
                Rule.reply(javaClass("A", "static int one() { return 2; }")).whenContains("Task `a`").always());

        assertTrue(result.allVerified(), result.toString());
        assertEquals(List.of(List.of("a", "b"), List.of("a", "b")), batches,
                "b, woken by a's fix, shared the round the fix started");
    }

    private static String javaClass(String name, String body) {
        return "```java\npackage app;\n\npublic final class " + name + " {\n    " + body + "\n}\n```\n";
    }

    /** Runs the engine on two threads with a real in-process compile and these batches as sub-builds. */
    private Engine.Result runEngine(Function<List<Candidate>, Map<Candidate, Verdict>> builds, CandidateWriters writers,
            CandidateBoard board, List<Task> tasks, Rule... replies) throws Exception {
        String pass = "{\"complete\": true, \"feedback\": \"\"}";
        List<Rule> rules = new ArrayList<>(List.of(Rule.reply(pass).whenContains("You review Java code").always()));
        rules.addAll(List.of(replies));
        try (FakeOpenAiServer server = FakeOpenAiServer.start(rules.toArray(Rule[]::new))) {
            Files.createDirectories(project.resolve("src/main/java"));
            ProjectLayout layout = new ProjectLayout(project, "17", List.of(project.resolve("src/main/java")),
                    List.of(), List.of(), Map.of(), Optional.empty(), ProjectLayout.CompilerSetup.PLAIN,
                    dev.autocoder.testing.TestBuilds.plain(project, List.of()));
            LangChain4jChatPort model = new LangChain4jChatPort(ModelSettings.of("test-model", ApiKey.of("sk-test"))
                    .withBaseUrl(URI.create(server.baseUrl()))
                    .withRetries(0, Duration.ofMillis(10), Duration.ofMillis(10)), notice -> { });
            BatchingVerifier batching = new BatchingVerifier(builds, 10, new SubBuildSlots(1), writers,
                    Duration.ofSeconds(20));
            Engine engine = new Engine(new PromptFitter(model, TokenCounter.forModel("test-model"), 100_000,
                    message -> { }, message -> { }), Engine.stages(new StaticChecks(),
                    new InProcessCompiler(layout, board::others)), batching, board, new Clarifier(Optional.empty()),
                    new EngineListener() { }, new Engine.Settings(3, 10, 1, 2), writers);
            return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> engine.run(tasks, new InMemoryWorkspace()));
        }
    }
}

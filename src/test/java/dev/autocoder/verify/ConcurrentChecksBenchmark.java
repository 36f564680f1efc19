package dev.autocoder.verify;

import dev.autocoder.project.ProjectLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Times the in-process checks of several tasks' candidates that arrive together, as a run's tasks
 * check them: each on a thread of its own, at once, against the same checks one after another,
 * which is what a compile holding the compiler's cache lock made of them. Alternating pairs on one
 * warm compiler, each check of a candidate no earlier check had (a comment differs), so no cached
 * outcome is reused. Called by the Spring Boot benchmark ({@code bench/spring.sh}).
 */
public final class ConcurrentChecksBenchmark {

    /** Seconds until every check of a pair's arm ended, per arm, and whether both arms gave the same verdicts. */
    public record Result(List<Double> together, List<Double> inTurn, boolean sameVerdicts) {
    }

    private ConcurrentChecksBenchmark() {
    }

    /** {@code pairs} rounds of checks each way, after one untimed round each way. */
    public static Result run(ProjectLayout layout, Function<String, List<CodeUnit>> others, List<Candidate> candidates,
            int pairs) throws InterruptedException, ExecutionException {
        List<Double> together = new ArrayList<>();
        List<Double> inTurn = new ArrayList<>();
        boolean same = true;
        ExecutorService threads = Executors.newFixedThreadPool(candidates.size());
        try (InProcessCompiler compiler = new InProcessCompiler(layout, others)) {
            compiler.warmUp();
            int variant = 0;
            for (int i = -1; i < pairs; i++) {
                List<Future<Verdict>> running = new ArrayList<>();
                long start = System.nanoTime();
                for (Candidate candidate : candidates) {
                    Candidate next = ClasspathBenchmark.variant(candidate, variant++);
                    running.add(threads.submit(() -> compiler.check(next).verdict()));
                }
                List<Boolean> atOnce = new ArrayList<>();
                for (Future<Verdict> verdict : running) {
                    atOnce.add(verdict.get().passed());
                }
                double togetherSeconds = (System.nanoTime() - start) / 1e9;
                List<Boolean> oneByOne = new ArrayList<>();
                start = System.nanoTime();
                for (Candidate candidate : candidates) {
                    oneByOne.add(compiler.check(ClasspathBenchmark.variant(candidate, variant++)).verdict().passed());
                }
                double inTurnSeconds = (System.nanoTime() - start) / 1e9;
                same &= atOnce.equals(oneByOne);
                if (i >= 0) {
                    together.add(togetherSeconds);
                    inTurn.add(inTurnSeconds);
                }
            }
        } finally {
            threads.shutdownNow();
        }
        return new Result(together, inTurn, same);
    }
}

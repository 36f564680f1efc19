package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.candidate;
import static dev.autocoder.verify.TestProject.unit;

import dev.autocoder.project.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times one round of candidates verified in one batched sub-build against the same candidates
 * verified one sub-build each. Run by {@code bench/subbuild.sh}; not a test, so surefire skips it.
 */
public final class SubBuildBenchmark {

    private SubBuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("autocoder-bench-");
        ProjectLayout layout = new TestProject(dir.resolve("project"))
                .test("com/example/MoneyTest.java", TestProject.MONEY_TEST).layout();
        SubBuildVerifier verifier = new SubBuildVerifier(layout, List::of, new InProcessCompiler(layout, List::of),
                SubBuildVerifierTest.settings(Duration.ofMinutes(10)), dir.resolve("subbuild"), null);
        List<Candidate> round = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            round.add(candidate("task" + i, unit("com.example.Money", TestProject.MONEY, false),
                    unit("com.example.part" + i + ".Part" + i, """
                            package com.example.part%1$d;

                            public final class Part%1$d {
                                public int times(int factor) {
                                    return %1$d * factor;
                                }
                            }
                            """.formatted(i), false),
                    unit("com.example.part" + i + ".Part" + i + "Test", """
                            package com.example.part%1$d;

                            import static org.junit.jupiter.api.Assertions.assertEquals;
                            import org.junit.jupiter.api.Test;

                            class Part%1$dTest {
                                @Test
                                void multiplies() {
                                    assertEquals(%1$d * 3, new Part%1$d().times(3));
                                }
                            }
                            """.formatted(i), true)));
        }
        verifier.verify(round.get(0));

        long batchStart = System.nanoTime();
        Map<Candidate, Verdict> batched = verifier.verifyBatch(round);
        double batchSeconds = (System.nanoTime() - batchStart) / 1e9;
        long naiveStart = System.nanoTime();
        int naivePassed = 0;
        for (Candidate candidate : round) {
            naivePassed += verifier.verifyBatch(List.of(candidate)).get(candidate).passed() ? 1 : 0;
        }
        double naiveSeconds = (System.nanoTime() - naiveStart) / 1e9;
        long batchPassed = batched.values().stream().filter(Verdict::passed).count();

        System.out.printf(Locale.ROOT, "candidates: %d (passed: batched %d, one by one %d)%n", count, batchPassed, naivePassed);
        System.out.printf(Locale.ROOT, "batched:    %.1f s total, %.2f s per candidate%n", batchSeconds, batchSeconds / count);
        System.out.printf(Locale.ROOT, "one by one: %.1f s total, %.2f s per candidate%n", naiveSeconds, naiveSeconds / count);
        System.out.printf(Locale.ROOT, "ratio:      %.1fx faster batched%n", naiveSeconds / batchSeconds);
    }
}

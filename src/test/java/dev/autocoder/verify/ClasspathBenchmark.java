package dev.autocoder.verify;

import dev.autocoder.project.ProjectLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Times the in-process compile of one candidate with javac's view of the classpath kept open from
 * one compile to the next ({@link Classpaths}, what a run does) against opening it for each compile,
 * in alternating pairs in one JVM, so that both see the same warm JIT and the same machine load.
 * Each compile gets a candidate no earlier compile had (a comment differs), so no cached outcome is
 * reused. Called by the Spring Boot benchmark ({@code bench/spring.sh}).
 */
public final class ClasspathBenchmark {

    /** Seconds of each compile, per arm, and whether both arms gave the same verdicts. */
    public record Result(List<Double> kept, List<Double> opened, boolean sameVerdicts) {
    }

    private ClasspathBenchmark() {
    }

    /** {@code pairs} compiles of {@code candidate} each way, after one untimed compile each way. */
    public static Result run(ProjectLayout layout, Function<String, List<CodeUnit>> others, Candidate candidate,
            int pairs) {
        List<Double> kept = new ArrayList<>();
        List<Double> opened = new ArrayList<>();
        boolean same = true;
        try (InProcessCompiler warm = new InProcessCompiler(layout, others, message -> { }, true);
                InProcessCompiler cold = new InProcessCompiler(layout, others, message -> { }, false)) {
            for (int i = -1; i < pairs; i++) {
                Candidate variant = variant(candidate, i);
                long start = System.nanoTime();
                Verdict withKept = warm.check(variant).verdict();
                double keptSeconds = (System.nanoTime() - start) / 1e9;
                Candidate other = variant(candidate, pairs + i + 1);
                start = System.nanoTime();
                Verdict withOpened = cold.check(other).verdict();
                double openedSeconds = (System.nanoTime() - start) / 1e9;
                same &= withKept.passed() == withOpened.passed();
                if (i >= 0) {
                    kept.add(keptSeconds);
                    opened.add(openedSeconds);
                }
            }
        }
        return new Result(kept, opened, same);
    }

    /** The candidate with a comment no other variant has, so that no cached outcome is reused for it. */
    static Candidate variant(Candidate candidate, int index) {
        List<CodeUnit> units = candidate.units().stream().map(unit -> new CodeUnit(unit.packageName(), unit.typeName(),
                unit.source() + "\n// benchmark compile " + index + "\n", unit.test())).toList();
        return new Candidate(candidate.taskName(), candidate.attempt(), units);
    }
}

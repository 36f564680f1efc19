package dev.autocoder.maven;

import dev.autocoder.project.ProjectLayout;
import dev.autocoder.verify.Candidate;
import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.InProcessCompiler;
import dev.autocoder.verify.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One run's start, in a JVM of its own so that javac starts cold as in a real run: the compiler is
 * made, the model takes {@code latency} milliseconds to answer, and the first candidate is
 * checked. With {@code warm} the compiler warms up while the model answers, as {@code Autocoder}
 * does; with {@code cold} it does not, as before. Prints the seconds from making the compiler to
 * the first verdict, and the verdict. Run in pairs by {@link SpringServiceBenchmark}.
 *
 * <p>Arguments: the project, the work folder holding {@code effective-pom.xml} and
 * {@code dependencies.txt} ({@link BenchSupport#layout}), the candidate's folder (its sources below
 * their package folders), the other tasks' folder, the latency in milliseconds, and
 * {@code warm} or {@code cold}. System property {@code autocoder.bench.version}.
 */
public final class CompilerWarmUpProbe {

    private CompilerWarmUpProbe() {
    }

    public static void main(String[] args) throws Exception {
        ProjectLayout layout = BenchSupport.layoutFrom(Path.of(args[0]), Path.of(args[1]),
                System.getProperty("autocoder.bench.version"));
        List<CodeUnit> candidate = BenchSupport.sources(Path.of(args[2]));
        List<CodeUnit> others = BenchSupport.sources(Path.of(args[3]));
        long latency = Long.parseLong(args[4]);
        boolean warm = args[5].equals("warm");

        long start = System.nanoTime();
        try (InProcessCompiler compiler = new InProcessCompiler(layout, task -> others)) {
            if (warm) {
                Thread warmUp = new Thread(compiler::warmUp, "warm-up");
                warmUp.setDaemon(true);
                warmUp.start();
            }
            Thread.sleep(latency);
            Verdict verdict = compiler.check(new Candidate("probe", 1, candidate)).verdict();
            System.out.printf(Locale.ROOT, "first verdict after %.3f s: %s%n", (System.nanoTime() - start) / 1e9,
                    verdict.passed() ? "passed" : "failed");
        }
    }
}

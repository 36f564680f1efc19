package dev.autocoder.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times a round of {@link TrimmingFixture}'s project (JaCoCo's agent and the enforcer bound) with
 * the round trimming and without it, in turn: trimmed, whole, trimmed, whole, ... so that both see
 * the same machine. Prints each pair, the medians and the median of the pairs' ratios. Run by
 * {@code bench/trimming.sh}; not a test, so surefire skips it.
 */
public final class RoundTrimmingBenchmark {

    private RoundTrimmingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("autocoder-trimming-");
        var layout = TrimmingFixture.layout(dir.resolve("project"));
        SubBuildVerifier trimmed = TrimmingFixture.verifier(layout, dir.resolve("trimmed"),
                RoundTrimming.forRounds(List.of()));
        SubBuildVerifier whole = TrimmingFixture.verifier(layout, dir.resolve("whole"), RoundTrimming.NONE);
        // One unmeasured round each: the first resolves plugins and warms the disk cache.
        round(trimmed);
        round(whole);
        List<Double> trimmedSeconds = new ArrayList<>();
        List<Double> wholeSeconds = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            double a = round(trimmed);
            double b = round(whole);
            trimmedSeconds.add(a);
            wholeSeconds.add(b);
            ratios.add(a / b);
            System.out.printf(Locale.ROOT, "pair %d: trimmed %.2f s, whole %.2f s, ratio %.2f%n", i + 1, a, b, a / b);
        }
        System.out.printf(Locale.ROOT, "median of %d: trimmed %.2f s, whole %.2f s, ratio trimmed/whole %.2f%n", pairs,
                median(trimmedSeconds), median(wholeSeconds), median(ratios));
        System.out.println("profiles: " + dir);
    }

    /** One round of the passing candidate, in seconds; it must pass, or the figure means nothing. */
    private static double round(SubBuildVerifier verifier) {
        long started = System.nanoTime();
        Verdict verdict = verifier.verify(TrimmingFixture.PASSING);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!verdict.passed()) {
            throw new IllegalStateException("the benchmark's round failed: " + verdict);
        }
        return seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}

package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.candidate;
import static dev.autocoder.verify.TestProject.unit;

import dev.autocoder.project.ProjectLayout;
import dev.autocoder.testing.TestBuilds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Times the sub-build verifier on two fixtures in one run. Small: one round of candidates verified
 * by {@link SubBuildVerifier#verifyBatch} against the same candidates verified the naive way, a
 * plain project per candidate with checkstyle configured, built with
 * {@code mvn -B -q checkstyle:check test} as a user would. Large ({@link LargeFixture}): one round
 * of one candidate, the final check ({@link SubBuildVerifier#verifyTogether}) and the project's
 * own {@code mvn -B -q -o test} with the candidate in place. Run by {@code bench/subbuild.sh}; not
 * a test, so surefire skips it.
 */
public final class SubBuildBenchmark {

    private static final String MONEY_TEST_PATH = "com/example/MoneyTest.java";
    /** How often the one-candidate rounds and the large fixture's steps run; the best time counts. */
    private static final int REPEATS = 2;

    private SubBuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("autocoder-bench-");
        Path maven = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn");
        try {
            double smallRound = small(dir.resolve("small"), count, maven);
            large(dir.resolve("large"), maven, smallRound);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The small fixture; returns the time of a round of one candidate, to set beside the large one's. */
    private static double small(Path dir, int count, Path maven) throws IOException, InterruptedException {
        ProjectLayout layout = new TestProject(dir.resolve("project")).test(MONEY_TEST_PATH, TestProject.MONEY_TEST).layout();
        SubBuildVerifier verifier = verifier(layout, dir, false);
        List<Candidate> round = round(count);
        // Warms up the in-process compiler and, on a fresh machine, fetches the build's plugins.
        verifier.verify(round.get(0));

        double oneSeconds = Double.MAX_VALUE;
        boolean onePassed = true;
        for (int i = 0; i < REPEATS; i++) {
            long oneStart = System.nanoTime();
            onePassed &= verifier.verify(round.get((i + 1) % count)).passed();
            oneSeconds = Math.min(oneSeconds, seconds(oneStart));
        }

        long batchStart = System.nanoTime();
        Map<Candidate, Verdict> batched = verifier.verifyBatch(round);
        double batchSeconds = seconds(batchStart);
        long batchPassed = batched.values().stream().filter(Verdict::passed).count();

        long naiveStart = System.nanoTime();
        int naivePassed = 0;
        for (int i = 0; i < count; i++) {
            naivePassed += mavenPasses(maven, plainProject(dir.resolve("naive/p" + i), round.get(i)),
                    "checkstyle:check", "test") ? 1 : 0;
        }
        double naiveSeconds = seconds(naiveStart);

        System.out.printf(Locale.ROOT, "small fixture: 1 project test class (MoneyTest), %d candidates"
                + " (passed: round of 1 %s, batched %d, naive %d)%n", count, onePassed ? "yes" : "no", batchPassed,
                naivePassed);
        System.out.printf(Locale.ROOT, "small round, 1 candidate (verifyBatch, best of %d): %.1f s%n", REPEATS,
                oneSeconds);
        System.out.printf(Locale.ROOT, "small round, %d candidates (verifyBatch): %.1f s, %.2f s per candidate%n",
                count, batchSeconds, batchSeconds / count);
        System.out.printf(Locale.ROOT, "small naive, %d builds (mvn -B -q checkstyle:check test, one plain project"
                + " each): %.1f s, %.2f s per candidate%n", count, naiveSeconds, naiveSeconds / count);
        System.out.printf(Locale.ROOT, "ratio naive/batched: %.1fx%n", naiveSeconds / batchSeconds);
        return oneSeconds;
    }

    /**
     * The large fixture: a round of its candidate, the final check, and the project's own test phase
     * from scratch in a copy of the project with the candidate's class in {@code src/main/java}; the
     * three interleaved, {@link #REPEATS} times, each at its best.
     */
    private static void large(Path dir, Path maven, double smallRound) throws IOException, InterruptedException {
        ProjectLayout layout = LargeFixture.populate(new TestProject(dir.resolve("project"))).layout();
        // Keeps the sub-build folders, so that their surefire reports tell how many tests each step ran.
        SubBuildVerifier verifier = verifier(layout, dir, true);
        Path subBuilds = dir.resolve("subbuild");
        Candidate ledger = LargeFixture.ledger();
        Path own = dir.resolve("own");
        LargeFixture.populate(new TestProject(own)).main(LargeFixture.LEDGER_PATH, LargeFixture.ledgerUnit().source());
        write(own.resolve("pom.xml"), TestBuilds.plain(own, TestProject.junit()).effectivePom());

        double roundSeconds = Double.MAX_VALUE;
        double finalSeconds = Double.MAX_VALUE;
        double ownSeconds = Double.MAX_VALUE;
        Verdict round = null;
        Verdict together = null;
        boolean ownPassed = true;
        int roundTests = 0;
        int finalTests = 0;
        for (int i = 0; i < REPEATS; i++) {
            int before = testsRun(subBuilds);
            long start = System.nanoTime();
            round = worse(round, verifier.verifyBatch(List.of(ledger)).get(ledger));
            roundSeconds = Math.min(roundSeconds, seconds(start));
            int afterRound = testsRun(subBuilds);
            roundTests = afterRound - before;

            start = System.nanoTime();
            together = worse(together, verdictOf(verifier.verifyTogether(Map.of("ledger", List.of(LargeFixture.ledgerUnit())), true)));
            finalSeconds = Math.min(finalSeconds, seconds(start));
            finalTests = testsRun(subBuilds) - afterRound;

            // From scratch each time, as the sub-builds compile everything.
            delete(own.resolve("target"));
            start = System.nanoTime();
            ownPassed &= mavenPasses(maven, own, "-o", "-Dmaven.repo.local=" + TestProject.localRepository(), "test");
            ownSeconds = Math.min(ownSeconds, seconds(start));
        }

        // The in-process compile that a round starts with, timed alone with a compiler of its own.
        long compileStart = System.nanoTime();
        new InProcessCompiler(layout, owner -> List.of()).check(ledger);
        double compileSeconds = seconds(compileStart);

        System.out.printf(Locale.ROOT, "large fixture: %d main classes in %d packages, %d test classes, %d tests,"
                + " 1 candidate (passed: round %s, final %s, own test %s); times are the best of %d%n",
                LargeFixture.CLASSES, LargeFixture.PACKAGES, LargeFixture.testClasses(), LargeFixture.tests(),
                outcome(round), outcome(together), ownPassed ? "yes" : "no (log: " + own.resolve("build.log") + ")",
                REPEATS);
        System.out.printf(Locale.ROOT, "large round, 1 candidate (verifyBatch, %d tests run): %.1f s%n", roundTests,
                roundSeconds);
        System.out.printf(Locale.ROOT, "large round's in-process compile alone (part of the round): %.1f s%n",
                compileSeconds);
        System.out.printf(Locale.ROOT, "large final check (verifyTogether, %d tests run): %.1f s%n", finalTests,
                finalSeconds);
        System.out.printf(Locale.ROOT, "large own test (mvn -B -q -o test from scratch, %d tests run): %.1f s%n",
                testsRun(own.resolve("target")), ownSeconds);
        System.out.printf(Locale.ROOT, "ratio round/own-test: %.2f%n", roundSeconds / ownSeconds);
        System.out.printf(Locale.ROOT, "ratio final/own-test: %.2f%n", finalSeconds / ownSeconds);
        System.out.printf(Locale.ROOT, "ratio large round/small round (1 candidate each): %.2f%n",
                roundSeconds / smallRound);
    }

    /** The failing one of two verdicts, so that one failed repetition shows. */
    /** The final check as one verdict: what it charged to the task and anything else in the way. */
    private static Verdict verdictOf(SubBuildVerifier.FinalCheck check) {
        List<Feedback> all = new java.util.ArrayList<>(check.unassigned());
        check.charged().values().forEach(all::addAll);
        return new Verdict(all);
    }

    private static Verdict worse(Verdict previous, Verdict next) {
        return previous != null && !previous.passed() ? previous : next;
    }

    private static SubBuildVerifier verifier(ProjectLayout layout, Path dir, boolean keepFolders) {
        return new SubBuildVerifier(layout, owner -> List.of(), new InProcessCompiler(layout, owner -> List.of()),
                SubBuildVerifierIT.settings(Duration.ofMinutes(10)), dir.resolve("subbuild"), null, keepFolders);
    }

    /** The tests that surefire reports below a folder, summed over its {@code TEST-*.xml} files. */
    public static int testsRun(Path folder) throws IOException {
        Pattern count = Pattern.compile("<testsuite[^>]*\\stests=\"(\\d+)\"");
        int total = 0;
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path report : files.filter(file -> file.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                Matcher matcher = count.matcher(Files.readString(report));
                total += matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
            }
        }
        return total;
    }

    private static String outcome(Verdict verdict) {
        return verdict.passed() ? "yes" : "no: " + verdict.firstFailure().map(Feedback::message).orElse("");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Candidates that each pass: the same Money, and a part class of their own with its test. */
    private static List<Candidate> round(int count) {
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
        return round;
    }

    /**
     * A project as a user would keep it: the candidate's code, the project's test, JUnit from the
     * repository and the checkstyle plugin with the plugin's default rules.
     */
    private static Path plainProject(Path base, Candidate candidate) throws IOException {
        for (CodeUnit unit : candidate.units()) {
            write(base.resolve(unit.test() ? "src/test/java" : "src/main/java").resolve(unit.relativePath()), unit.source());
        }
        write(base.resolve("src/test/java").resolve(MONEY_TEST_PATH), TestProject.MONEY_TEST);
        try (InputStream rules = Objects.requireNonNull(
                SubBuildReactor.class.getResourceAsStream(SubBuildReactor.DEFAULT_CHECKSTYLE))) {
            Files.copy(rules, base.resolve("checkstyle.xml"));
        }
        write(base.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>plain</artifactId>
                  <version>1.0</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId>
                      <artifactId>junit-jupiter</artifactId>
                      <version>5.14.1</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                      <plugin>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.14.0</version>
                      </plugin>
                      <plugin>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.3</version>
                      </plugin>
                      <plugin>
                        <artifactId>maven-checkstyle-plugin</artifactId>
                        <version>3.6.0</version>
                        <dependencies>
                          <dependency>
                            <groupId>com.puppycrawl.tools</groupId>
                            <artifactId>checkstyle</artifactId>
                            <version>12.3.1</version>
                          </dependency>
                        </dependencies>
                        <configuration>
                          <configLocation>checkstyle.xml</configLocation>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """);
        return base;
    }

    /** Runs Maven in the project with the user's environment less any tuned MAVEN_OPTS. */
    private static boolean mavenPasses(Path maven, Path project, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(maven.toString(), "-B", "-q"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(project.resolve("build.log").toFile());
        builder.environment().remove("MAVEN_OPTS");
        return builder.start().waitFor() == 0;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}

package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.candidate;
import static dev.autocoder.verify.TestProject.unit;

import dev.autocoder.project.ProjectLayout;
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
import java.util.stream.Stream;

/**
 * Times one round of candidates verified by {@link SubBuildVerifier#verifyBatch} against the same
 * candidates verified the naive way: a plain project per candidate with checkstyle configured,
 * built with {@code mvn -B -q checkstyle:check test} as a user would. Run by
 * {@code bench/subbuild.sh}; not a test, so surefire skips it.
 */
public final class SubBuildBenchmark {

    private static final String MONEY_TEST_PATH = "com/example/MoneyTest.java";

    private SubBuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("autocoder-bench-");
        ProjectLayout layout = new TestProject(dir.resolve("project")).test(MONEY_TEST_PATH, TestProject.MONEY_TEST).layout();
        SubBuildVerifier verifier = new SubBuildVerifier(layout, owner -> List.of(), new InProcessCompiler(layout, owner -> List.of()),
                SubBuildVerifierIT.settings(Duration.ofMinutes(10)), dir.resolve("subbuild"), null, false);
        List<Candidate> round = round(count);
        verifier.verify(round.get(0));

        long batchStart = System.nanoTime();
        Map<Candidate, Verdict> batched = verifier.verifyBatch(round);
        double batchSeconds = (System.nanoTime() - batchStart) / 1e9;
        long batchPassed = batched.values().stream().filter(Verdict::passed).count();

        Path maven = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn");
        long naiveStart = System.nanoTime();
        int naivePassed = 0;
        for (int i = 0; i < count; i++) {
            naivePassed += naiveBuildPasses(maven, plainProject(dir.resolve("naive/p" + i), round.get(i))) ? 1 : 0;
        }
        double naiveSeconds = (System.nanoTime() - naiveStart) / 1e9;

        System.out.printf(Locale.ROOT, "candidates: %d (passed: batched %d, naive %d)%n", count, batchPassed, naivePassed);
        System.out.printf(Locale.ROOT, "batched:    %.1f s total, %.2f s per candidate%n", batchSeconds, batchSeconds / count);
        System.out.printf(Locale.ROOT, "naive:      %.1f s total, %.2f s per candidate (mvn -B -q checkstyle:check test,"
                + " one plain project each)%n", naiveSeconds, naiveSeconds / count);
        System.out.printf(Locale.ROOT, "ratio:      %.1fx faster batched%n", naiveSeconds / batchSeconds);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
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
    private static boolean naiveBuildPasses(Path maven, Path project) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(maven.toString(), "-B", "-q", "checkstyle:check", "test")
                .directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(project.resolve("build.log").toFile());
        builder.environment().remove("MAVEN_OPTS");
        return builder.start().waitFor() == 0;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}

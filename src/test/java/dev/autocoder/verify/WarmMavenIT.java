package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.project.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.utils.cli.Commandline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21: builds in a warm Maven, real Maven runs of a small project, one JVM after another. */
class WarmMavenIT {

    private static final Path MAVEN_HOME = Path.of(System.getProperty("maven.home", "/usr/share/maven"));

    @TempDir
    Path dir;

    /**
     * Maven sets each {@code -D} as a system property of its JVM; a warm one must start the next
     * build without it, or {@code -DskipTests} given to one build would skip the next one's tests.
     */
    @Test
    void aPropertyOfOneBuildDoesNotReachTheNextOneInTheSameJvm() throws Exception {
        Path project = project("""
                org.junit.jupiter.api.Assertions.assertEquals(2, 1 + 1);
                """);
        try (WarmMaven warm = new WarmMaven(MAVEN_HOME, dir.resolve("warm"))) {
            List<String> skipped = new ArrayList<>();
            MavenRun.Outcome first = warm.run(commandline(project, "skipTests", "true"), Duration.ofMinutes(2),
                    skipped::add);
            List<String> tested = new ArrayList<>();
            MavenRun.Outcome second = warm.run(commandline(project, "unused", "x"), Duration.ofMinutes(2),
                    tested::add);

            assertEquals(new MavenRun.Outcome(0, false), first, String.join("\n", skipped));
            assertTrue(skipped.stream().anyMatch(line -> line.contains("Tests are skipped.")), String.join("\n", skipped));
            assertEquals(new MavenRun.Outcome(0, false), second, String.join("\n", tested));
            assertTrue(tested.stream().anyMatch(line -> line.contains("Tests run: 1, Failures: 0")),
                    String.join("\n", tested));
            assertFalse(tested.stream().anyMatch(line -> line.contains("Tests are skipped.")), String.join("\n", tested));
            assertEquals("BUILD SUCCESS", tested.stream().filter(line -> line.contains("BUILD ")).findFirst()
                    .orElseThrow().replaceAll(".*(BUILD \\w+).*", "$1"));
            assertEquals(1, warm.started());
            assertEquals(2, warm.builds());
        }
    }

    /**
     * A warm JVM that goes away during a build leaves that build without a verdict ({@link
     * WarmMaven.Lost}, so the caller runs it cold), and the next build starts a fresh JVM.
     */
    @Test
    void aBuildWhoseJvmGoesAwayIsLostAndTheNextOneStartsAFreshJvm() throws Exception {
        Path project = project("""
                if (Boolean.getBoolean("hang")) {
                    Thread.sleep(120_000);
                }
                """);
        try (WarmMaven warm = new WarmMaven(MAVEN_HOME, dir.resolve("warm"))) {
            List<String> output = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> killed = CompletableFuture.runAsync(() -> {
                while (output.stream().noneMatch(line -> line.contains("T E S T S"))) {
                    sleep();
                }
                ProcessHandle.current().children()
                        .filter(process -> process.info().commandLine().orElse("").contains(
                                WarmMavenServer.class.getName()))
                        .forEach(ProcessHandle::destroyForcibly);
            });
            Commandline hanging = commandline(project, "argLine", "-Dhang=true");

            assertThrows(WarmMaven.Lost.class, () -> warm.run(hanging, Duration.ofMinutes(2), output::add));
            killed.get(1, TimeUnit.MINUTES);
            MavenRun.Outcome next = warm.run(commandline(project, "unused", "x"), Duration.ofMinutes(2), line -> { });

            assertEquals(new MavenRun.Outcome(0, false), next);
            assertEquals(2, warm.started());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The invocation a sub-build in {@code project} gets, with {@code -Dproperty=value} added. */
    private Commandline commandline(Path project, String property, String value) throws IOException {
        InvocationRequest request = new SubBuildLaunch(SubBuildVerifierIT.settings(Duration.ofMinutes(2)),
                dir.resolve("warm")).request(project, 1);
        request.getProperties().setProperty(property, value);
        return MavenRun.commandline(request, MAVEN_HOME.toFile(), TestProject.localRepository().toFile());
    }

    /** The test projects' POM (JUnit, pinned plugins) with one test, whose body is {@code testBody}. */
    private Path project(String testBody) throws IOException {
        Path project = dir.resolve("project");
        ProjectLayout layout = new TestProject(project).test("p/WarmTest.java", """
                package p;

                class WarmTest {
                    @org.junit.jupiter.api.Test
                    void runs() throws Exception {
                %s    }
                }
                """.formatted(testBody.indent(8))).layout();
        Files.writeString(project.resolve("pom.xml"), layout.build().effectivePom());
        return project;
    }
}

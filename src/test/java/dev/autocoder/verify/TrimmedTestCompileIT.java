package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.MONEY;
import static dev.autocoder.verify.TestProject.MONEY_TEST;
import static dev.autocoder.verify.TestProject.candidate;
import static dev.autocoder.verify.TestProject.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.project.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A round leaves the project's test classes that cannot depend on the candidate out of its test
 * compile. A plugin bound before the tests that needs every test class (Gson renames some) then
 * fails the build: real sub-builds show the round runs again with every test class compiled, so
 * that failure is neither charged to the candidate nor the project's.
 */
class TrimmedTestCompileIT {

    private static final String UNRELATED_TEST = """
            package com.example;

            import org.junit.jupiter.api.Test;

            class UnrelatedTest {
                @Test
                void standsAlone() {
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aGoalThatNeedsEveryTestClassRunsTheRoundAgainWithAllOfThemCompiled() throws IOException {
        ProjectLayout base = new TestProject(dir.resolve("project")).test("com/example/MoneyTest.java", MONEY_TEST)
                .test("com/example/UnrelatedTest.java", UNRELATED_TEST).layout();
        // Bound at test-compile, which the plugin cannot tell from the compiler's own phase. Not the
        // enforcer: rounds leave it out (RoundTrimming), since its rules cannot see the candidate.
        String needsEveryTestClass = """
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-antrun-plugin</artifactId>
                    <version>3.1.0</version>
                    <executions>
                      <execution>
                        <id>every-test-class</id>
                        <phase>test-compile</phase>
                        <goals><goal>run</goal></goals>
                        <configuration>
                          <target>
                            <fail message="RequireFilesExist: no UnrelatedTest.class">
                              <condition><not><available file="%s"/></not></condition>
                            </fail>
                          </target>
                        </configuration>
                      </execution>
                    </executions>
                  </plugin>
                </plugins>
                """.formatted(base.buildDirectory().resolve("test-classes/com/example/UnrelatedTest.class")
                .toAbsolutePath());
        ProjectLayout layout = new ProjectLayout(base.baseDirectory(), base.javaRelease(), base.mainSourceRoots(),
                base.testSourceRoots(), base.dependencies(), base.pluginVersions(), base.checkstyle(), base.compiler(),
                new ProjectLayout.BuildModel(base.build().effectivePom().replace("</plugins>", needsEveryTestClass),
                        base.buildDirectory(), base.build().selfPlugin()));
        Path work = dir.resolve("state/subbuild");
        SubBuildVerifier verifier = new SubBuildVerifier(layout, owner -> List.of(),
                new InProcessCompiler(layout, owner -> List.of()), SubBuildVerifierIT.settings(Duration.ofMinutes(3)),
                work, null, true);

        Verdict verdict = verifier.verify(candidate("money", unit("com.example.Money", MONEY, false)));

        assertTrue(verdict.passed(), verdict.toString());
        List<Path> logs;
        try (Stream<Path> builds = Files.list(work)) {
            logs = builds.map(build -> build.resolve("build.log")).sorted((a, b) -> Long.compare(
                    a.toFile().lastModified(), b.toFile().lastModified())).toList();
        }
        assertEquals(2, logs.size(), "the trimmed round and the round again: " + logs);
        String trimmed = Files.readString(logs.get(0));
        String full = Files.readString(logs.get(1));
        assertTrue(trimmed.contains("RequireFilesExist"), "the trimmed round did not fail on the missing class");
        assertTrue(full.contains("Tests run: 1, Failures: 0") && full.contains("MoneyTest"),
                "the round again ran the selected test: " + full);
        assertFalse(full.contains("in com.example.UnrelatedTest"), "the round again still runs only its selection");
    }
}

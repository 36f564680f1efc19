package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.candidate;
import static dev.autocoder.verify.TestProject.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.project.ProjectLayout;
import dev.autocoder.project.ProjectLayout.CompilerSetup.Compile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real in-process compiles of a project whose main code and tests compile differently, as Gson's
 * do: main code at release 8 with a module descriptor its {@code default-compile} leaves out, tests
 * at release 17 using {@code var}. And what happens when the compile cannot be reproduced here: the
 * check hands the compile to the sub-build, judging nothing and leaving no test out.
 */
class InProcessCompilerSettingsTest {

    private static final String DESCRIPTOR = "module com.acme.units { exports com.acme.units; }\n";

    private static final String METRES = """
            package com.acme.units;

            public final class Metres {
                private Metres() {
                }

                public static long fromKilometres(long kilometres) {
                    return kilometres * 1000;
                }
            }
            """;

    /** Reaches Metres only through a helper, with {@code var}, which release 8 does not know. */
    private static final String METRES_TEST = """
            package com.acme.units;

            import static org.junit.jupiter.api.Assertions.assertEquals;
            import org.junit.jupiter.api.Test;

            class MetresTest {
                @Test
                void converts() {
                    var metres = Distances.inMetres(2);
                    assertEquals(2000L, metres);
                }
            }
            """;

    private static final String DISTANCES = """
            package com.acme.units;

            final class Distances {
                static long inMetres(long kilometres) {
                    return Metres.fromKilometres(kilometres);
                }
            }
            """;

    private static final String UNRELATED_TEST = """
            package com.acme.units;

            import org.junit.jupiter.api.Test;

            class UnrelatedTest {
                @Test
                void nothing() {
                }
            }
            """;

    private static final Compile MAIN_WITHOUT_DESCRIPTOR = new Compile(Optional.empty(), List.of(),
            List.of("module-info.java"), List.of());

    @TempDir
    Path dir;

    private final List<String> notices = new CopyOnWriteArrayList<>();

    @Test
    void excludedDescriptorIsNotCompiledAndTestsUseTheTestRelease() {
        InProcessCompiler compiler = asGsonCompiles();

        InProcessCompiler.Outcome outcome = compiler.check(rightMetres());

        assertTrue(outcome.verdict().passed(), outcome.verdict().toString());
        assertEquals(List.of(), outcome.excludedProjectTests(), "a test using var was left out");
        assertTrue(outcome.selection().isPresent(), "the tests compiled, so a selection can be made");
        assertEquals(List.of("com/acme/units/Distances.java", "com/acme/units/MetresTest.java",
                "com/acme/units/UnrelatedTest.java"),
                outcome.compilingProjectTests().stream().map(SourceFile::displayName).toList());
        TestSelection.Result selected = outcome.selection().get().select(outcome.selection().get().defaultTestClasses(),
                List.of("com.acme.units.Metres"));
        assertEquals(java.util.Set.of("com.acme.units.MetresTest"), selected.testClasses());
        assertEquals(List.of(), notices);
    }

    @Test
    void aWrongCandidateIsStillCaughtAtTheMainRelease() {
        InProcessCompiler compiler = asGsonCompiles();
        String usesJava9 = METRES.replace("kilometres * 1000", "kilometres * java.util.List.of(1000).get(0)");

        Verdict verdict = compiler.verify(candidate("metres", unit("com.acme.units.Metres", usesJava9, false)));

        assertFalse(verdict.passed(), "List.of compiled at release 8");
        Feedback finding = verdict.firstFailure().orElseThrow();
        assertEquals(Feedback.Stage.COMPILE, finding.stage());
        assertTrue(finding.message().startsWith("com/acme/units/Metres.java:8: cannot find symbol"), finding.message());
    }

    @Test
    void testsAtTheMainReleaseWouldLeaveTheVarTestOut() {
        InProcessCompiler compiler = compiler(project(), MAIN_WITHOUT_DESCRIPTOR,
                new Compile(Optional.of("8"), List.of(), List.of(), List.of()));

        InProcessCompiler.Outcome outcome = compiler.check(rightMetres());

        assertEquals(List.of("com/acme/units/MetresTest.java"), outcome.excludedProjectTests());
    }

    @Test
    void testExcludesKeepAFileOutOfTheTestCompile() {
        new TestProject(dir).test("com/acme/units/BrokenTest.java", "package com.acme.units;\nclass BrokenTest {"
                + " int x = \"not a number\"; }\n");
        InProcessCompiler compiler = compiler(project(), MAIN_WITHOUT_DESCRIPTOR,
                new Compile(Optional.of("17"), List.of(),
                List.of("**/Broken*.java"), List.of()));

        InProcessCompiler.Outcome outcome = compiler.check(rightMetres());

        assertTrue(outcome.verdict().feedback().isEmpty(), outcome.verdict().toString());
        assertTrue(outcome.compilingProjectTests().stream().noneMatch(file -> file.displayName().contains("Broken")));
        assertTrue(outcome.selection().isPresent());
    }

    @Test
    void anIncludedDescriptorAtReleaseEightHandsTheCompileToTheSubBuildOnce() {
        InProcessCompiler compiler = compiler(project(), Compile.DEFAULT,
                new Compile(Optional.of("17"), List.of(), List.of(), List.of()));
        String wrong = METRES.replace("kilometres * 1000", "kilometres * 100");

        InProcessCompiler.Outcome first = compiler.check(candidate("metres", unit("com.acme.units.Metres", wrong, false)));
        InProcessCompiler.Outcome second = compiler.checkTogether(List.of(unit("com.acme.units.Metres", METRES, false)));

        for (InProcessCompiler.Outcome outcome : List.of(first, second)) {
            assertTrue(outcome.verdict().passed(), outcome.verdict().toString());
            assertEquals(List.of(), outcome.excludedProjectTests(), "a test was left out");
            assertTrue(outcome.selection().isEmpty(), "a selection would run only some tests");
            assertEquals(3, outcome.compilingProjectTests().size(), "the sub-build's baseline can run every test");
        }
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("module-info.java at release 8"), notices.get(0));
        assertTrue(notices.get(0).contains("runs the whole test suite"), notices.get(0));
    }

    @Test
    void anOptionJavacRefusesHandsTheCompileOver() {
        InProcessCompiler compiler = compiler(project(), MAIN_WITHOUT_DESCRIPTOR,
                new Compile(Optional.of("17"), List.of(), List.of(),
                        List.of("-Xno-such-option")));

        InProcessCompiler.Outcome outcome = compiler.check(rightMetres());

        assertTrue(outcome.selection().isEmpty());
        assertEquals(List.of(), outcome.excludedProjectTests());
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("-Xno-such-option"), notices.get(0));
    }

    @Test
    void aProjectFileThatDoesNotCompileHereOnItsOwnHandsTheCompileOver() {
        new TestProject(dir).main("com/acme/units/Legacy.java", "package com.acme.units;\nclass Legacy {"
                + " int size() { } }\n");
        InProcessCompiler compiler = asGsonCompiles();

        InProcessCompiler.Outcome outcome = compiler.check(rightMetres());

        assertTrue(outcome.verdict().passed(), outcome.verdict().toString());
        assertTrue(outcome.selection().isEmpty());
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("com/acme/units/Legacy.java:2"), notices.get(0));
    }

    @Test
    void aProjectTestThatAlsoWaitsForATaskTypeDoesNotHandTheCompileOver() {
        new TestProject(dir).test("com/acme/units/FirstTest.java", "package com.acme.units;\nclass FirstTest {\n"
                + "    Metres unit;\n    int size() { }\n}\n");
        InProcessCompiler compiler = asGsonCompiles();

        InProcessCompiler.Outcome outcome = compiler.check(rightMetres());

        assertEquals(List.of(), notices, "the project's compile was judged unreproducible");
        assertTrue(outcome.verdict().feedback().stream().anyMatch(finding -> finding.message()
                .startsWith("the in-process compile could not check the project's file: com/acme/units/FirstTest.java:4")),
                outcome.verdict().toString());
    }

    private static Candidate rightMetres() {
        return candidate("metres", unit("com.acme.units.Metres", METRES, false));
    }

    /** Main code at release 8 without its module descriptor, tests at release 17. */
    private InProcessCompiler asGsonCompiles() {
        return compiler(project(), MAIN_WITHOUT_DESCRIPTOR,
                new Compile(Optional.of("17"), List.of(), List.of(), List.of()));
    }

    private TestProject project() {
        return new TestProject(dir).main("module-info.java", DESCRIPTOR)
                .test("com/acme/units/MetresTest.java", METRES_TEST)
                .test("com/acme/units/Distances.java", DISTANCES)
                .test("com/acme/units/UnrelatedTest.java", UNRELATED_TEST);
    }

    private InProcessCompiler compiler(TestProject project, Compile main, Compile test) {
        ProjectLayout base = project.layout();
        ProjectLayout layout = new ProjectLayout(base.baseDirectory(), "8", base.mainSourceRoots(),
                base.testSourceRoots(), base.dependencies(), base.pluginVersions(), base.checkstyle(),
                new ProjectLayout.CompilerSetup(List.of(), main, test, List.of()), base.build());
        return new InProcessCompiler(layout, owner -> List.of(), notices::add);
    }
}

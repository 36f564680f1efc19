package dev.autocoder.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.project.Dependency;
import dev.autocoder.project.ProjectLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectContextTest {

    private static final String MONEY = """
            package com.acme.money;

            import java.math.RoundingMode;

            /** Money in cents. */
            public final class Money {
                public static final int SCALE = 2;
                private final long cents;

                public Money(long cents) {
                    this.cents = cents;
                }

                public Money[] allocate(int[] ratios, RoundingMode mode) {
                    long secretBodyMarker = cents * 7;
                    return new Money[0];
                }

                long cents() {
                    return cents;
                }
            }
            """;

    private static final String MONEY_TEST = """
            package com.acme.money;

            import static org.junit.jupiter.api.Assertions.assertEquals;

            import java.math.RoundingMode;
            import org.junit.jupiter.api.Test;

            class MoneyAcceptanceTest {
                @Test
                void allocatesByRatios() {
                    Money[] parts = new Money(100).allocate(new int[] {1, 2}, RoundingMode.HALF_EVEN);
                    assertEquals(2, parts.length);
                }
            }
            """;

    @TempDir
    Path dir;

    private TestProject moneyProject() {
        return new TestProject(dir.resolve("project"))
                .main("com/acme/money/Money.java", MONEY)
                .test("com/acme/money/MoneyAcceptanceTest.java", MONEY_TEST);
    }

    @Test
    void acceptanceTestAboutTheTaskTypeIsIncludedInFull() {
        TestProject project = moneyProject();

        ProjectContext.Context context = project.context(20_000)
                .build("allocation", "Add allocation to Money by ratios.", List.of());

        assertTrue(context.text().contains("new Money(100).allocate(new int[] {1, 2}, RoundingMode.HALF_EVEN)"),
                context.text());
        assertTrue(context.included().contains("test src/test/java/com/acme/money/MoneyAcceptanceTest.java"),
                context.included().toString());
    }

    @Test
    void mainClassSignaturesAppearWithoutBodies() {
        TestProject project = moneyProject();

        ProjectContext.Context context = project.context(20_000)
                .build("allocation", "Add allocation to Money by ratios.", List.of());

        String text = context.text();
        assertTrue(text.contains("### Signatures of src/main/java/com/acme/money/Money.java"), text);
        assertTrue(text.contains("public final class Money {"), text);
        assertTrue(text.contains("public static final int SCALE = 2;"), text);
        assertTrue(text.contains("public Money(long cents);"), text);
        assertTrue(text.contains("public Money[] allocate(int[] ratios, RoundingMode mode);"), text);
        assertFalse(text.contains("secretBodyMarker"), "a method body leaked into the context");
        assertFalse(text.contains("long cents()"), "a package-private method is not API");
    }

    @Test
    void testsThatDoNotMentionTheTaskTypesStayOut() {
        TestProject project = moneyProject().test("com/acme/other/ClockTest.java", """
                package com.acme.other;

                class ClockTest {
                    // Money is only named in a comment here
                    String text = "Money";
                }
                """);

        ProjectContext.Context context = project.context(20_000)
                .build("allocation", "Add allocation to Money by ratios.", List.of());

        assertFalse(context.text().contains("ClockTest"), context.text());
    }

    @Test
    void testsAreRankedByHowOftenTheyMentionTheTaskTypes() {
        TestProject project = moneyProject().test("com/acme/money/AaaMoneyTest.java", """
                package com.acme.money;

                class AaaMoneyTest {
                    Object once = new Money(1);
                }
                """);

        ProjectContext.Context context = project.context(20_000)
                .build("allocation", "Add allocation to Money by ratios.", List.of());

        List<String> tests = context.included().stream().filter(label -> label.startsWith("test ")).toList();
        assertEquals(List.of("test src/test/java/com/acme/money/MoneyAcceptanceTest.java",
                "test src/test/java/com/acme/money/AaaMoneyTest.java"), tests);
    }

    @Test
    void projectSectionNamesTheJavaReleaseAndOnlyTheDirectDependenciesSorted() {
        TestProject project = moneyProject()
                .dependency(new Dependency("org.zeta", "z", "2.0", "compile", true, dir.resolve("z.jar")))
                .dependency(new Dependency("org.alpha", "a", "1.5", "test", true, dir.resolve("a.jar")))
                .dependency(new Dependency("org.hidden", "t", "9", "compile", false, dir.resolve("t.jar")));

        ProjectContext.Context context = project.context(20_000).build("x", "Anything.", List.of());

        assertTrue(context.text().startsWith("""
                ### Project
                ```
                Java release: 17
                Direct dependencies (use only APIs that exist at these versions):
                - org.alpha:a:1.5 (test)
                - org.zeta:z:2.0 (compile)
                ```
                """), context.text());
        assertFalse(context.text().contains("org.hidden"), "transitive dependencies are noise");
    }

    @Test
    void testsCompiledForAnotherReleaseSaySo() {
        ProjectLayout plain = moneyProject().layout();
        ProjectLayout.CompilerSetup.Compile test21 = new ProjectLayout.CompilerSetup.Compile(Optional.of("21"),
                List.of(), List.of(), List.of());
        ProjectLayout layout = new ProjectLayout(plain.baseDirectory(), plain.javaRelease(), plain.mainSourceRoots(),
                plain.testSourceRoots(), plain.dependencies(), plain.pluginVersions(), plain.checkstyle(),
                new ProjectLayout.CompilerSetup(List.of(), ProjectLayout.CompilerSetup.Compile.DEFAULT, test21,
                        List.of()), plain.build());

        String text = new ProjectContext(layout, 20_000).build("x", "Anything.", List.of()).text();

        assertTrue(text.contains("Java release: 17\nJava release of the tests: 21\n"), text);
        assertFalse(moneyProject().context(20_000).build("x", "Anything.", List.of()).text()
                .contains("release of the tests"), "said only when it differs");
    }

    @Test
    void specNamedFilesAreIncludedInFullRightAfterTheProjectSection() {
        TestProject project = moneyProject().write("docs/rules.md", "Round half to even.\n```\nx\n```\n");

        ProjectContext.Context context = project.context(20_000)
                .build("allocation", "Add allocation to Money.", List.of("docs/rules.md"));

        assertEquals("file docs/rules.md", context.included().get(1));
        assertTrue(context.text().contains("### File docs/rules.md\n````\nRound half to even.\n```\nx\n```\n````\n"),
                context.text());
    }

    @Test
    void aTestTheSpecNamesIsShownOnceAsAFile() {
        TestProject project = moneyProject();

        ProjectContext.Context context = project.context(20_000).build("allocation", "Add allocation to Money.",
                List.of("src/test/java/com/acme/money/MoneyAcceptanceTest.java"));

        assertEquals(List.of("project", "file src/test/java/com/acme/money/MoneyAcceptanceTest.java",
                "signatures src/main/java/com/acme/money/Money.java"), context.included());
    }

    @Test
    void aSectionThatDoesNotFitIsLeftOutWithItsSizeWhileASmallerLaterOneFits() {
        TestProject project = moneyProject()
                .write("big.txt", "x".repeat(5_000))
                .write("small.txt", "tiny\n");

        ProjectContext.Context context = project.context(1_000)
                .build("allocation", "Add allocation.", List.of("big.txt", "small.txt"));

        assertTrue(context.leftOut().contains("file big.txt (5026 chars)"), context.leftOut().toString());
        assertTrue(context.included().contains("file small.txt"), context.included().toString());
        assertTrue(context.text().length() <= 1_000);
    }

    @Test
    void manyClassesKeepTheContextWithinTheBudgetAndListWhatWasLeftOut() {
        TestProject project = new TestProject(dir.resolve("big"));
        StringBuilder test = new StringBuilder("package com.acme;\n\nclass LedgerTest {\n    void uses() {\n");
        for (int i = 0; i < 200; i++) {
            project.main("com/acme/Part" + i + ".java", "package com.acme;\n\npublic class Part" + i
                    + " {\n    public int value" + i + "(String name) {\n        return " + i + ";\n    }\n}\n");
            test.append("        new Part").append(i).append("().value").append(i).append("(\"Ledger\");\n");
        }
        project.main("com/acme/Ledger.java", "package com.acme;\n\npublic class Ledger {\n}\n");
        project.test("com/acme/LedgerTest.java", test.append("        new Ledger();\n    }\n}\n").toString());

        ProjectContext.Context context = project.context(15_000).build("ledger", "Write the Ledger.", List.of());

        assertTrue(context.text().length() <= 15_000, "context has " + context.text().length() + " chars");
        assertTrue(context.included().contains("test src/test/java/com/acme/LedgerTest.java"));
        assertTrue(context.included().contains("signatures src/main/java/com/acme/Ledger.java"),
                "the spec's own type ranks first: " + context.included());
        assertTrue(context.leftOut().size() > 100, "left out: " + context.leftOut().size());
        assertTrue(context.leftOut().stream().allMatch(label -> label.matches("signatures .* \\(\\d+ chars\\)")),
                context.leftOut().toString());
        assertEquals(201, context.included().size() - 2 + context.leftOut().size(),
                "every referenced class is either included or listed as left out");
    }

    @Test
    void twoBuildsOfTheSameProjectGiveIdenticalTextWhereverTheProjectLies() {
        TestProject here = moneyProject();
        TestProject there = new TestProject(dir.resolve("elsewhere/deeper/copy"))
                .main("com/acme/money/Money.java", MONEY)
                .test("com/acme/money/MoneyAcceptanceTest.java", MONEY_TEST);

        ProjectContext.Context first = here.context(20_000).build("allocation", "Allocate Money.", List.of());
        ProjectContext.Context second = here.context(20_000).build("allocation", "Allocate Money.", List.of());
        ProjectContext.Context moved = there.context(20_000).build("allocation", "Allocate Money.", List.of());

        assertEquals(first, second);
        assertEquals(first, moved);
        assertFalse(first.text().contains(dir.toString()), "an absolute path leaked into the context");
    }

    @Test
    void describeSummarisesSizeAndBothListsOnOneLine() {
        ProjectContext.Context context = new ProjectContext.Context("abc", List.of("project"),
                List.of("file big.txt (5017 chars)"));

        assertEquals("project context: 3 chars; included 1 [project]; left out 1 [file big.txt (5017 chars)]",
                ProjectContext.describe(context));
    }

    @Test
    void theSameTaskAmongTwentyUnrelatedTasksGetsTheSameContext() {
        String description = "Write `com.acme.text.Slug`: `Slug.of(String title)` gives an `Optional` slug,"
                + " and `words()` a `List` of its words.";
        TestProject alone = slugProject(dir.resolve("alone"), 0);
        TestProject crowded = slugProject(dir.resolve("crowded"), 20);

        ProjectContext.Context one = alone.context(24_000).build("slug", description, List.of());
        ProjectContext.Context many = crowded.context(24_000).build("slug", description, List.of());

        assertEquals(one.text(), many.text(), "included among twenty: " + many.included());
    }

    /** A test-first project: SlugTest, and {@code others} tests of other tasks using the same JDK types. */
    private static TestProject slugProject(Path base, int others) {
        TestProject project = new TestProject(base).test("com/acme/text/SlugTest.java", """
                package com.acme.text;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import java.util.List;
                import java.util.Optional;

                class SlugTest {
                    void wordsAreLowerCase() {
                        Optional<Slug> slug = Slug.of("Hello World");
                        assertEquals(List.of("hello", "world"), slug.orElseThrow().words());
                    }
                }
                """);
        for (int i = 0; i < others; i++) {
            project.test("com/acme/other/Widget" + i + "Test.java", """
                    package com.acme.other;

                    import java.util.*;
                    import java.util.Map;
                    import java.util.Optional;

                    class Widget%1$dTest {
                        void findsParts() {
                            List<String> names = List.of("a", "b");
                            Optional<Widget%1$d> widget = Widget%1$d.find(Map.of("names", names));
                        }
                    }
                    """.formatted(i));
        }
        return project;
    }
}

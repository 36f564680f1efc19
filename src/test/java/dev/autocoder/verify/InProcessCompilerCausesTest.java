package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.candidate;
import static dev.autocoder.verify.TestProject.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the in-process compile makes of errors that follow from something else, judged on real javac
 * runs in memory: cascades from a type another task has not written (or is still writing) wait,
 * and a cause in the candidate's own file is named there once.
 */
class InProcessCompilerCausesTest {

    private static final String WALL = """
            package game.cells;

            public class Wall extends Cell {
                @Override
                public boolean fillable() {
                    return false;
                }

                public int row() {
                    return position();
                }
            }
            """;

    @TempDir
    Path dir;

    private Verdict check(TestProject project, List<CodeUnit> others, CodeUnit... own) {
        return new InProcessCompiler(project.layout(), owner -> others).verify(candidate("task", own));
    }

    private static List<Feedback> blocking(Verdict verdict) {
        return verdict.feedback().stream().filter(Feedback::blocking).toList();
    }

    @Test
    void aMissingOverrideAndAnInheritedMemberUnderAMissingSupertypeWait() {
        Verdict verdict = check(new TestProject(dir), List.of(), unit("game.cells.Wall", WALL, false));

        assertTrue(verdict.waiting(), verdict.toString());
        List<String> messages = blocking(verdict).stream().map(Feedback::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("game/cells/Wall.java:4: method does not override")),
                messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("game/cells/Wall.java:10: cannot find symbol")),
                messages.toString());
    }

    /**
     * Found on Commons Text: the path fence throws what another task's unwritten
     * {@code IllegalArgumentExceptions.format} returns. javac goes on to flow analysis past the
     * missing type and calls the thrown erroneous type by the method's name, "unreported exception
     * format", which was sent to the model as its own compile error.
     */
    @Test
    void anUnreportedExceptionThatAMissingTypesMethodWouldReturnWaits() {
        Verdict verdict = check(new TestProject(dir), List.of(), unit("game.Fence", """
                package game;

                public class Fence {
                    public String check(String path) {
                        if (path.contains("..")) {
                            throw Failures.format("[%s] leaves the fence", path);
                        }
                        return path;
                    }
                }
                """, false));

        assertTrue(verdict.waiting(), verdict.toString());
        assertTrue(blocking(verdict).stream().allMatch(f -> f.stage() == Feedback.Stage.WAITING), verdict.toString());
    }

    @Test
    void anUnreportedCheckedExceptionOfTheProjectsOwnTypeIsTheModels() {
        Verdict verdict = check(new TestProject(dir), List.of(), unit("game.Reader", """
                package game;

                public class Reader {
                    public String read(java.nio.file.Path path) {
                        return java.nio.file.Files.readString(path);
                    }
                }
                """, false));

        assertFalse(verdict.waiting(), verdict.toString());
        assertTrue(blocking(verdict).stream().anyMatch(f -> f.stage() == Feedback.Stage.COMPILE
                && f.message().contains("unreported exception")), verdict.toString());
    }

    @Test
    void aMissingOverrideUnderAnExistingSupertypeIsTheModels() {
        TestProject project = new TestProject(dir).main("game/cells/Cell.java",
                "package game.cells;\n\npublic abstract class Cell {\n    public int position() {\n        return 0;\n    }\n}\n");

        Verdict verdict = check(project, List.of(), unit("game.cells.Wall", WALL, false));

        assertFalse(verdict.waiting(), verdict.toString());
        Feedback finding = blocking(verdict).get(0);
        assertEquals(Feedback.Stage.COMPILE, finding.stage());
        assertTrue(finding.message().startsWith("game/cells/Wall.java:4: method does not override"), finding.message());
    }

    @Test
    void aJdkTypeAStarImportPutsInPlaceOfAnUnwrittenTypeWaits() {
        String game = """
                package game;

                import java.util.*;

                public class Game {
                    private final List<String> names = new ArrayList<>();
                    private final Map board = new Map(3, 4);
                }
                """;

        Verdict verdict = check(new TestProject(dir), List.of(), unit("game.Game", game, false));

        assertTrue(verdict.waiting(), verdict.toString());
        assertTrue(blocking(verdict).get(0).message().contains("java.util.Map is abstract"), verdict.toString());
    }

    @Test
    void aJdkTypeImportedByNameIsTheModelsToInstantiateProperly() {
        String game = "package game;\n\nimport java.util.Map;\n\npublic class Game {\n    Map board = new Map();\n}\n";

        Verdict verdict = check(new TestProject(dir), List.of(), unit("game.Game", game, false));

        assertFalse(verdict.waiting(), verdict.toString());
        assertEquals(Feedback.Stage.COMPILE, blocking(verdict).get(0).stage());
    }

    @Test
    void aWrongArityOrTypeAgainstAnotherTasksUnfinishedClassWaits() {
        CodeUnit pipe = unit("game.Pipe", "package game;\n\npublic class Pipe {\n    public Pipe() {\n    }\n}\n", false);
        String game = """
                package game;

                public class Game {
                    private final Pipe pipe = new Pipe(1, 2);
                    private final String name = new Pipe();
                }
                """;

        Verdict verdict = check(new TestProject(dir), List.of(pipe), unit("game.Game", game, false));

        assertTrue(verdict.waiting(), verdict.toString());
        assertEquals(2, blocking(verdict).size(), verdict.toString());
    }

    @Test
    void theSameWrongArityAgainstTheProjectsOwnClassIsTheModels() {
        TestProject project = new TestProject(dir).main("game/Pipe.java",
                "package game;\n\npublic class Pipe {\n    public Pipe() {\n    }\n}\n");
        String game = "package game;\n\npublic class Game {\n    private final Pipe pipe = new Pipe(1, 2);\n}\n";

        Verdict verdict = check(project, List.of(), unit("game.Game", game, false));

        assertEquals(Feedback.Stage.COMPILE, blocking(verdict).get(0).stage(), verdict.toString());
    }

    @Test
    void aMissingPackageLineIsNamedInTheModelsOwnFileAndWhatFollowsIsSummarised() {
        TestProject project = new TestProject(dir)
                .main("game/map/cells/Cell.java", "package game.map.cells;\n\npublic abstract class Cell {\n}\n")
                .main("game/map/Board.java", """
                        package game.map;

                        import game.map.cells.FillableCell;

                        public class Board {
                            private FillableCell first;
                            private FillableCell second;
                        }
                        """);
        String fillable = "public class FillableCell extends Cell {\n    private int level;\n}\n";

        Verdict verdict = check(project, List.of(), unit("FillableCell", fillable, false));

        List<Feedback> findings = blocking(verdict);
        assertEquals(1, findings.size(), verdict.toString());
        String message = findings.get(0).message();
        assertTrue(message.startsWith("FillableCell.java:1: "), message);
        assertTrue(message.contains("`package game.map.cells;`"), message);
        assertFalse(message.contains("no other task"), message);
        assertTrue(verdict.feedback().stream().anyMatch(f -> !f.blocking()
                && f.message().contains("follow from the above") && f.message().contains("game/map/Board.java")),
                verdict.toString());
    }

    @Test
    void aWrongPackageLineIsNamedWhereTheProjectsTestExpectsTheType() {
        TestProject project = new TestProject(dir).test("game/map/PipeTest.java",
                "package game.map;\n\nclass PipeTest {\n    Pipe pipe = new Pipe();\n}\n");
        String pipe = "package game;\n\npublic class Pipe {\n}\n";

        Verdict verdict = check(project, List.of(), unit("game.Pipe", pipe, false));

        Feedback finding = blocking(verdict).get(0);
        assertEquals(Feedback.Stage.COMPILE, finding.stage(), verdict.toString());
        assertTrue(finding.message().startsWith("game/Pipe.java:1: declares package game, but game/map/PipeTest.java"
                + " uses Pipe as game.map.Pipe"), finding.message());
    }

    @Test
    void aProjectTypeUsedWithoutItsImportIsNamedAtTheUse() {
        TestProject project = new TestProject(dir).main("util/StringUtils.java",
                "package util;\n\npublic final class StringUtils {\n    public static String pad(String s) {\n"
                        + "        return s;\n    }\n}\n");
        String pipe = "package game;\n\npublic class Pipe {\n    String name = StringUtils.pad(\"p\");\n}\n";

        Verdict verdict = check(project, List.of(), unit("game.Pipe", pipe, false));

        Feedback finding = blocking(verdict).get(0);
        assertEquals("game/Pipe.java:4: StringUtils is util.StringUtils, and this file does not import it:"
                + " add `import util.StringUtils;`", finding.message());
    }

    @Test
    void aUnitThatRedeclaresAProjectOrDependencyTypeIsFoundBeforeCompiling() {
        TestProject project = new TestProject(dir).main("util/StringUtils.java",
                "package util;\n\npublic final class StringUtils {\n}\n");
        CodeUnit copy = unit("util.StringUtils", "package util;\n\npublic final class StringUtils {\n    int x;\n}\n",
                false);
        CodeUnit junit = unit("org.junit.jupiter.api.Test", "package org.junit.jupiter.api;\n\npublic @interface Test {\n}\n",
                false);
        CodeUnit own = unit("game.Pipe", "package game;\n\npublic class Pipe {\n}\n", false);

        Verdict verdict = new InProcessCompiler(project.layout(TestProject.junit()), owner -> List.of())
                .verify(candidate("task", own, copy, junit));

        assertEquals(2, verdict.feedback().size(), verdict.toString());
        assertEquals(Optional.of("util.StringUtils"), InProcessCompiler.redeclaredType(verdict.feedback().get(0)));
        assertEquals(Optional.of("org.junit.jupiter.api.Test"),
                InProcessCompiler.redeclaredType(verdict.feedback().get(1)));
        assertTrue(verdict.feedback().get(1).message().contains("dependency org.junit.jupiter:junit-jupiter-api"),
                verdict.toString());
        assertEquals(Optional.empty(), InProcessCompiler.redeclaredType(Feedback.blocking(Feedback.Stage.COMPILE,
                "game/Pipe.java:1: util.StringUtils is already a type of the project's main sources; x")));
    }
}

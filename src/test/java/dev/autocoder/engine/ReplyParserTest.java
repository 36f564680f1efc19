package dev.autocoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.Feedback;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReplyParserTest {

    private final ReplyParser parser = new ReplyParser();

    @Test
    void everyJavaBlockBecomesAUnitPlacedByPackageAndPublicType() {
        String reply = """
                Here is the code.

                ```java
                package com.acme.money;

                /** Money. "class Fake {" in a comment does not count. */
                final class Helper {
                }

                public record Money(long cents) {
                }
                ```

                ```java
                package com.acme.money;

                import org.junit.jupiter.api.Test;

                class MoneyTest {
                    @Test
                    void adds() {
                    }
                }
                ```
                """;

        Reply.Code code = assertInstanceOf(Reply.Code.class, parser.parse(reply));

        assertEquals(2, code.units().size());
        CodeUnit money = code.units().get(0);
        assertEquals("com.acme.money.Money", money.qualifiedName());
        assertEquals(Path.of("com/acme/money/Money.java"), money.relativePath());
        assertFalse(money.test());
        assertTrue(code.units().get(1).test());
        assertTrue(code.problems().isEmpty());
    }

    @Test
    void aTypeNameInsideAStringLiteralIsNotADeclaration() {
        String reply = "```java\npackage a;\npublic class Real {\n  String s = \"class Fake {\";\n}\n```\n";

        Reply.Code code = assertInstanceOf(Reply.Code.class, parser.parse(reply));

        assertEquals("a.Real", code.units().get(0).qualifiedName());
    }

    @Test
    void aQuestionsBlockIsReadAsQuestionsWithTheirKeywords() {
        String reply = """
                Before I start:
                ```questions
                [rounding] Which rounding mode should amounts use?
                - [currency] Which currencies must be supported?
                What about negative amounts?
                ```
                """;

        Reply.Questions questions = assertInstanceOf(Reply.Questions.class, parser.parse(reply));

        assertEquals(3, questions.questions().size());
        assertEquals("rounding", questions.questions().get(0).keyword());
        assertEquals("Which currencies must be supported?", questions.questions().get(1).text());
        assertEquals("", questions.questions().get(2).keyword());
    }

    @Test
    void proseEndingInAQuestionMarkIsNotAQuestion() {
        String reply = "Shall I also add a test?\n```java\npackage a;\npublic class A {\n}\n```\n";

        assertInstanceOf(Reply.Code.class, parser.parse(reply));
    }

    @Test
    void aPlanBlockListsPartsAndKeepsTheSharedInterfaces() {
        String reply = """
                ```plan
                {"parts": [{"name": "parser", "responsibility": "parse amounts"},
                           {"name": "formatter", "responsibility": "format amounts"}]}
                ```
                ```java
                package a;
                public interface Amounts {
                }
                ```
                """;

        Reply.Plan plan = assertInstanceOf(Reply.Plan.class, parser.parse(reply));

        assertEquals(2, plan.parts().size());
        assertEquals("formatter", plan.parts().get(1).name());
        assertEquals("a.Amounts", plan.shared().get(0).qualifiedName());
    }

    @Test
    void aMalformedPlanIsNotAPlanAndDoesNotCrash() {
        String reply = "```plan\n{parts: [oops\n```\n```java\npackage a;\npublic class A {\n}\n```\n";

        assertInstanceOf(Reply.Code.class, parser.parse(reply));
    }

    @Test
    void aReplyWithoutCodeIsUnusable() {
        Reply.Unusable unusable = assertInstanceOf(Reply.Unusable.class, parser.parse("I cannot help with that."));

        assertTrue(unusable.reason().contains("no fenced java code block"));
    }

    @Test
    void codeInAnotherLanguageIsUnusableAndSaysWhichLanguage() {
        Reply.Unusable unusable = assertInstanceOf(Reply.Unusable.class,
                parser.parse("```python\ndef add(a, b):\n    return a + b\n```\n"));

        assertTrue(unusable.reason().contains("python"));
    }

    @Test
    void aPackageThatWouldEscapeTheOutputFolderIsRefused() {
        String reply = "```java\npackage ../../etc;\npublic class Evil {\n}\n```\n";

        Reply.Code code = assertInstanceOf(Reply.Code.class, parser.parse(reply));

        assertTrue(code.units().isEmpty());
        assertEquals(Feedback.Stage.EXTRACT, code.problems().get(0).stage());
    }

    @Test
    void twoUnitsDeclaringTheSameTypeAreRefused() {
        String unit = "```java\npackage a;\npublic class A {\n}\n```\n";

        Reply.Code code = assertInstanceOf(Reply.Code.class, parser.parse(unit + unit));

        assertEquals(1, code.units().size());
        assertTrue(code.problems().get(0).message().contains("two files declare a.A"));
    }

    @Test
    void aReplyOverTheSizeBoundIsRefused() {
        String huge = "```java\n" + "x".repeat(ReplyParser.MAX_REPLY_CHARS) + "\n```";

        Reply.Unusable unusable = assertInstanceOf(Reply.Unusable.class, parser.parse(huge));

        assertTrue(unusable.reason().contains("more than the"));
    }

    @Test
    void aJdkPackageIsRefused() {
        Reply.Code code = assertInstanceOf(Reply.Code.class,
                parser.parse("```java\npackage java.util;\npublic class Mine {\n}\n```\n"));

        assertTrue(code.problems().get(0).message().contains("belongs to the JDK"));
    }

    @Test
    void proseWithThreeFencesLabelledAsModelsWriteThemYieldsEveryUnitIncludingTheReSentProjectClass() {
        String reply = """
                Here is the solution. I also included `StringUtils`, which you showed me.

                ```Java
                package game;

                public class Pipe {
                }
                ```

                ```jav
                package game;

                enum Shape { STRAIGHT }
                ```

                ```
                package util;

                public final class StringUtils {
                }
                ```
                Hope this helps.
                """;

        Reply.Code code = assertInstanceOf(Reply.Code.class, new ReplyParser().parse(reply));

        assertTrue(code.problems().isEmpty(), code.problems().toString());
        assertEquals(java.util.List.of("game.Pipe", "game.Shape", "util.StringUtils"),
                code.units().stream().map(CodeUnit::qualifiedName).toList());
    }

    @Test
    void aStubOfAnotherTasksTypeIsKeptForTheBoardToRefuse() {
        String reply = "```java\npackage game;\n\npublic class Wall extends Cell {\n}\n```\n\n"
                + "```java\npackage game;\n\npublic abstract class Cell {\n}\n```\n";

        Reply.Code code = assertInstanceOf(Reply.Code.class, new ReplyParser().parse(reply));

        assertEquals(java.util.List.of("game.Wall", "game.Cell"),
                code.units().stream().map(CodeUnit::qualifiedName).toList());
    }

    @Test
    void aMissingPackageLineIsNamedWhenTheReplyGivesTheFilesPath() {
        String reply = "**src/main/java/game/map/cells/FillableCell.java**\n\n```java\nimport java.util.List;\n\n"
                + "public class FillableCell {\n}\n```\n";

        Reply.Code code = assertInstanceOf(Reply.Code.class, new ReplyParser().parse(reply));

        assertEquals(1, code.problems().size(), code.toString());
        String message = code.problems().get(0).message();
        assertTrue(message.startsWith("src/main/java/game/map/cells/FillableCell.java:1: the file has no package line"),
                message);
        assertTrue(message.contains("`package game.map.cells;`"), message);
    }

    @Test
    void aClassNamedUnlikeTheFileTheReplyNamesIsRefusedNamingBoth() {
        String reply = "```java\n// File: game/Wall.java\npackage game;\n\npublic class Walls {\n}\n```\n";

        Reply.Code code = assertInstanceOf(Reply.Code.class, new ReplyParser().parse(reply));

        assertTrue(code.problems().get(0).message().startsWith("game/Wall.java:1: the file is named Wall.java but"
                + " declares the public class Walls"), code.toString());
    }

    @Test
    void aMissingPackageLineWithoutAPathIsLeftToTheCompileAndAFenceInAnotherLanguageIsNotJava() {
        Reply.Code code = assertInstanceOf(Reply.Code.class, new ReplyParser().parse(
                "```java\npublic class FillableCell {\n}\n```\n```kotlin\nclass Other {\n}\n```\n"));

        assertTrue(code.problems().isEmpty(), code.toString());
        assertEquals("", code.units().get(0).packageName());
        assertEquals(1, code.units().size());
    }
}

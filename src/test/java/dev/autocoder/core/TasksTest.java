package dev.autocoder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.engine.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TasksTest {

    @TempDir
    Path specs;

    @Test
    void everySpecFileIsATaskNamedByItsFileInNameOrder() throws Exception {
        Files.writeString(specs.resolve("b-formatter.md"), "Write a formatter.");
        Files.writeString(specs.resolve("a-parser.md"), "Write a parser.");
        Files.writeString(specs.resolve("notes.txt"), "not a spec");

        List<Task> tasks = Tasks.read(Configs.withSpecs(specs, false));

        assertEquals(List.of("a-parser", "b-formatter"), tasks.stream().map(Task::name).toList());
        assertEquals("Write a parser.", tasks.get(0).description());
    }

    @Test
    void frontMatterGivesContextFilesAndAnswersOnTopOfThePomsAnswers() throws Exception {
        Files.writeString(specs.resolve("money.md"), """
                ---
                context: src/main/java/a/Currency.java, docs/rules.md
                answers:
                  rounding: HALF_EVEN
                ---
                Write Money.
                """);

        Task task = Tasks.read(Configs.withSpecs(specs, false)).get(0);

        assertEquals(List.of("src/main/java/a/Currency.java", "docs/rules.md"), task.contextFiles());
        assertEquals(Map.of("rounding", "HALF_EVEN", "scale", "2"), task.answers());
        assertEquals("Write Money.", task.description());
    }

    @Test
    void anEmptySpecNamesTheFileAndTheParameter() throws Exception {
        Files.writeString(specs.resolve("empty.md"), "---\ncontext: a.txt\n---\n\n");

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> Tasks.read(Configs.withSpecs(specs, false)));

        assertEquals("specDirectory", error.parameter());
        assertTrue(error.getMessage().contains("empty.md is empty"), error.getMessage());
    }

    @Test
    void anExplicitSpecDirectoryThatDoesNotExistIsAnError() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> Tasks.read(Configs.withSpecs(specs.resolve("missing"), true)));

        assertEquals("specDirectory", error.parameter());
        assertTrue(error.getMessage().contains("does not exist"));
    }

    @Test
    void noPromptAndNoDefaultSpecDirectoryMeansNothingToDo() {
        assertEquals(List.of(), Tasks.read(Configs.withSpecs(specs.resolve("missing"), false)));
    }

    @Test
    void anUnknownFrontMatterKeyIsRefusedByName() throws Exception {
        Files.writeString(specs.resolve("x.md"), "---\nmodel: gpt-5\n---\nWrite X.\n");

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> Tasks.read(Configs.withSpecs(specs, false)));

        assertTrue(error.getMessage().contains("unknown front matter key `model`"), error.getMessage());
    }

    @Test
    void anEmptyFrontMatterIsNoFrontMatter() throws Exception {
        Files.writeString(specs.resolve("plain.md"), "---\n---\nWrite Plain.\n");

        Task task = Tasks.read(Configs.withSpecs(specs, false)).get(0);

        assertEquals("Write Plain.", task.description());
        assertEquals(List.of(), task.contextFiles());
    }

    @Test
    void contextFilesMayBeABlockListOrAFlowList() throws Exception {
        Files.writeString(specs.resolve("block.md"), """
                ---
                # shown in full
                context:
                  - src/main/java/a/Currency.java
                  - "docs/rules.md"
                ---
                Write Block.
                """);
        Files.writeString(specs.resolve("flow.md"), "---\ncontext: [a.md, 'b.md']\n---\nWrite Flow.\n");

        List<Task> tasks = Tasks.read(Configs.withSpecs(specs, false));

        assertEquals(List.of("src/main/java/a/Currency.java", "docs/rules.md"), tasks.get(0).contextFiles());
        assertEquals(List.of("a.md", "b.md"), tasks.get(1).contextFiles());
    }

    @Test
    void anUnreadableFrontMatterLineIsNamedByFileAndLine() throws Exception {
        Files.writeString(specs.resolve("typo.md"), "---\nanswers:\n  rounding HALF_EVEN\n---\nWrite Typo.\n");

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> Tasks.read(Configs.withSpecs(specs, false)));

        assertEquals("specDirectory", error.parameter());
        assertTrue(error.getMessage().contains("typo.md line 3: front matter: cannot read `rounding HALF_EVEN`"),
                error.getMessage());
    }

    @Test
    void aFrontMatterThatNeverClosesIsRefused() throws Exception {
        Files.writeString(specs.resolve("open.md"), "---\ncontext: a.md\nWrite Open.\n");

        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> Tasks.read(Configs.withSpecs(specs, false)));

        assertTrue(error.getMessage().contains("open.md line 1: opens front matter"), error.getMessage());
    }
}

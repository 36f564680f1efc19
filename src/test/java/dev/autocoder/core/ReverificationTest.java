package dev.autocoder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.engine.Task;
import dev.autocoder.project.ProjectLayout;
import dev.autocoder.testing.TestBuilds;
import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.Feedback;
import dev.autocoder.verify.InProcessCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reverify=compile: locked code is compiled with the changed project in process, and failures go to their task. */
class ReverificationTest {

    private static final CodeUnit GREETING = new CodeUnit("com.example", "Greeting", """
            package com.example;

            /** Greets. */
            public final class Greeting {
                public String greet(String name) {
                    return Polite.close("Hello, " + name);
                }
            }
            """, false);

    private static final CodeUnit NOTE = new CodeUnit("com.example", "Note", """
            package com.example;

            /** A note. */
            public final class Note {
            }
            """, false);

    private static final Task GREETING_TASK = new Task("greeting", "Write `com.example.Greeting`.");
    private static final Task NOTE_TASK = new Task("note", "Write `com.example.Note`.");

    @TempDir
    Path base;

    private InProcessCompiler compiler(String polite) throws IOException {
        Path main = Files.createDirectories(base.resolve("src/main/java/com/example"));
        Files.writeString(main.resolve("Polite.java"), "package com.example;\n\n/** Polite. */\npublic final class"
                + " Polite {\n    private Polite() {\n    }\n\n    " + polite + "\n}\n");
        ProjectLayout layout = new ProjectLayout(base, "17", List.of(base.resolve("src/main/java")), List.of(),
                List.of(), Map.of(), Optional.empty(), ProjectLayout.CompilerSetup.PLAIN,
                TestBuilds.plain(base, List.of()));
        return new InProcessCompiler(layout, task -> List.of());
    }

    @Test
    void lockedCodeThatStillCompilesPasses() throws IOException {
        InProcessCompiler compiler = compiler("public static String close(String text) {\n        return text + \"!\";\n    }");

        Reverification.Outcome outcome = Reverification.compile(List.of(GREETING_TASK, NOTE_TASK),
                List.of(GREETING_TASK, NOTE_TASK), Map.of("greeting", List.of(GREETING), "note", List.of(NOTE)),
                compiler);

        assertTrue(outcome.results().get(GREETING_TASK).verdict().passed());
        assertTrue(outcome.results().get(NOTE_TASK).verdict().passed());
        assertEquals(List.of(), outcome.notices());
    }

    @Test
    void aChangedSignatureTheLockedCodeCallsFailsOnlyTheTaskWhoseCodeCallsIt() throws IOException {
        InProcessCompiler compiler = compiler("public static String close(String text, String end) {\n"
                + "        return text + end;\n    }");

        Reverification.Outcome outcome = Reverification.compile(List.of(GREETING_TASK, NOTE_TASK),
                List.of(GREETING_TASK, NOTE_TASK), Map.of("greeting", List.of(GREETING), "note", List.of(NOTE)),
                compiler);

        Feedback failure = outcome.results().get(GREETING_TASK).verdict().firstFailure().orElseThrow();
        assertEquals(Feedback.Stage.COMPILE, failure.stage());
        assertTrue(failure.message().startsWith("com/example/Greeting.java:6: method close in class"
                + " com.example.Polite cannot be applied to given types"), failure.message());
        assertTrue(outcome.results().get(NOTE_TASK).verdict().passed());
    }

    @Test
    void aProjectFileThatNamesATasksTypeIsChargedToThatTask() {
        Feedback finding = Feedback.blocking(Feedback.Stage.COMPILE,
                "com/example/Shop.java:3: cannot find symbol (symbol: method wave(), location: class Greeting)");

        assertEquals(java.util.Set.of("greeting"), Reverification.owners(Map.of("greeting", List.of(GREETING),
                "note", List.of(NOTE)), finding));
    }
}

package dev.autocoder.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.model.ChatMessage;
import dev.autocoder.model.TokenUsage;
import dev.autocoder.state.TaskState.Attempt;
import dev.autocoder.state.TaskState.Clarification;
import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.Feedback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateStoreTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private StateStore store() {
        return new StateStore(dir.resolve("default"), warnings::add);
    }

    static TaskState sampleState(String task) {
        TaskState state = new TaskState(task, "fp-1");
        CodeUnit money = new CodeUnit("com.example", "Money", "class Money { /* <b>&</b> */ }", false);
        CodeUnit test = new CodeUnit("com.example", "MoneyTest", "class MoneyTest {}", true);
        state.conversation(List.of(ChatMessage.system("be brief"), ChatMessage.user("write Money"),
                ChatMessage.assistant("```java\nclass Money {}\n```")));
        state.recordModelCall(new TokenUsage(1200, 340), 2500);
        state.addAttempt(new Attempt(1, List.of(money, test),
                List.of(Feedback.blocking(Feedback.Stage.COMPILE, "Money.java:1: cannot find symbol"),
                        Feedback.advice(Feedback.Stage.CHECKSTYLE, "line too long")), false, 800));
        state.addClarification(new Clarification("Which currency?", "EUR",
                Clarification.Source.CONFIGURATION));
        state.addAttempt(new Attempt(2, List.of(money, test), List.of(), true, 900));
        state.verified(List.of(money, test));
        return state;
    }

    @Test
    void savedStateLoadsBackEqualInEveryField() {
        TaskState saved = sampleState("money-utils");

        store().save(saved);
        TaskState loaded = store().load("money-utils", "fp-other");

        assertEquals(saved.task(), loaded.task());
        assertEquals("fp-1", loaded.fingerprint());
        assertEquals(TaskState.Status.VERIFIED, loaded.status());
        assertEquals(saved.conversation(), loaded.conversation());
        assertEquals(saved.attempts(), loaded.attempts());
        assertEquals(saved.clarifications(), loaded.clarifications());
        assertEquals(saved.verifiedUnits(), loaded.verifiedUnits());
        assertEquals(saved.usage(), loaded.usage());
        assertEquals(List.of(1L, 2500L, 1700L),
                List.of(loaded.modelCalls(), loaded.modelMillis(), loaded.verifyMillis()));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void missingStateGivesAFreshOne() {
        TaskState state = store().load("new-task", "fp-9");

        assertEquals("new-task", state.task());
        assertEquals("fp-9", state.fingerprint());
        assertEquals(TaskState.Status.PENDING, state.status());
        assertTrue(state.attempts().isEmpty());
    }

    @Test
    void fieldsMissingFromTheFileLoadAsEmptyListsNotNull() throws IOException {
        Path file = store().fileFor("sparse");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"task\":\"sparse\",\"fingerprint\":\"f\",\"status\":\"FAILED\"}");

        TaskState loaded = store().load("sparse", "f");

        assertEquals(TaskState.Status.FAILED, loaded.status());
        assertEquals(List.of(), loaded.attempts());
        assertEquals(List.of(), loaded.conversation());
        assertEquals(TokenUsage.NONE, loaded.usage());
    }

    @Test
    void corruptStateIsSetAsideWithBothPathsInTheWarningAndTheRunContinues() throws IOException {
        StateStore store = store();
        Path file = store.fileFor("money-utils");
        Files.createDirectories(file.getParent());
        Path earlier = file.resolveSibling("money-utils.corrupt-1.json");
        Files.writeString(earlier, "an earlier casualty");
        Files.writeString(file, "{\"task\": \"money-utils\", \"attempts\": [ {\"number\": ");

        TaskState loaded = store.load("money-utils", "fp-2");

        Path aside = file.resolveSibling("money-utils.corrupt-2.json");
        assertEquals("fp-2", loaded.fingerprint());
        assertTrue(loaded.attempts().isEmpty());
        assertEquals("an earlier casualty", Files.readString(earlier));
        assertTrue(Files.readString(aside).startsWith("{\"task\": \"money-utils\""));
        assertFalse(Files.exists(file));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains(file.toString()), warnings.get(0));
        assertTrue(warnings.get(0).contains(aside.toString()), warnings.get(0));
        store.save(loaded);
        assertEquals("fp-2", store.load("money-utils", "x").fingerprint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"text\"", "{\"task\":\"other-task\"}",
        "{\"task\":\"t\",\"status\":\"PENDING\",\"attempts\":[null]}",
        "{\"task\":\"t\",\"status\":\"LOST\"}",
        "{\"task\":\"t\",\"usage\":{\"inputTokens\":-1,\"outputTokens\":0}}"})
    void unusableContentIsSetAsideAndAFreshStateReturned(String content) throws IOException {
        Path file = store().fileFor("t");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);

        TaskState loaded = store().load("t", "f");

        assertEquals("f", loaded.fingerprint());
        assertTrue(loaded.attempts().isEmpty());
        assertEquals(1, warnings.size());
        assertEquals(content, Files.readString(file.resolveSibling("t.corrupt-1.json")));
    }

    @Test
    void taskNamesWithSlashesStayInsideTheFolderAndDoNotCollide() {
        StateStore store = store();
        Path folder = dir.resolve("default").toAbsolutePath().normalize();

        Path part = store.fileFor("money/part-2");
        Path lookalike = store.fileFor("money_part-2");
        Path traversal = store.fileFor("../../etc/passwd");

        for (Path file : List.of(part, lookalike, traversal)) {
            assertEquals(folder, file.toAbsolutePath().normalize().getParent(), file.toString());
        }
        assertNotEquals(part, lookalike);
        assertEquals("money_part-2.json", lookalike.getFileName().toString());
        assertTrue(part.getFileName().toString().startsWith("money_part-2-"));
        store.save(sampleState("money/part-2"));
        assertEquals("money/part-2", store.load("money/part-2", "f").task());
    }

    @Test
    void retainDeletesTheStatesOfRejectedTasksWithTheirSetAsideCopies() throws IOException {
        StateStore store = store();
        List.of("money", "money/part-1", "loan", "loan/part-1").forEach(task -> store.save(sampleState(task)));
        Path copy = store.fileFor("loan").resolveSibling("loan.corrupt-1.json");
        Files.writeString(copy, "{garbage");
        Path unreadable = store.fileFor("gone");
        Files.writeString(unreadable, "{\"task\": [");

        int deleted = store.retain(task -> task.startsWith("money"));

        assertEquals(2, deleted);
        assertTrue(Files.exists(store.fileFor("money")));
        assertTrue(Files.exists(store.fileFor("money/part-1")));
        assertFalse(Files.exists(store.fileFor("loan")));
        assertFalse(Files.exists(store.fileFor("loan/part-1")));
        assertFalse(Files.exists(copy));
        assertTrue(Files.exists(unreadable), "a file whose task cannot be read is left for load to set aside");
    }

    @Test
    void concurrentSavesOfDifferentTasksAllLand() throws Exception {
        StateStore store = store();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                TaskState state = sampleState("task-" + (i % 8));
                saves.add(pool.submit(() -> store.save(state)));
            }
            for (Future<?> save : saves) {
                save.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }

        try (Stream<Path> files = Files.list(dir.resolve("default"))) {
            assertEquals(8, files.count());
        }
        assertEquals(2, store.load("task-3", "f").attempts().size());
    }
}

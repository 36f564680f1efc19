package dev.autocoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.model.ApiKey;
import dev.autocoder.model.ChatMessage;
import dev.autocoder.model.ModelException;
import dev.autocoder.model.ModelSettings;
import dev.autocoder.model.LangChain4jChatPort;
import dev.autocoder.model.TokenCounter;
import dev.autocoder.project.ProjectLayout;
import dev.autocoder.state.TaskState;
import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import dev.autocoder.testing.InMemoryWorkspace;
import dev.autocoder.verify.Candidate;
import dev.autocoder.verify.CandidateBoard;
import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.Feedback;
import dev.autocoder.verify.InProcessCompiler;
import dev.autocoder.verify.StaticChecks;
import dev.autocoder.verify.Verdict;
import dev.autocoder.verify.Verifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine against a scripted model over real HTTP, with the real static checks and compiler. */
class EngineTest {

    private static final String REVIEW = "You review Java code";
    private static final String PASS = "{\"complete\": true, \"feedback\": \"\"}";
    private static final TokenCounter COUNTER = TokenCounter.forModel("test-model");

    @TempDir
    Path project;

    private FakeOpenAiServer server;
    private final Map<String, TaskState> states = new ConcurrentHashMap<>();
    private int maxPromptTokens = 100_000;
    private String context = "";
    private final AtomicInteger fastChecks = new AtomicInteger();
    private Duration maxWait = Engine.Settings.DEFAULT_MAX_WAIT;
    /** One task at a time unless a test needs two at once: a task waiting for another's type must hand its slot over. */
    private int parallelism = 1;
    /** The sub-build's verdict, from the board as it stands and the candidate. */
    private java.util.function.BiFunction<CandidateBoard, Candidate, Verdict> buildCheck = (board, candidate) ->
            Verdict.PASSED;
    /** The in-process stages of the last run: what a sub-build finds too when no generator of the build writes a type. */
    private Verifier inProcess;
    private Engine engine;
    private final List<String> details = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Engine.Workspace workspace;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void questionsAreAnsweredFromTheConfigurationBeforeCodeIsWritten() throws Exception {
        Task task = new Task("calc", "Write calc.Calc.", Map.of("rounding", "HALF_EVEN"), List.of());

        Engine.Result result = run(List.of(task), 10, 10,
                Rule.reply(PASS).whenContains(REVIEW),
                Rule.reply(java("calc", "Calc", "public int one() { return 1; }")).whenContains("Answers to your questions"),
                Rule.reply("```questions\n[rounding] Which rounding mode?\n```").whenContains("Task `calc`"));

        assertTrue(result.allVerified());
        assertTrue(server.requests().get(1).messagesText().contains("HALF_EVEN"));
        TaskState state = result.tasks().get(0);
        assertEquals(TaskState.Clarification.Source.CONFIGURATION, state.clarifications().get(0).source());
        assertEquals(1, state.attempts().size());
    }

    @Test
    void aCompileErrorIsFedBackAndTheFixIsVerified() throws Exception {
        Engine.Result result = run(List.of(new Task("calc", "Write calc.Calc.")), 10, 10,
                Rule.reply(PASS).whenContains(REVIEW),
                Rule.reply(java("calc", "Calc", "public int one() { return 1; }")).whenContains("Verification failed"),
                Rule.reply(java("calc", "Calc", "public int one() { return missing; }")));

        TaskState state = result.tasks().get(0);
        assertTrue(result.allVerified());
        assertEquals(2, state.attempts().size());
        assertEquals(Feedback.Stage.COMPILE, state.attempts().get(0).feedback().get(0).stage());
        String refinement = server.requests().get(1).messagesText();
        assertTrue(refinement.contains("calc/Calc.java:"), refinement);
        assertTrue(refinement.contains("missing"), refinement);
    }

    @Test
    void aPlaceholderReplyIsRejectedBeforeAnyCompile() throws Exception {
        Engine.Result result = run(List.of(new Task("calc", "Write calc.Calc.")), 10, 10,
                Rule.reply(PASS).whenContains(REVIEW),
                Rule.reply(java("calc", "Calc", "public int one() { return 1; }")).whenContains("Verification failed"),
                Rule.reply(java("calc", "Calc", "public int one() {\n        // ...\n    }")));

        TaskState state = result.tasks().get(0);
        assertTrue(result.allVerified());
        assertEquals(Feedback.Stage.STATIC, state.attempts().get(0).feedback().get(0).stage());
    }

    @Test
    void anUnreadableReviewIsAskedOnceMoreAndThenCounts() throws Exception {
        Engine.Result result = run(List.of(new Task("calc", "Write calc.Calc.")), 10, 10,
                Rule.reply(PASS).whenContains("That was not the JSON asked for"),
                Rule.reply("Looks complete to me!").whenContains(REVIEW),
                Rule.reply(java("calc", "Calc", "public int one() { return 1; }")));

        assertTrue(result.allVerified());
        assertEquals(3, server.requestCount());
    }

    @Test
    void aReviewThatStaysUnreadableIsNeverAPass() throws Exception {
        Engine.Result result = run(List.of(new Task("calc", "Write calc.Calc.")), 2, 10,
                Rule.reply("Looks complete to me!").whenContains(REVIEW).always(),
                Rule.reply(java("calc", "Calc", "public int one() { return 1; }")).always());

        TaskState state = result.tasks().get(0);
        assertFalse(result.allVerified());
        assertEquals(TaskState.Status.FAILED, state.status());
        Feedback finding = state.attempts().get(0).feedback().get(0);
        assertEquals(Feedback.Stage.REVIEW, finding.stage());
        assertTrue(finding.message().contains("could not be read"));
    }

    @Test
    void aStuckLoopIsToldToChangeCourseAndTheBudgetDecidesTheEnd() throws Exception {
        Engine.Result result = run(List.of(new Task("calc", "Write calc.Calc.")), 5, 20,
                Rule.reply(java("calc", "Calc", "public int one() { return missing; }")).always());

        TaskState state = result.tasks().get(0);
        assertEquals(TaskState.Status.FAILED, state.status());
        assertEquals(5, state.attempts().size(), "the same failure again does not end the task before maxDepth");
        assertEquals(5, server.requestCount());
        assertTrue(state.failure().startsWith("stuck: attempts 1 to 5 failed the same way"), state.failure());
        assertFalse(lastUserMessage(1).contains("take a different approach"));
        String stuck = lastUserMessage(2);
        assertTrue(stuck.contains("Your last 2 attempts failed the same way: [compile] calc/Calc.java:"), stuck);
        assertTrue(stuck.contains("take a different approach"), stuck);
    }

    @Test
    void aModelThatChangesCourseOnItsFourthTryVerifies() throws Exception {
        Engine.Result result = run(List.of(new Task("calc", "Write calc.Calc.")), 6, 20,
                Rule.reply(PASS).whenContains(REVIEW),
                Rule.reply(java("calc", "Calc", "public int one() { return 1; }")).whenContains("Your last 3 attempts"),
                Rule.reply(java("calc", "Calc", "public int one() { return missing; }")).always());

        TaskState state = result.tasks().get(0);
        assertTrue(result.allVerified(), failures(result));
        assertEquals(4, state.attempts().size());
    }

    @Test
    void aReplyInProseWithThreeFencesKeepsItsOwnTypesAndLeavesOutTheProjectClassItReSent() throws Exception {
        Path utils = project.resolve("src/main/java/util/StringUtils.java");
        Files.createDirectories(utils.getParent());
        Files.writeString(utils, "package util;\n\npublic final class StringUtils {\n    public static String pad(String s) {\n"
                + "        return \" \" + s;\n    }\n}\n");
        String reply = """
                Sure! Here is the `Pipe` class, with a small helper enum it needs.

                ```Java
                package game;

                import util.StringUtils;

                public class Pipe {
                    private final Shape shape = Shape.STRAIGHT;

                    public String label() {
                        return StringUtils.pad(shape.name());
                    }
                }
                ```

                The helper:

                ```jav
                package game;

                public enum Shape { STRAIGHT, BENT }
                ```

                For reference, `StringUtils` as you showed it, with a small addition:

                ```
                package util;

                public final class StringUtils {
                    public static String pad(String s) {
                        return " " + s;
                    }

                    public static String shout(String s) {
                        return s.toUpperCase();
                    }
                }
                ```

                Let me know if you need anything else!
                """;

        Engine.Result result = run(List.of(new Task("pipe", "Write game.Pipe.")), 5, 10,
                Rule.reply(PASS).whenContains(REVIEW),
                Rule.reply(reply).whenContains("Task `pipe`"));

        assertTrue(result.allVerified(), failures(result));
        assertEquals(List.of("game.Pipe", "game.Shape"),
                result.tasks().get(0).verifiedUnits().stream().map(u -> u.qualifiedName()).toList());
        assertEquals(2, server.requestCount(), "one reply and its review: leaving the copy out costs no request");
        assertTrue(details.stream().anyMatch(d -> d.contains("left out util.StringUtils")), details.toString());
        assertTrue(Files.readString(utils).contains("pad") && !Files.readString(utils).contains("shout"));
    }

    @Test
    void aReplyThatNeedsItsChangeToAProjectClassIsToldOnceThatItMayNotChangeIt() throws Exception {
        Path utils = project.resolve("src/main/java/util/StringUtils.java");
        Files.createDirectories(utils.getParent());
        Files.writeString(utils, "package util;\n\npublic final class StringUtils {\n}\n");
        String needsShout = java("game", "Pipe", "public String label() { return util.StringUtils.shout(\"p\"); }")
                + "\n```java\npackage util;\n\npublic final class StringUtils {\n    public static String shout(String s) {"
                + "\n        return s;\n    }\n}\n```\n";

        Engine.Result result = run(List.of(new Task("pipe", "Write game.Pipe.")), 3, 10,
                Rule.reply(PASS).whenContains(REVIEW),
                Rule.reply(java("game", "Pipe", "public String label() { return \"p\"; }"))
                        .whenContains("you may not change it"),
                Rule.reply(needsShout).whenContains("Task `pipe`"));

        assertTrue(result.allVerified(), failures(result));
        String told = lastUserMessage(1);
        assertTrue(told.contains("util.StringUtils is the project's own type and you may not change it"), told);
        assertTrue(told.contains("game/Pipe.java:"), told);
    }

    @Test
    void threeTasksWhereOneExtendsAnothersClassAndTheThirdUsesBothSpendNoRequestOnAMissingSupertype()
            throws Exception {
        String cell = "```java\npackage game.cells;\n\npublic abstract class Cell {\n    public abstract boolean fillable();\n\n"
                + "    public int position() {\n        return 0;\n    }\n}\n```\n";
        String wall = "```java\npackage game.cells;\n\npublic class Wall extends Cell {\n    public Wall(int row) {\n"
                + "    }\n\n    @Override\n    public boolean fillable() {\n        return false;\n    }\n\n"
                + "    public int row() {\n        return position();\n    }\n}\n```\n";
        String game = "```java\npackage game;\n\nimport game.cells.Cell;\nimport game.cells.Wall;\nimport java.util.*;\n\n"
                + "public class Game {\n    private final List<Cell> cells = new ArrayList<>();\n\n    public boolean add() {\n"
                + "        Cell cell = new Wall(3);\n        cells.add(cell);\n        return cell.fillable();\n    }\n}\n```\n";

        Engine.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(
                List.of(new Task("game", "Write game.Game."), new Task("wall", "Write game.cells.Wall."),
                        new Task("cell", "Write game.cells.Cell.")), 5, 10,
                Rule.reply(PASS).whenContains(REVIEW).always(),
                Rule.reply(game).whenContains("Task `game`").always(),
                Rule.reply(wall).whenContains("Task `wall`").always(),
                Rule.reply(cell).whenContains("Task `cell`").always()));

        assertTrue(result.allVerified(), failures(result));
        assertEquals(List.of(1, 1, 1), result.tasks().stream().map(state -> state.attempts().size()).toList());
        assertTrue(server.requests().stream().noneMatch(request -> request.messagesText().contains("Verification failed")),
                "no request was spent on an error caused by a missing supertype");
        assertEquals(6, server.requestCount(), "three replies, three reviews");
    }

    /** The last user message of a request, as the model read it. */
    private String lastUserMessage(int request) {
        List<String> contents = server.requests().get(request).contents();
        return contents.get(contents.size() - 1);
    }

    @Test
    void aPlanIsBuiltPartByPartAndVerifiedTogether() throws Exception {
        String plan = """
                ```plan
                {"parts": [{"name": "adder", "responsibility": "calc.Adder implements calc.Op"},
                           {"name": "doubler", "responsibility": "calc.Doubler implements calc.Op"}]}
                ```
                """ + java("calc", "Op", "int apply(int x);").replace("public final class Op", "public interface Op");

        Engine.Result result = run(List.of(new Task("calc", "Write calc operations.")), 10, 10,
                Rule.reply(PASS).whenContains(REVIEW),
                Rule.reply(java("calc", "Adder implements Op", "public int apply(int x) { return x + 1; }"))
                        .whenContains("This is part `adder`"),
                Rule.reply(java("calc", "Doubler implements Op", "public int apply(int x) { return 2 * x; }"))
                        .whenContains("This is part `doubler`"),
                Rule.reply(plan).whenContains("Task `calc`"));

        assertTrue(result.allVerified());
        List<String> types = result.tasks().get(0).verifiedUnits().stream().map(u -> u.qualifiedName()).sorted().toList();
        assertEquals(List.of("calc.Adder", "calc.Doubler", "calc.Op"), types);
        assertEquals(4, server.requestCount(), "plan, two parts, one review");
        assertEquals(TaskState.Status.VERIFIED, states.get("calc/adder").status());
    }

    @Test
    void aReplyCutOffAtTheLengthLimitIsNeverCompiled() throws Exception {
        Engine.Result result = run(List.of(new Task("calc", "Write calc.Calc.")), 10, 10,
                Rule.reply(PASS).whenContains(REVIEW),
                Rule.reply(java("calc", "Calc", "public int one() { return 1; }")).whenContains("cut off"),
                Rule.reply(java("calc", "Calc", "public int one() { return 1; }")).finishReason("length"));

        TaskState state = result.tasks().get(0);
        assertTrue(result.allVerified());
        assertEquals(Feedback.Stage.EXTRACT, state.attempts().get(0).feedback().get(0).stage());
        assertTrue(state.attempts().get(0).feedback().get(0).message().contains("cut off"));
    }

    @Test
    void aRefusalIsFedBackAsAnUnusableReplyNotCompiled() throws Exception {
        Engine.Result result = run(List.of(new Task("calc", "Write calc.Calc.")), 10, 10,
                Rule.reply(PASS).whenContains(REVIEW),
                Rule.reply(java("calc", "Calc", "public int one() { return 1; }")).whenContains("content filter"),
                Rule.reply("I can't help with that.").finishReason("content_filter"));

        TaskState state = result.tasks().get(0);
        assertTrue(result.allVerified());
        assertTrue(state.attempts().get(0).feedback().get(0).message().contains("content filter"));
    }

    @Test
    void everyRequestStaysWithinTheSlidingWindowAndUsageIsCounted() throws Exception {
        Engine.Result result = run(List.of(new Task("calc", "Write calc.Calc.")), 6, 4,
                Rule.reply(java("calc", "Calc", "public int one() { return a; }")).times(1),
                Rule.reply(java("calc", "Calc", "public int one() { return b; }")).times(1),
                Rule.reply(java("calc", "Calc", "public int one() { return c; }")).times(1),
                Rule.reply(java("calc", "Calc", "public int one() { return d; }")).times(1),
                Rule.reply(java("calc", "Calc", "public int one() { return e; }")).times(1),
                Rule.reply(java("calc", "Calc", "public int one() { return f; }")).times(1));

        for (FakeOpenAiServer.Recorded request : server.requests()) {
            assertTrue(request.json().getAsJsonArray("messages").size() <= 4, request.body());
        }
        TaskState state = result.tasks().get(0);
        assertEquals(6, state.modelCalls());
        assertTrue(state.usage().inputTokens() > 0 && state.usage().outputTokens() > 0);
    }

    @Test
    void tokenUsageIsWhatTheServerCountedFromTheRequestsAndReplies() throws Exception {
        String code = java("calc", "Calc", "public int one() { return 1; }");
        Engine.Result result = run(List.of(new Task("calc", "Write calc.Calc.")), 10, 10,
                Rule.reply(PASS).whenContains(REVIEW),
                Rule.reply(code).whenContains("Verification failed"),
                Rule.reply(java("calc", "Calc", "public int one() { return missing; }")));

        TaskState state = result.tasks().get(0);
        assertEquals(server.requests().stream().mapToLong(FakeOpenAiServer.Recorded::promptTokens).sum(),
                state.usage().inputTokens());
        assertEquals(FakeOpenAiServer.tokens(java("calc", "Calc", "public int one() { return missing; }"))
                + FakeOpenAiServer.tokens(code) + FakeOpenAiServer.tokens(PASS), state.usage().outputTokens());
        List<String> first = server.requests().get(0).contents();
        assertEquals(FakeOpenAiServer.tokens(first.get(0)) + FakeOpenAiServer.tokens(first.get(1))
                + 2 * FakeOpenAiServer.MESSAGE_OVERHEAD, state.usage().cachedInputTokens(),
                "the refinement request repeats the system prompt and the task: a cacheable prefix");
    }

    @Test
    void aTaskWithALargeContextAndLongHistoryVerifiesAgainstAServerThatRefusesLongPrompts() throws Exception {
        StringBuilder sections = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            sections.append("### Signatures of src/main/java/calc/Part").append(i).append(".java\n```java\n")
                    .append(("public int part" + i + "(String name);\n").repeat(40)).append("```\n\n");
        }
        context = sections.toString();
        maxPromptTokens = 6_000;
        int serverLimit = 3_000;
        Rule[] wrongTwice = new Rule[5];
        for (int i = 0; i < wrongTwice.length; i++) {
            wrongTwice[i] = Rule.reply(java("calc", "Calc", "public int one() { return missing" + i + "; }")
                    + "// padding\n".repeat(150));
        }
        List<Rule> rules = new ArrayList<>(List.of(Rule.contextLimit(serverLimit),
                Rule.reply(PASS).whenContains(REVIEW),
                Rule.reply(java("calc", "Calc", "public int one() { return 1; }")).whenContains("missing4")));
        rules.addAll(List.of(wrongTwice));

        Engine.Result result = run(List.of(new Task("calc", "Write calc.Calc.")), 10, 20, rules.toArray(Rule[]::new));

        assertTrue(result.allVerified(), String.valueOf(result.tasks().get(0).failure()));
        assertEquals(6, result.tasks().get(0).attempts().size());
        for (FakeOpenAiServer.Recorded request : server.requests()) {
            int ours = COUNTER.count(request.contents().stream().map(ChatMessage::user).toList());
            assertTrue(ours <= maxPromptTokens, "a request of " + ours + " tokens went out");
        }
        assertTrue(server.requests().stream().anyMatch(request -> request.promptTokens() > serverLimit),
                "the server never refused, so nothing was tested");
    }

    @Test
    void aSpecTooLargeForTheBoundFailsOnlyItsTaskNamingItsSize() throws Exception {
        maxPromptTokens = 1_000;
        Task huge = new Task("huge", "Write huge.Huge: " + "one more requirement, ".repeat(800));
        Task calc = new Task("calc", "Write calc.Calc.");

        Engine.Result result = run(List.of(huge, calc), 10, 10,
                Rule.reply(PASS).whenContains(REVIEW),
                Rule.reply(java("calc", "Calc", "public int one() { return 1; }")).whenContains("Task `calc`"));

        assertTrue(result.abort().isEmpty(), "an overlong spec must not stop the run");
        assertEquals(TaskState.Status.VERIFIED, result.tasks().get(1).status());
        TaskState failed = result.tasks().get(0);
        assertEquals(TaskState.Status.FAILED, failed.status());
        assertTrue(failed.failure().matches("the spec of task huge alone, with the system prompt, takes [\\d,]+ prompt"
                + " tokens \\([\\d,]+ characters\\), more than maxPromptTokens \\(1,000\\).*"), failed.failure());
    }

    @Test
    void aRejectedKeyStopsTheRunWithAnAbort() throws Exception {
        Engine.Result result = run(List.of(new Task("calc", "Write calc.Calc.")), 10, 10,
                Rule.status(401, "{\"error\": {\"message\": \"bad key\"}}").always());

        assertEquals(ModelException.Kind.AUTHENTICATION, result.abort().orElseThrow().kind());
        assertEquals(1, server.requestCount());
    }

    @Test
    void tasksThatTheProjectsOwnCodeNeedsTogetherVerifyWithoutFeedbackAboutEachOther() throws Exception {
        handWritten("a.A.one() + b.B.two()");

        Engine.Result result = run(List.of(new Task("a", "Write a.A."), new Task("b", "Write b.B.")), 10, 10,
                Rule.reply(PASS).whenContains(REVIEW).always(),
                Rule.reply(java("a", "A", "public static int one() { return 1; }")).whenContains("Task `a`"),
                Rule.reply(java("b", "B", "public static int two() { return 2; }")).whenContains("Task `b`"));

        assertTrue(result.allVerified(), failures(result));
        assertEquals(List.of(1, 1), result.tasks().stream().map(state -> state.attempts().size()).toList());
        assertTrue(server.requests().stream().noneMatch(request -> request.messagesText().contains("Verification failed")),
                "no task was told about the other's missing type");
    }

    @Test
    void aPartThatUsesItsSiblingsClassWaitsForItInsteadOfBeingToldItIsMissing() throws Exception {
        String plan = "```plan\n{\"parts\": [{\"name\": \"calc\", \"responsibility\": \"rpn.Calc on rpn.Stack\"},"
                + " {\"name\": \"stack\", \"responsibility\": \"rpn.Stack of ints\"}]}\n```\n";

        Engine.Result result = run(List.of(new Task("rpn", "Write an RPN calculator.")), 10, 10,
                Rule.reply(PASS).whenContains(REVIEW),
                Rule.reply(java("rpn", "Calc", "public int top(Stack s) { return s.peek(); }")).whenContains("part `calc`"),
                Rule.reply(java("rpn", "Stack", "public int peek() { return 0; }")).whenContains("part `stack`"),
                Rule.reply(plan).whenContains("Task `rpn`"));

        assertTrue(result.allVerified(), failures(result));
        assertEquals(1, states.get("rpn/calc").attempts().size(), states.get("rpn/calc").attempts().toString());
        assertTrue(server.requests().stream().noneMatch(request -> request.messagesText().contains("Verification failed")),
                "the calculator part was never told that Stack is missing");
    }

    @Test
    void aTypeNobodyIsWritingIsTheModelsToFixOnceNoOtherTaskCouldWriteIt() throws Exception {
        Engine.Result result = run(List.of(new Task("calc", "Write calc.Calc.")), 10, 10,
                Rule.reply(PASS).whenContains(REVIEW),
                Rule.reply(java("calc", "Calc", "public int one() { return 1; }")).whenContains("Verification failed"),
                Rule.reply(java("calc", "Calc", "public int one() { return new Helper().one(); }")));

        assertTrue(result.allVerified());
        assertEquals(2, result.tasks().get(0).attempts().size());
        String refinement = server.requests().get(1).messagesText();
        assertTrue(refinement.contains("no other task or part is writing this type"), refinement);
    }

    @Test
    void aTaskTheFinalCheckChargesGoesOnInItsConversationWithTheFailureAndKeepsCountingItsAttempts() throws Exception {
        Task task = new Task("calc", "Write calc.Calc.");
        run(List.of(task), 3, 10,
                Rule.reply(PASS).whenContains(REVIEW).always(),
                Rule.reply(java("calc", "Calc", "public int one() { return 1; }")).whenContains("whole test suite"),
                Rule.reply(java("calc", "Calc", "public int one() { return 2; }")));
        Feedback charged = Feedback.blocking(Feedback.Stage.TEST, "InvoiceTest.countsOne: expected: <1> but was: <2>");

        Engine.Result reworked = engine.rework(List.of(task), Map.of("calc", List.of(charged)), workspace);

        assertTrue(reworked.allVerified(), reworked.tasks().get(0).failure());
        TaskState state = reworked.tasks().get(0);
        assertEquals(List.of(1, 2), state.attempts().stream().map(TaskState.Attempt::number).toList());
        assertTrue(state.verifiedUnits().get(0).source().contains("return 1;"), state.verifiedUnits().toString());
        String again = server.requests().stream().map(FakeOpenAiServer.Recorded::messagesText)
                .filter(text -> text.contains("whole test suite")).findFirst().orElseThrow();
        assertTrue(again.contains("expected: <1> but was: <2>") && again.contains("return 2;"),
                "the conversation goes on from the verified code with the charged failure: " + again);
    }

    @Test
    void aChargedTaskWhoseAttemptBudgetIsSpentFailsWithoutAnotherRequest() throws Exception {
        Task task = new Task("calc", "Write calc.Calc.");
        run(List.of(task), 1, 10,
                Rule.reply(PASS).whenContains(REVIEW).always(),
                Rule.reply(java("calc", "Calc", "public int one() { return 2; }")).always());
        int requests = server.requestCount();

        Engine.Result reworked = engine.rework(List.of(task), Map.of("calc", List.of(
                Feedback.blocking(Feedback.Stage.TEST, "InvoiceTest.countsOne: expected: <1> but was: <2>"))), workspace);

        assertFalse(reworked.allVerified());
        assertTrue(reworked.tasks().get(0).failure().contains("attempt budget is spent"), reworked.tasks().get(0).failure());
        assertEquals(requests, server.requestCount(), "no request once the budget is spent");
    }

    @Test
    void theProjectsOwnFindingsNeverReachTheModelsFeedback() {
        List<Feedback> feedback = TaskBuilder.bounded(List.of(
                Feedback.blocking(Feedback.Stage.TEST, "MoneyTest.adds: expected: <3> but was: <4>"),
                Feedback.advice(Feedback.Stage.PROJECT, "the project's test HolidayTest.loads fails without the code too"),
                Feedback.blocking(Feedback.Stage.WAITING, "Shop.java:3: cannot find symbol")));

        assertEquals(List.of("[test] MoneyTest.adds: expected: <3> but was: <4>"),
                feedback.stream().map(Feedback::toString).toList());
    }

    /** A's wrong code, as its sub-build sees it: a test that needs both tasks' code fails because of it. */
    private static boolean wrongA(List<CodeUnit> units) {
        return units.stream().anyMatch(unit -> unit.typeName().equals("A") && unit.source().contains("return 2;"));
    }

    private static final String SHOP_TEST_FAILS = "ShopTest.total: expected: <2> but was: <3>";

    /** Task a answers wrong first and right once it gets feedback; b builds on a and is always right. */
    private Engine.Result runAWrongThenRightAndB() {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(
                List.of(new Task("a", "Write a.A."), new Task("b", "Write b.B.")), 4, 10,
                Rule.reply(PASS).whenContains(REVIEW).always(),
                Rule.reply(java("b", "B", "public static int two() { return a.A.one() + 1; }"))
                        .whenContains("Task `b`").always(),
                Rule.reply(java("a", "A", "public static int one() { return 1; }")).whenContains("Verification failed")
                        .always(),
                Rule.reply(java("a", "A", "public static int one() { return 2; }")).whenContains("Task `a`").always()));
    }

    @Test
    void aTaskWhoseTestFailsJustTheSameWithoutItsBehaviourWaitsForTheOtherTaskAndIsNeverSentTheFailure()
            throws Exception {
        bSeesWrongAFirst((board, candidate) -> {
            if (candidate.taskName().equals("a")) {
                return wrongA(candidate.units()) ? new Verdict(List.of(Feedback.blocking(Feedback.Stage.TEST,
                        SHOP_TEST_FAILS))) : Verdict.PASSED;
            }
            return wrongA(board.others("b")) ? new Verdict(List.of(Feedback.blocking(Feedback.Stage.WAITING,
                    Feedback.FAILS_WHATEVER_IT_DOES + SHOP_TEST_FAILS))) : Verdict.PASSED;
        });

        assertBWaitedForA(runAWrongThenRightAndB(), "ShopTest");
    }

    /**
     * Runs a and b at once with {@code check} as their build check, where a's wrong code is checked
     * only once b's check has seen it on the board: so b certainly checks with a's wrong code and
     * has to wait, where one task at a time would verify a before b starts.
     */
    private void bSeesWrongAFirst(java.util.function.BiFunction<CandidateBoard, Candidate, Verdict> check) {
        parallelism = 2;
        buildCheck = (board, candidate) -> {
            if (candidate.taskName().equals("b") && wrongA(board.others("b"))) {
                bSawWrongA.countDown();
            } else if (candidate.taskName().equals("a") && wrongA(candidate.units())) {
                try {
                    bSawWrongA.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return check.apply(board, candidate);
        };
    }

    private final java.util.concurrent.CountDownLatch bSawWrongA = new java.util.concurrent.CountDownLatch(1);

    /**
     * All verified, a in two attempts and b in one, b checked with a's wrong code, and b never sent
     * {@code notSent}, which was a's to fix.
     */
    private void assertBWaitedForA(Engine.Result result, String notSent) {
        assertTrue(result.allVerified(), failures(result));
        assertEquals(0, bSawWrongA.getCount(), "b's build check ran with a's wrong code");
        assertEquals(List.of(2, 1), result.tasks().stream().map(state -> state.attempts().size()).toList());
        List<String> toB = server.requests().stream().map(FakeOpenAiServer.Recorded::messagesText)
                .filter(text -> text.contains("Task `b`") && !text.contains(REVIEW)).toList();
        assertEquals(1, toB.size(), "b asked the model once: " + toB);
        assertFalse(toB.get(0).contains(notSent), toB.get(0));
    }

    /**
     * A round's module stopped at a gate on a's file (as spring-javaformat's validate stopped
     * PetClinic's): b's tests never ran, so b waits for a's next candidate and is checked again
     * with it, and is never sent a's gate failure nor called the project's failure.
     */
    @Test
    void aTaskWhoseModuleAnotherTasksFileStoppedAtAGateWaitsForThatCodeAndIsNeverSentIt() throws Exception {
        String gate = "a/A.java:3 [LineLength] Line is longer than 120 characters";
        bSeesWrongAFirst((board, candidate) -> {
            if (candidate.taskName().equals("a")) {
                return wrongA(candidate.units()) ? new Verdict(List.of(Feedback.blocking(Feedback.Stage.CHECKSTYLE,
                        gate))) : Verdict.PASSED;
            }
            return wrongA(board.others("b")) ? new Verdict(List.of(Feedback.blocking(Feedback.Stage.WAITING,
                    Feedback.OTHERS_FAIL_A_GATE + ", so no test ran: " + gate))) : Verdict.PASSED;
        });

        assertBWaitedForA(runAWrongThenRightAndB(), "LineLength");
    }

    @Test
    void tasksThatAllWaitOnTheSameFailingTestAreEachSentItWithWhatTheirStubsCouldNotTakeOut() throws Exception {
        assertAllWaitingTakeTurns(Feedback.FAILS_WHATEVER_IT_DOES, " (it fails the same way when this code's methods only throw");
    }

    /** As sent by a round whose shared module ran a test on both tasks' code, sending it to one of them first. */
    @Test
    void tasksThatAllWaitForAnotherToBeSentAFailingTestFirstTakeTurnsAtIt() throws Exception {
        assertAllWaitingTakeTurns(Feedback.ANOTHER_IS_SENT_IT_FIRST, " (it runs this code and other tasks' code");
    }

    /**
     * Both tasks wait with {@code wait} on a test that fails while a is wrong: one of them is told
     * that nobody else will change the code, and a is sent the failure with {@code told}, without the
     * wait's own wording, and both verify.
     */
    private void assertAllWaitingTakeTurns(String wait, String told) {
        buildCheck = (board, candidate) -> wrongA(candidate.taskName().equals("a") ? candidate.units()
                : board.others(candidate.taskName())) ? new Verdict(List.of(Feedback.blocking(Feedback.Stage.WAITING,
                        wait + SHOP_TEST_FAILS))) : Verdict.PASSED;

        Engine.Result result = runAWrongThenRightAndB();

        assertTrue(result.allVerified(), failures(result));
        String toA = server.requests().stream().map(FakeOpenAiServer.Recorded::messagesText)
                .filter(text -> text.contains("Task `a`") && text.contains("Verification failed")).findFirst()
                .orElseThrow();
        assertTrue(toA.contains(SHOP_TEST_FAILS + told), toA);
        assertFalse(toA.contains(wait), "the wait's own wording stays out: " + toA);
    }

    @Test
    void aTypeTheProjectsBuildGeneratesIsLeftToTheSubBuildAndNeverSentToTheModel() throws Exception {
        // app.Hand needs a.A, b.B and the build's own gen.Version, which a generator bound before
        // compile writes (Gson's templated GsonBuildConfig): javac in process never sees it.
        handWritten("a.A.one() + b.B.two() + gen.Version.MAJOR");
        parallelism = 2;
        List<String> built = new java.util.concurrent.CopyOnWriteArrayList<>();
        buildCheck = (board, candidate) -> {
            built.add(candidate.taskName());
            return Verdict.PASSED;
        };

        Engine.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(
                List.of(new Task("a", "Write a.A."), new Task("b", "Write b.B.")), 4, 10,
                Rule.reply(PASS).whenContains(REVIEW).always(),
                Rule.reply(java("a", "A", "public static int one() { return 1; }")).whenContains("Task `a`").always(),
                Rule.reply(java("b", "B", "public static int two() { return 2; }")).whenContains("Task `b`").always()));

        assertTrue(result.allVerified(), failures(result));
        assertEquals(List.of(1, 1), result.tasks().stream().map(state -> state.attempts().size()).toList());
        assertEquals(Set.of("a", "b"), Set.copyOf(built), "both went on to the sub-build");
        assertTrue(server.requests().stream().noneMatch(request -> request.messagesText().contains("Verification failed")),
                "no model call was spent on the generated type");
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("autocoder: app/Hand.java:5 needs package gen, which no task writes;"),
                notices.get(0));
    }

    @Test
    void tasksThatWaitForATypeNobodyWritesEndInsteadOfWakingEachOtherForever() throws Exception {
        handWritten("a.A.one() + b.B.two() + c.C.three()");
        // The sub-build misses c.C too: no generator of the build writes it.
        buildCheck = (board, candidate) -> inProcess.verify(candidate);

        Engine.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(
                List.of(new Task("a", "Write a.A."), new Task("b", "Write b.B.")), 4, 10,
                Rule.reply(PASS).whenContains(REVIEW).always(),
                Rule.reply(java("a", "A", "public static int one() { return 1; }")).whenContains("Task `a`").always(),
                Rule.reply(java("b", "B", "public static int two() { return 2; }")).whenContains("Task `b`").always()));

        for (TaskState state : result.tasks()) {
            assertEquals(TaskState.Status.FAILED, state.status(), state.task());
            assertTrue(state.failure().contains("(no other task or part is writing this type)"), state.failure());
            String last = state.attempts().get(state.attempts().size() - 1).feedback().toString();
            assertTrue(last.contains("package c does not exist (no other task or part is writing this type)"), last);
        }
        assertTrue(fastChecks.get() <= 20, "the fast checks ran " + fastChecks.get() + " times: a wait spun");
    }

    @Test
    void twoTasksThatNeedEachOthersTypesConvergeInsteadOfWaitingForEachOther() throws Exception {
        Engine.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(
                List.of(new Task("a", "Write a.A."), new Task("b", "Write b.B.")), 10, 10,
                Rule.reply(PASS).whenContains(REVIEW).always(),
                Rule.reply(java("a", "A", "public static int one() { return b.B.two() - 1; }"))
                        .whenContains("Task `a`").always(),
                Rule.reply(java("b", "B", "public static int two() { return 2; }\n    static int three() {"
                        + " return a.A.one() + 2; }")).whenContains("Task `b`").always()));

        assertTrue(result.allVerified(), failures(result));
        assertEquals(List.of(1, 1), result.tasks().stream().map(state -> state.attempts().size()).toList());
        assertTrue(server.requests().stream().noneMatch(request -> request.messagesText().contains("Verification failed")),
                "neither task was told that the other's type is missing");
    }

    @Test
    void aTaskWaitingForATaskThatFailsEndsWithATrueMessageAndTheOthersGoOn() throws Exception {
        Engine.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(
                List.of(new Task("a", "Write a.A."), new Task("b", "Write b.B."), new Task("c", "Write c.C.")), 4, 10,
                Rule.reply(PASS).whenContains(REVIEW).always(),
                Rule.reply(java("a", "A", "public static int one() { return b.B.two() - 1; }"))
                        .whenContains("Task `a`").always(),
                Rule.reply(java("b", "B", "public static int two() { return missing; }")).whenContains("Task `b`").always(),
                Rule.reply(java("c", "C", "public static int three() { return 3; }")).whenContains("Task `c`")));

        List<TaskState.Status> statuses = result.tasks().stream().map(TaskState::status).toList();
        assertEquals(List.of(TaskState.Status.FAILED, TaskState.Status.FAILED, TaskState.Status.VERIFIED), statuses,
                failures(result));
        assertTrue(result.tasks().get(1).failure().contains("missing"), result.tasks().get(1).failure());
        String waited = result.tasks().get(0).failure();
        assertTrue(waited.contains("package b does not exist (no other task or part is writing this type)"), waited);
        assertTrue(fastChecks.get() <= 20, "the fast checks ran " + fastChecks.get() + " times: a wait spun");
    }

    @Test
    void aWaitLongerThanMaxWaitFailsTheTaskNamingWhatAndWhomItWaitedFor() throws Exception {
        maxWait = Duration.ofSeconds(1);

        Engine.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(
                List.of(new Task("a", "Write a.A."), new Task("b", "Write b.B.")), 10, 10,
                Rule.reply(PASS).whenContains(REVIEW).always(),
                Rule.reply(java("a", "A", "public static int one() { return b.B.two() - 1; }")).whenContains("Task `a`"),
                Rule.reply(java("b", "B", "public static int two() { return 2; }")).whenContains("Task `b`")
                        .delayMillis(4_000)));

        TaskState a = result.tasks().get(0);
        assertEquals(TaskState.Status.FAILED, a.status());
        assertEquals("a waited 1 s (maxWait) for task b to write package b; it stops here rather than wait on"
                + " without a bound", a.failure());
        assertEquals(TaskState.Status.VERIFIED, result.tasks().get(1).status(), failures(result));
        assertEquals(1, server.requests().stream()
                .filter(r -> r.messagesText().contains("Task `a`") && !r.messagesText().contains(REVIEW)).count(),
                "the timed-out task never asked the model again");
    }

    @Test
    void aTaskThatRewritesAnotherTasksTypeIsToldToUseTheOwnersInstead() throws Exception {
        String copy = java("shared", "Money", "public int cents() { return 2; }");

        Engine.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(
                List.of(new Task("a", "Write shared.Money."), new Task("b", "Write b.B.")), 10, 10,
                Rule.reply(PASS).whenContains(REVIEW).always(),
                Rule.reply(java("shared", "Money", "public int cents() { return 1; }")).whenContains("Task `a`"),
                Rule.reply(java("b", "B", "public static int two() { return new shared.Money().cents(); }"))
                        .whenContains("belongs to task a"),
                Rule.reply(copy + java("b", "B", "public static int two() { return new shared.Money().cents(); }"))
                        .whenContains("Task `b`")));

        assertTrue(result.allVerified(), failures(result));
        String refinement = server.requests().stream().map(FakeOpenAiServer.Recorded::messagesText)
                .filter(text -> text.contains("Verification failed")).findFirst().orElseThrow();
        assertTrue(refinement.contains("shared/Money.java: shared.Money belongs to task a, which wrote it; leave this"
                + " file out and use that type as it is"), refinement);
        assertEquals(List.of("b.B"), result.tasks().get(1).verifiedUnits().stream().map(u -> u.qualifiedName()).toList());
    }

    private static String failures(Engine.Result result) {
        return result.tasks().stream().map(t -> t.task() + ": " + t.failure() + " "
                + t.attempts().stream().map(a -> a.feedback().toString()).toList()).toList().toString();
    }

    /** The project's own app.Hand, returning the expression: code that needs the tasks' types. */
    private void handWritten(String expression) throws Exception {
        Path hand = project.resolve("src/main/java/app/Hand.java");
        Files.createDirectories(hand.getParent());
        Files.writeString(hand, "package app;\n\npublic final class Hand {\n    int all() {\n        return "
                + expression + ";\n    }\n}\n");
    }

    private Engine.Result run(List<Task> tasks, int maxDepth, int window, Rule... rules) throws Exception {
        server = FakeOpenAiServer.start(rules);
        Files.createDirectories(project.resolve("src/main/java"));
        ProjectLayout layout = new ProjectLayout(project, "17", List.of(project.resolve("src/main/java")), List.of(),
                List.of(), Map.of(), Optional.empty(), ProjectLayout.CompilerSetup.PLAIN,
                dev.autocoder.testing.TestBuilds.plain(project, List.of()));
        LangChain4jChatPort model = new LangChain4jChatPort(ModelSettings.of("test-model", ApiKey.of("sk-test"))
                .withBaseUrl(URI.create(server.baseUrl()))
                .withRetries(0, Duration.ofMillis(10), Duration.ofMillis(10)), notice -> { });
        CandidateBoard board = new CandidateBoard();
        Verifier stages = Engine.stages(new StaticChecks(), new InProcessCompiler(layout, board::others));
        inProcess = stages;
        Verifier fast = candidate -> {
            fastChecks.incrementAndGet();
            return stages.verify(candidate);
        };
        Verifier build = candidate -> buildCheck.apply(board, candidate);
        PromptFitter fitted = new PromptFitter(model, COUNTER, maxPromptTokens, message -> { }, message -> { });
        EngineListener listener = new EngineListener() {
            @Override
            public void detail(String message) {
                details.add(message);
            }

            @Override
            public void notice(String message) {
                notices.add(message);
            }
        };
        engine = new Engine(fitted, fast, build, board, new Clarifier(Optional.empty()), listener,
                new Engine.Settings(maxDepth, window, 2, parallelism, maxWait));
        workspace = new InMemoryWorkspace(states, () -> context);
        return engine.run(tasks, workspace);
    }

    /** A java fence holding one public final class (the declaration may carry an implements clause). */
    private static String java(String packageName, String declaration, String body) {
        return "```java\npackage " + packageName + ";\n\npublic final class " + declaration + " {\n    " + body
                + "\n}\n```\n";
    }
}

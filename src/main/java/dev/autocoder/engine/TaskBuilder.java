package dev.autocoder.engine;

import dev.autocoder.model.ChatMessage;
import dev.autocoder.model.ChatPort;
import dev.autocoder.model.ChatReply;
import dev.autocoder.model.ChatRequest;
import dev.autocoder.state.TaskState;
import dev.autocoder.state.TaskState.Attempt;
import dev.autocoder.verify.Candidate;
import dev.autocoder.verify.CandidateWriters;
import dev.autocoder.verify.CandidateBoard;
import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.Feedback;
import dev.autocoder.verify.InProcessCompiler;
import dev.autocoder.verify.Verdict;
import dev.autocoder.verify.Verifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The recursive loop for one task: ask, read the reply, answer questions, split into parts, verify,
 * feed failures back, until the code is verified or the depth budget is spent.
 *
 * <p>{@code maxDepth} is one budget for both kinds of recursion: each refinement round and each
 * level of decomposition goes one level deeper.
 */
final class TaskBuilder {

    /** How many characters of findings one refinement message carries at most. */
    static final int MAX_FEEDBACK_CHARS = 8_000;

    /** The loop's limits. */
    record Limits(int maxDepth, int maxConversationLength, int maxQuestionRounds) {
    }

    /** How a conversation ended. */
    record Outcome(boolean verified, List<CodeUnit> units, String reason) {
        static Outcome verified(List<CodeUnit> units) {
            return new Outcome(true, units, "");
        }

        static Outcome failed(String reason) {
            return new Outcome(false, List.of(), reason);
        }
    }

    private final ChatPort model;
    private final Verifier fullCheck;
    private final Verifier partCheck;
    private final CandidateBoard board;
    private final Clarifier clarifier;
    private final EngineListener listener;
    private final Engine.Workspace states;
    private final Limits limits;
    private final Executor partExecutor;
    private final CandidateWriters writers;
    private final ReplyParser parser = new ReplyParser();

    TaskBuilder(ChatPort model, Verifier fullCheck, Verifier partCheck, CandidateBoard board, Clarifier clarifier,
            EngineListener listener, Engine.Workspace states, Limits limits, Executor partExecutor,
            CandidateWriters writers) {
        this.model = model;
        this.fullCheck = fullCheck;
        this.partCheck = partCheck;
        this.board = board;
        this.clarifier = clarifier;
        this.listener = listener;
        this.states = states;
        this.limits = limits;
        this.partExecutor = partExecutor;
        this.writers = writers;
    }

    /** Builds a top-level task whose prompt is the task text plus the project context. */
    Outcome build(Task task, TaskState state, String context) {
        listener.taskStarted(task.name());
        Conversation conversation = Conversation.start(Prompts.GENERATOR_SYSTEM,
                Prompts.task(task.name(), task.description(), context), limits.maxConversationLength());
        return finish(state, converse(task, state, conversation, 0, fullCheck, List.of()));
    }

    /**
     * Sends a task whose verified code failed the final check back to its model: the conversation
     * goes on where it ended, with the failures charged to this task, within what is left of its
     * attempt budget.
     */
    Outcome rework(Task task, TaskState state, String context, List<Feedback> charged) {
        listener.detail("[" + task.name() + "] the final check charged this task; it goes back to the model");
        List<ChatMessage> history = state.conversation();
        Conversation conversation;
        if (history.size() >= 2) {
            conversation = new Conversation(history, limits.maxConversationLength());
        } else {
            // A state saved before conversations were kept on success: the task and its code.
            conversation = Conversation.start(Prompts.GENERATOR_SYSTEM, Prompts.task(task.name(), task.description(),
                    context), limits.maxConversationLength());
            conversation.add(ChatMessage.assistant(Prompts.code(state.verifiedUnits())));
        }
        conversation.add(ChatMessage.user(Prompts.finalCheck(bounded(charged))));
        return finish(state, converse(task, state, conversation, 0, fullCheck, List.of()));
    }

    private Outcome finish(TaskState state, Outcome outcome) {
        if (outcome.verified()) {
            state.verified(outcome.units());
            listener.taskVerified(state.task(), state.attempts().size());
        } else {
            state.failed(outcome.reason());
            listener.taskFailed(state.task(), outcome.reason());
        }
        states.save(state);
        return outcome;
    }

    /**
     * One conversation's loop. {@code shared} units are the interfaces a plan gave its parts: they
     * are verified with the part but not returned as its own.
     */
    private Outcome converse(Task task, TaskState state, Conversation conversation, int depth, Verifier check,
            List<CodeUnit> shared) {
        try {
            return conversing(task, state, conversation, depth, check, shared);
        } finally {
            // A conversation that ended writes no candidate, whatever it ended on.
            writers.idle();
        }
    }

    private Outcome conversing(Task task, TaskState state, Conversation conversation, int depth, Verifier check,
            List<CodeUnit> shared) {
        // A conversation that goes on after the final check keeps numbering, and budgeting, its attempts.
        int budget = Math.max(1, limits.maxDepth() - depth);
        int questionRounds = 0;
        String lastSignature = null;
        int sameInARow = 0;
        Set<String> toldProjectTypes = new java.util.HashSet<>();
        int attempt = depth == 0 ? state.attempts().size() : 0;
        if (attempt >= budget) {
            return Outcome.failed("its attempt budget is spent (" + attempt + " attempt(s), maxDepth "
                    + limits.maxDepth() + ")");
        }
        while (attempt < budget) {
            ChatReply reply = ask(state, conversation);
            Reply parsed = reply.truncated()
                    ? new Reply.Unusable("the reply was cut off at the length limit; " + Prompts.continueTruncated())
                    : "content_filter".equals(reply.finishReason())
                    ? new Reply.Unusable("the endpoint's content filter stopped the reply; answer with the code only")
                    : parser.parse(reply.text());
            if (parsed instanceof Reply.Questions questions) {
                questionRounds++;
                if (questionRounds <= limits.maxQuestionRounds() + 1) {
                    conversation.add(ChatMessage.user(clarify(task, state, questions, questionRounds)));
                    continue;
                }
                parsed = new Reply.Unusable("questions were asked after the model was told to proceed on"
                        + " assumptions; write the code");
            }
            if (parsed instanceof Reply.Plan plan) {
                if (depth + 1 < limits.maxDepth()) {
                    return decompose(task, state, plan, depth + 1);
                }
                parsed = new Reply.Unusable("the depth limit leaves no room to split this task; write the code");
            }
            attempt++;
            listener.attemptStarted(task.name(), attempt);
            Verdict verdict;
            List<CodeUnit> units = List.of();
            long started = System.nanoTime();
            if (parsed instanceof Reply.Code code && code.problems().isEmpty() && !code.units().isEmpty()) {
                units = code.units();
                verdict = check.verify(candidate(task, attempt, shared, units));
                Set<String> redeclared = redeclared(verdict);
                if (!redeclared.isEmpty()) {
                    List<CodeUnit> kept = units.stream().filter(unit -> !redeclared.contains(unit.qualifiedName()))
                            .toList();
                    listener.detail("[" + task.name() + "] attempt " + attempt + ": left out "
                            + String.join(", ", redeclared) + " from the reply: the project already has "
                            + (redeclared.size() == 1 ? "this type" : "these types") + ", which stay as they are");
                    if (kept.isEmpty()) {
                        verdict = Verdict.failed(Feedback.Stage.EXTRACT, "the reply only sends types the project"
                                + " already has (" + String.join(", ", redeclared) + "); they stay as they are:"
                                + " send the code this task asks for");
                    } else {
                        units = kept;
                        verdict = withProjectTypeNotes(check.verify(candidate(task, attempt, shared, kept)),
                                redeclared, toldProjectTypes);
                    }
                }
            } else if (parsed instanceof Reply.Code code) {
                units = code.units();
                verdict = new Verdict(code.problems().isEmpty()
                        ? List.of(Feedback.blocking(Feedback.Stage.EXTRACT, "the reply contains no Java type"))
                        : code.problems());
            } else {
                verdict = Verdict.failed(Feedback.Stage.EXTRACT, ((Reply.Unusable) parsed).reason());
            }
            record(state, attempt, units, verdict, started);
            if (verdict.passed()) {
                state.conversation(conversation.history());
                return Outcome.verified(units);
            }
            if (verdict.projectFailure().isPresent()) {
                return Outcome.failed(projectFault(verdict));
            }
            String signature = signature(verdict);
            sameInARow = signature.equals(lastSignature) ? sameInARow + 1 : 1;
            lastSignature = signature;
            if (attempt >= budget) {
                break;
            }
            // The same failure again never ends the task by itself: the model is told what repeats and
            // asked for another approach, and the budget decides the end.
            String note = sameInARow >= 2 ? Prompts.stuck(sameInARow,
                    verdict.firstFailure().map(Feedback::toString).orElse("")) : "";
            conversation.add(ChatMessage.user(Prompts.refine(bounded(verdict.feedback()), note)));
            state.conversation(conversation.history());
            states.save(state);
        }
        String last = state.attempts().isEmpty() ? "no code was offered"
                : state.attempts().get(state.attempts().size() - 1).feedback().stream()
                        .filter(Feedback::blocking).findFirst().map(Feedback::toString).orElse("");
        if (sameInARow >= 3) {
            return Outcome.failed("stuck: attempts " + (attempt - sameInARow + 1) + " to " + attempt
                    + " failed the same way, although a change of course was asked for; maxDepth "
                    + limits.maxDepth() + " is spent: " + last);
        }
        return Outcome.failed("not verified after " + attempt + " attempt(s) (maxDepth " + limits.maxDepth()
                + ", depth " + depth + "); last failure: " + last);
    }

    private static Candidate candidate(Task task, int attempt, List<CodeUnit> shared, List<CodeUnit> units) {
        List<CodeUnit> all = new ArrayList<>(shared);
        all.addAll(units);
        return new Candidate(task.name(), attempt, all);
    }

    /** The project's types the verdict says the reply re-sent (the in-process compile finds them). */
    static Set<String> redeclared(Verdict verdict) {
        Set<String> types = new java.util.TreeSet<>();
        verdict.feedback().forEach(finding -> InProcessCompiler.redeclaredType(finding).ifPresent(types::add));
        return types;
    }

    /**
     * The verdict of the units kept once the project's own types were left out. When they do not
     * compile against those types as they are, the model is told, once for each type, that it may
     * not change it.
     */
    static Verdict withProjectTypeNotes(Verdict verdict, Set<String> dropped, Set<String> told) {
        if (verdict.passed()) {
            return verdict;
        }
        List<Feedback> notes = new ArrayList<>();
        for (String type : dropped) {
            String simple = type.substring(type.lastIndexOf('.') + 1);
            java.util.regex.Pattern named = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(simple)
                    + "\\b");
            boolean needsChange = verdict.feedback().stream().anyMatch(f -> f.blocking() && f.modelCaused()
                    && f.stage() == Feedback.Stage.COMPILE && named.matcher(f.message()).find());
            if (needsChange && told.add(type)) {
                notes.add(Feedback.blocking(Feedback.Stage.COMPILE, type.replace('.', '/') + ".java: " + type
                        + " is the project's own type and you may not change it: your reply's copy was left out, so"
                        + " make your code work with " + simple + " as it is, and do not send that file again"));
            }
        }
        if (notes.isEmpty()) {
            return verdict;
        }
        notes.addAll(verdict.feedback());
        return new Verdict(notes);
    }

    private ChatReply ask(TaskState state, Conversation conversation) {
        long started = System.nanoTime();
        // From here until its candidate reaches the sub-build, a round about to start may wait for it.
        writers.writing();
        ChatReply reply = model.chat(new ChatRequest("generate", state.task(), conversation.window()));
        state.recordModelCall(reply.usage(), (System.nanoTime() - started) / 1_000_000);
        conversation.add(ChatMessage.assistant(reply.text()));
        state.conversation(conversation.history());
        states.save(state);
        return reply;
    }

    private String clarify(Task task, TaskState state, Reply.Questions questions, int round) {
        boolean pastLimit = round > limits.maxQuestionRounds();
        List<TaskState.Clarification> answers = pastLimit
                ? questions.questions().stream().map(Clarifier::assumed).toList()
                : clarifier.answer(task, questions.questions());
        answers.forEach(state::addClarification);
        listener.clarified(task.name(), answers);
        return pastLimit ? "No more questions, please: " + Clarifier.ASSUMPTION + " Now write the code."
                : Prompts.answers(Clarifier.lines(answers));
    }

    private void record(TaskState state, int attempt, List<CodeUnit> units, Verdict verdict, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        state.addAttempt(new Attempt(attempt, units, verdict.feedback(), verdict.passed(), millis));
        states.save(state);
        listener.attemptVerified(state.task(), attempt, verdict);
    }

    /**
     * Builds each part in its own conversation (concurrently), then verifies the parts together;
     * a failure goes back to the parts it names (or to all when it names none) for another round.
     */
    private Outcome decompose(Task task, TaskState state, Reply.Plan plan, int depth) {
        listener.planned(task.name(), plan.parts().stream().map(Reply.Part::name).toList());
        String sharedCode = plan.shared().stream().map(CodeUnit::source).collect(Collectors.joining("\n"));
        List<PartRun> parts = plan.parts().stream()
                .map(part -> new PartRun(new Task(task.name() + "/" + part.name(),
                        Prompts.part(task.name(), part.name(), part.responsibility(), sharedCode),
                        task.answers(), task.contextFiles()), limits))
                .toList();
        List<PartRun> toRun = parts;
        int budget = Math.max(1, limits.maxDepth() - depth);
        for (int round = 1; round <= budget; round++) {
            int partDepth = depth + round - 1;
            List<CompletableFuture<Outcome>> running = toRun.stream()
                    .map(part -> CompletableFuture.supplyAsync(() -> part.run(partDepth, plan.shared()), partExecutor))
                    .toList();
            List<String> failedParts = new ArrayList<>();
            for (int i = 0; i < running.size(); i++) {
                Outcome outcome = join(running.get(i));
                if (!outcome.verified()) {
                    failedParts.add(toRun.get(i).task.name() + ": " + outcome.reason());
                }
            }
            if (!failedParts.isEmpty()) {
                return Outcome.failed("part(s) not verified: " + String.join("; ", failedParts));
            }
            List<CodeUnit> combined = new ArrayList<>(plan.shared());
            parts.forEach(part -> combined.addAll(part.units));
            long started = System.nanoTime();
            Verdict verdict = fullCheck.verify(new Candidate(task.name(), round, combined));
            record(state, round, combined, verdict, started);
            if (verdict.passed()) {
                return Outcome.verified(combined);
            }
            if (verdict.projectFailure().isPresent()) {
                return Outcome.failed(projectFault(verdict));
            }
            toRun = blamed(parts, verdict);
            String message = Prompts.refine(bounded(verdict.feedback()),
                    "These findings come from verifying all parts together.");
            toRun.forEach(part -> part.conversation.add(ChatMessage.user(message)));
        }
        return Outcome.failed("the parts did not verify together within maxDepth " + limits.maxDepth());
    }

    /**
     * Why a task stops without asking the model again: the project's own build fails whatever the
     * code is, or the code needs a task that did not verify, so another paid attempt could not help.
     */
    private static String projectFault(Verdict verdict) {
        String message = verdict.projectFailure().map(Feedback::message).orElse("");
        if (message.startsWith(Feedback.NEEDS_UNVERIFIED_TASK)) {
            return message;
        }
        return "the project's own build fails in the verification sub-build independently of the generated code: "
                + message;
    }

    private static List<PartRun> blamed(List<PartRun> parts, Verdict verdict) {
        String findings = verdict.feedback().stream().filter(Feedback::blocking).map(Feedback::message)
                .collect(Collectors.joining("\n"));
        List<PartRun> named = parts.stream()
                .filter(part -> part.units.stream().anyMatch(unit -> findings.contains(unit.typeName())))
                .toList();
        return named.isEmpty() ? parts : named;
    }

    private static Outcome join(CompletableFuture<Outcome> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** A part's conversation, kept across rounds so refinements continue where it left off. */
    private final class PartRun {
        final Task task;
        final TaskState state;
        final Conversation conversation;
        List<CodeUnit> units = List.of();

        PartRun(Task task, Limits limits) {
            this.task = task;
            board.enter(task.name());
            this.state = states.openPart(task.name());
            this.conversation = Conversation.start(Prompts.GENERATOR_SYSTEM, task.description(),
                    limits.maxConversationLength());
        }

        Outcome run(int depth, List<CodeUnit> shared) {
            listener.taskStarted(task.name());
            board.enter(task.name());
            Outcome outcome = Outcome.failed("stopped");
            try {
                outcome = converse(task, state, conversation, depth, partCheck, shared);
            } finally {
                board.leave(task.name(), outcome.verified());
            }
            if (outcome.verified()) {
                units = outcome.units();
                state.verified(units);
            } else {
                state.failed(outcome.reason());
            }
            states.save(state);
            return outcome;
        }
    }

    /** What identifies a failure regardless of wording order: the sorted blocking findings. */
    static String signature(Verdict verdict) {
        Set<String> findings = new java.util.TreeSet<>();
        verdict.feedback().stream().filter(Feedback::blocking).map(Feedback::toString).forEach(findings::add);
        return String.join("\n", findings);
    }

    /**
     * The findings the model caused, cut to {@link #MAX_FEEDBACK_CHARS}, blocking ones first, saying
     * what was cut.
     */
    static List<Feedback> bounded(List<Feedback> feedback) {
        // What the model did not cause (the project's own failing tests, waiting) is never its to read.
        Set<Feedback> ordered = new LinkedHashSet<>();
        feedback.stream().filter(f -> f.blocking() && f.modelCaused()).forEach(ordered::add);
        feedback.stream().filter(Feedback::modelCaused).forEach(ordered::add);
        List<Feedback> kept = new ArrayList<>();
        int used = 0;
        int dropped = 0;
        for (Feedback finding : ordered) {
            int size = finding.message().length() + 16;
            if (used + size > MAX_FEEDBACK_CHARS) {
                dropped++;
                continue;
            }
            kept.add(finding);
            used += size;
        }
        if (dropped > 0) {
            kept.add(Feedback.advice(Feedback.Stage.BUILD, dropped + " more finding(s) not shown"));
        }
        return kept;
    }
}

package dev.autocoder.engine;

import dev.autocoder.model.ChatPort;
import dev.autocoder.model.ModelException;
import dev.autocoder.state.TaskState;
import dev.autocoder.verify.Candidate;
import dev.autocoder.verify.CandidateBoard;
import dev.autocoder.verify.CandidateWriters;
import dev.autocoder.verify.Feedback;
import dev.autocoder.verify.Verdict;
import dev.autocoder.verify.Verifier;
import dev.autocoder.verify.CodeUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs every task through its {@link TaskBuilder}, {@code parallelism} at a time, and verifies each
 * candidate in three stages that stop at the first blocking finding: the fast checks (static
 * checks, in-process compile), the sub-build, then the review conversation, which is the only
 * stage that costs tokens and so runs last.
 */
public final class Engine {

    /**
     * The engine's limits; {@code maxQuestionRounds} bounds clarifying rounds per conversation, and
     * {@code maxWait} bounds any single wait of a check for another task's or part's code, after
     * which the waiting task fails naming what it waited for.
     */
    public record Settings(int maxDepth, int maxConversationLength, int maxQuestionRounds, int parallelism,
            Duration maxWait) {

        /** How long one check waits for others' code at most unless told otherwise. */
        public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(30);

        public Settings {
            if (maxDepth < 1 || maxConversationLength < 3 || maxQuestionRounds < 0 || parallelism < 1
                    || maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
                throw new IllegalArgumentException("engine limits out of range: " + this);
            }
        }

        /** The limits with {@link #DEFAULT_MAX_WAIT}. */
        public Settings(int maxDepth, int maxConversationLength, int maxQuestionRounds, int parallelism) {
            this(maxDepth, maxConversationLength, maxQuestionRounds, parallelism, DEFAULT_MAX_WAIT);
        }
    }

    /** Where state lives and what each task's project context is. */
    public interface Workspace {
        /** The task's saved state, or a fresh one when there is none or its inputs changed. */
        TaskState open(Task task);

        /** The state of a part of a task, named {@code task/part}. */
        TaskState openPart(String name);

        void save(TaskState state);

        /** The project context shown to the model with this task. */
        String context(Task task);
    }

    /**
     * What a run produced. {@code abort} is the model failure that stopped it (a rejected key, a
     * spent budget, an unrecorded request in replay), after which no task was started. A request
     * too long for the model fails only its own task.
     */
    public record Result(List<TaskState> tasks, Optional<ModelException> abort) {
        public Result {
            tasks = List.copyOf(tasks);
        }

        public boolean allVerified() {
            return abort.isEmpty() && tasks.stream().allMatch(t -> t.status() == TaskState.Status.VERIFIED);
        }
    }

    private final ChatPort model;
    private final Verifier fastChecks;
    private final Verifier buildCheck;
    private final CandidateBoard board;
    private final Clarifier clarifier;
    private final EngineListener listener;
    private final Settings settings;
    private final CandidateWriters writers;

    /** An engine whose sub-build does not gather candidates being written (see the other constructor). */
    public Engine(ChatPort model, Verifier fastChecks, Verifier buildCheck, CandidateBoard board, Clarifier clarifier,
            EngineListener listener, Settings settings) {
        this(model, fastChecks, buildCheck, board, clarifier, listener, settings, new CandidateWriters());
    }

    /**
     * @param fastChecks the checks without a build (static checks, in-process compile), which read
     *     the others' code from the board
     * @param buildCheck the sub-build
     * @param board the newest code of every task and part, shared with the checks
     * @param writers told which threads write a candidate now, for a build check that gathers them
     *     into one round ({@link dev.autocoder.verify.BatchingVerifier})
     */
    public Engine(ChatPort model, Verifier fastChecks, Verifier buildCheck, CandidateBoard board, Clarifier clarifier,
            EngineListener listener, Settings settings, CandidateWriters writers) {
        this.writers = writers;
        this.model = model;
        this.fastChecks = fastChecks;
        this.buildCheck = buildCheck;
        this.board = board;
        this.clarifier = clarifier;
        this.listener = listener;
        this.settings = settings;
        // A task waiting for another's code writes nothing while it sleeps. Woken by that code, it
        // goes on to check and send its own: it writes from the moment that code reaches the board,
        // not from when its thread runs again, so the round the new code starts gathers it too.
        board.tellWriters(writers);
    }

    public Result run(List<Task> tasks, Workspace workspace) {
        return run(tasks, workspace, Map.of());
    }

    /**
     * Sends the tasks the final check charged back to their models, each conversation going on
     * with the failures charged to it; the other tasks given stand as verified code on the board.
     *
     * @param tasks the tasks whose verified code the final check ran, charged or not
     * @param charged the failures charged to each task that goes back
     */
    public Result rework(List<Task> tasks, Map<String, List<Feedback>> charged, Workspace workspace) {
        return run(tasks, workspace, charged);
    }

    private Result run(List<Task> tasks, Workspace workspace, Map<String, List<Feedback>> charged) {
        Map<String, TaskState> states = new ConcurrentHashMap<>();
        Map<String, String> descriptions = new ConcurrentHashMap<>();
        tasks.forEach(task -> descriptions.put(task.name(), task.description()));
        Function<String, TaskState> stateOf = name -> states.get(rootOf(name));
        Verifier review = new ReviewVerifier(model, name -> descriptions.getOrDefault(name,
                descriptions.getOrDefault(rootOf(name), "")), (name, reply, millis) -> {
                    TaskState state = stateOf.apply(name);
                    if (state != null) {
                        state.recordModelCall(reply.usage(), millis);
                    }
                });
        // Tasks take a permit to work and hand it back while they wait for another's code, so a
        // task waiting for a type never keeps the task that writes it from starting.
        Semaphore permits = new Semaphore(settings.parallelism(), true);
        Checks checks = new Checks(board, permits, settings.maxWait(), writers, listener);
        Verifier fast = candidate -> checks.fast(fastChecks, candidate);
        Verifier full = candidate -> checks.full(fastChecks, buildCheck, review, candidate);
        ExecutorService tasksPool = Executors.newCachedThreadPool(named("autocoder-task"));
        ExecutorService partsPool = Executors.newCachedThreadPool(named("autocoder-part"));
        TaskBuilder builder = new TaskBuilder(model, full, fast, board, clarifier, listener, workspace,
                new TaskBuilder.Limits(settings.maxDepth(), settings.maxConversationLength(),
                        settings.maxQuestionRounds()), partsPool, writers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            List<TaskState> ordered = new ArrayList<>();
            List<Task> toBuild = new ArrayList<>();
            AtomicReference<ModelException> abort = new AtomicReference<>();
            for (Task task : tasks) {
                TaskState state = workspace.open(task);
                states.put(task.name(), state);
                ordered.add(state);
                if (state.status() == TaskState.Status.VERIFIED && !charged.containsKey(task.name())) {
                    listener.detail("task " + task.name() + " was verified earlier; its state is reused");
                    List<String> refused = board.settle(task.name(), state.verifiedUnits());
                    if (!refused.isEmpty()) {
                        listener.detail("task " + task.name() + "'s earlier " + String.join(", ", refused)
                                + " stay off the board: another task owns those types");
                    }
                    continue;
                }
                toBuild.add(task);
                board.enter(task.name());
            }
            for (Task task : toBuild) {
                TaskState state = states.get(task.name());
                acquire(permits);
                futures.add(tasksPool.submit(() -> {
                    checks.holding.set(true);
                    // From its start the task is on its way to a candidate (its context, its prompt, then
                    // the model): a round about to start waits for it as for one asking the model.
                    writers.writing();
                    try {
                        if (abort.get() == null && charged.containsKey(task.name())) {
                            builder.rework(task, state, workspace.context(task), charged.get(task.name()));
                        } else if (abort.get() == null) {
                            builder.build(task, state, workspace.context(task));
                        }
                    } catch (ModelException e) {
                        if (e.taskOnly()) {
                            // a request too long for the model, or one quoting a secret, is this task's problem; the others go on
                            state.failed(e.getMessage());
                            listener.taskFailed(task.name(), e.getMessage());
                            workspace.save(state);
                            return;
                        }
                        abort.compareAndSet(null, e);
                        state.failed("stopped: " + e.getMessage());
                        workspace.save(state);
                    } catch (WaitTimedOut e) {
                        // the watchdog: a wait past maxWait ends this task, never the run
                        state.failed(e.getMessage());
                        listener.taskFailed(task.name(), e.getMessage());
                        workspace.save(state);
                    } finally {
                        writers.idle();
                        board.leave(task.name(), state.status() == TaskState.Status.VERIFIED);
                        checks.holding.set(false);
                        permits.release();
                    }
                }));
            }
            for (Future<?> future : futures) {
                await(future);
            }
            return new Result(ordered, Optional.ofNullable(abort.get()));
        } finally {
            tasksPool.shutdownNow();
            partsPool.shutdownNow();
        }
    }

    /** A check waited longer than {@link Settings#maxWait()}: the task fails with this message. */
    private static final class WaitTimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WaitTimedOut(String message) {
            super(message);
        }
    }

    /**
     * The checks as the loop uses them: code whose own files compile is published on the board, and
     * a verdict that only waits for others' types is taken again once another owner changed the
     * board. When nobody else could ever change it, the code is compiled with what the others last
     * attempted: if it compiles so, it is published for them to build on (that is how two tasks that
     * need each other's types converge); otherwise what it misses is the model's to fix. A wait
     * longer than {@code maxWait} fails the task with {@link WaitTimedOut}.
     */
    private static final class Checks {

        private final CandidateBoard board;
        private final Semaphore permits;
        private final Duration maxWait;
        private final CandidateWriters writers;
        private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);
        private final EngineListener listener;
        /** The project files' missing types the user was told about. */
        private final Set<String> toldMissing = ConcurrentHashMap.newKeySet();

        Checks(CandidateBoard board, Semaphore permits, Duration maxWait, CandidateWriters writers,
                EngineListener listener) {
            this.board = board;
            this.permits = permits;
            this.maxWait = maxWait;
            this.writers = writers;
            this.listener = listener;
        }

        Verdict fast(Verifier fastChecks, Candidate candidate) {
            board.attempt(candidate.taskName(), candidate.units());
            return untilDecided(fastChecks, candidate, true);
        }

        Verdict full(Verifier fastChecks, Verifier buildCheck, Verifier review, Candidate candidate) {
            Verdict verdict = fast(fastChecks, candidate);
            if (!verdict.passed()) {
                return verdict;
            }
            verdict = verdict.and(untilDecided(buildCheck, candidate, false));
            return verdict.passed() ? verdict.and(review.verify(candidate)) : verdict;
        }

        private Verdict untilDecided(Verifier check, Candidate candidate, boolean publish) {
            String owner = candidate.taskName();
            List<CodeUnit> triedWith = List.of();
            while (true) {
                long seen = board.version();
                Verdict verdict = check.verify(candidate);
                if (modelCaused(verdict)) {
                    return verdict;
                }
                if (publish && !waitsInOwnFiles(verdict, candidate)) {
                    Optional<Verdict> refused = publish(candidate);
                    if (refused.isPresent()) {
                        return refused.get();
                    }
                }
                if (!verdict.waiting()) {
                    return verdict;
                }
                // While it sleeps waiting for another's code, no round waits for it (see the constructor).
                if (await(owner, seen, verdict)) {
                    continue;
                }
                List<CodeUnit> attempts = publish ? theirAttempts(candidate) : List.of();
                if (attempts.isEmpty() || attempts.equals(triedWith)) {
                    return nobodyWrites(verdict, candidate, publish);
                }
                triedWith = attempts;
                Verdict together = withTheirAttempts(check, candidate, attempts);
                if (modelCaused(together)) {
                    return together;
                }
                if (waitsInOwnFiles(together, candidate)) {
                    return nobodyWrites(together, candidate, publish);
                }
                // Its own files compile with what they attempted: publish them for the others to compile with.
                Optional<Verdict> refused = publish(candidate);
                if (refused.isPresent()) {
                    return refused.get();
                }
            }
        }

        private static boolean modelCaused(Verdict verdict) {
            return verdict.feedback().stream().anyMatch(f -> f.blocking() && f.modelCaused());
        }

        /**
         * Publishes the candidate; a unit of another task's type that differs from that task's is
         * the model's to leave out, since the board keeps the owner's.
         */
        private Optional<Verdict> publish(Candidate candidate) {
            String owner = candidate.taskName();
            Set<String> refused = Set.copyOf(board.publish(owner, candidate.units()));
            if (refused.isEmpty()) {
                return Optional.empty();
            }
            Set<CodeUnit> theirs = Set.copyOf(board.others(owner));
            List<Feedback> findings = candidate.units().stream()
                    .filter(unit -> refused.contains(unit.qualifiedName()) && !theirs.contains(unit))
                    .map(unit -> Feedback.blocking(Feedback.Stage.COMPILE, fileOf(unit) + ": " + unit.qualifiedName()
                            + " belongs to "
                            + board.ownerOf(unit.qualifiedName()).map(name -> "task " + name).orElse("another task")
                            + ", which wrote it; leave this file out and use that type as it is"))
                    .toList();
            return findings.isEmpty() ? Optional.empty() : Optional.of(new Verdict(findings));
        }

        /** What the others attempted and have not published, less the candidate's own types. */
        private List<CodeUnit> theirAttempts(Candidate candidate) {
            Set<CodeUnit> onBoard = Set.copyOf(board.others(candidate.taskName()));
            Set<String> own = candidate.units().stream().map(CodeUnit::qualifiedName).collect(Collectors.toSet());
            return board.othersAttempted(candidate.taskName()).stream()
                    .filter(unit -> !onBoard.contains(unit) && !own.contains(unit.qualifiedName())).toList();
        }

        /** The check of the candidate together with the others' attempts, less the findings in their files. */
        private static Verdict withTheirAttempts(Verifier check, Candidate candidate, List<CodeUnit> attempts) {
            List<CodeUnit> units = new ArrayList<>(candidate.units());
            units.addAll(attempts);
            List<String> theirFiles = filesOf(attempts);
            Verdict verdict = check.verify(new Candidate(candidate.taskName(), candidate.attempt(), units));
            return new Verdict(verdict.feedback().stream()
                    .filter(f -> theirFiles.stream().noneMatch(f.message()::startsWith)).toList());
        }

        /**
         * The verdict once nobody will change what the candidate waits for: a wait for a type that a
         * task which ended unverified was writing stops the task without the model (no code of its
         * own can make up for the other task's); any other wait becomes the model's to resolve,
         * except, in the in-process compile ({@code inProcess}), a project file's wait for a type no
         * task writes: the project's build may generate that type (a template, a code generator
         * bound before {@code compile}), which javac in this JVM never sees, so the sub-build, where
         * those generators run, compiles the code instead, and the model is not told about it.
         */
        private Verdict nobodyWrites(Verdict verdict, Candidate candidate, boolean inProcess) {
            for (Feedback finding : verdict.feedback()) {
                if (finding.stage() != Feedback.Stage.WAITING) {
                    continue;
                }
                for (String type : finding.missingTypes()) {
                    if (type.startsWith("package ")) {
                        continue;
                    }
                    Optional<String> gone = board.abandonedBy(type);
                    if (gone.isPresent()) {
                        return new Verdict(List.of(Feedback.blocking(Feedback.Stage.PROJECT,
                                Feedback.NEEDS_UNVERIFIED_TASK + gone.get() + ", which did not verify: "
                                        + finding.message())));
                    }
                }
            }
            if (inProcess) {
                List<Feedback> generated = verdict.feedback().stream()
                        .filter(f -> waitsInProjectFile(f, candidate)).toList();
                generated.forEach(this::tellLeftToTheSubBuild);
                verdict = new Verdict(verdict.feedback().stream().filter(f -> !generated.contains(f)).toList());
            }
            return new Verdict(verdict.feedback().stream().map(f -> f.stage() != Feedback.Stage.WAITING ? f
                    // Another task's file fails the project's check: no code of this task can change that.
                    : f.message().startsWith(Feedback.OTHERS_FAIL_A_GATE)
                    ? Feedback.blocking(Feedback.Stage.PROJECT, "cannot be verified while " + f.message()
                            + " (no other task or part will change that code)")
                    : f.failsWhateverItDoes()
                    ? Feedback.blocking(Feedback.Stage.TEST, f.message().substring(Feedback.FAILS_WHATEVER_IT_DOES.length())
                            + " (it fails the same way when this code's methods only throw, and no other task or part"
                            + " will change the code it runs with: look at what this code declares, such as its"
                            + " annotations, types, constants and constructors)")
                    : f.message().startsWith(Feedback.ANOTHER_IS_SENT_IT_FIRST)
                    ? Feedback.blocking(Feedback.Stage.TEST, f.message().substring(Feedback.ANOTHER_IS_SENT_IT_FIRST.length())
                            + " (it runs this code and other tasks' code, no run so far told whose code it fails on,"
                            + " and no other task or part will change its code now)")
                    : Feedback.blocking(Feedback.Stage.COMPILE, f.message() + (f.message().startsWith(Feedback.OTHERS_DO_NOT_COMPILE)
                            ? " (no other task or part will change that code: make this code fit it)"
                            : " (no other task or part is writing this type)"))).toList());
        }

        /** The watchdog's message: how long, for whom and for which types. */
        private String timedOut(String owner, Verdict verdict) {
            Set<String> types = new java.util.TreeSet<>();
            verdict.feedback().stream().filter(f -> f.stage() == Feedback.Stage.WAITING)
                    .forEach(f -> types.addAll(f.missingTypes()));
            List<String> writers = board.writersFor(owner);
            String whom = writers.isEmpty() ? "other tasks"
                    : (writers.size() == 1 ? "task " : "tasks ") + String.join(", ", writers);
            String what = types.isEmpty() ? "the types its code needs" : String.join(", ", types);
            return owner + " waited " + describe(maxWait) + " (maxWait) for " + whom + " to write " + what
                    + "; it stops here rather than wait on without a bound";
        }

        private static String describe(Duration duration) {
            return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
        }

        /**
         * Waits for another owner's change, handing the task's permit over meanwhile.
         *
         * @return true when the board changed, false when nobody else could change it
         * @throws WaitTimedOut when {@code maxWait} passed first, naming whom it waited for then
         */
        private boolean await(String owner, long seen, Verdict waiting) {
            boolean holds = holding.get();
            if (holds) {
                permits.release();
            }
            CandidateBoard.Wake wake = CandidateBoard.Wake.NEVER;
            try {
                // A test that fails the same whatever this code does cannot tell whose code is at
                // fault: such waits take turns at being told that nobody else will change it.
                boolean takesTurns = waiting.feedback().stream().anyMatch(Feedback::takesTurns);
                boolean afterAnother = waiting.feedback().stream().anyMatch(Feedback::waitsForAnothersTurn);
                wake = board.awaitChange(owner, seen, maxWait, takesTurns, afterAnother);
                if (wake == CandidateBoard.Wake.TIMED_OUT) {
                    throw new WaitTimedOut(timedOut(owner, waiting));
                }
                return wake == CandidateBoard.Wake.CHANGED;
            } finally {
                if (holds && !tryAcquire(permits)) {
                    // Every slot is taken: it writes nothing until it gets one, so no round gathers for it meanwhile.
                    writers.idle();
                    acquire(permits);
                    if (wake == CandidateBoard.Wake.CHANGED) {
                        writers.writing();
                    }
                }
            }
        }

        /** Tells the user once per type that a project file's missing type is left to the sub-build. */
        private void tellLeftToTheSubBuild(Feedback wait) {
            String message = wait.message();
            String where = message.substring(0, Math.max(0, message.indexOf(": ")));
            List<String> missing = wait.missingTypes();
            String type = missing.isEmpty() ? message.lines().findFirst().orElse("") : missing.get(0);
            if (toldMissing.add(type)) {
                listener.notice("autocoder: " + where + " needs " + type + ", which no task writes; the in-process"
                        + " compile does not run the generators of your build, which may write it, so the sub-build"
                        + " compiles the code instead and runs the whole test suite");
            }
        }

        /**
         * Whether a finding is a project file's wait for a type: neither in the candidate's files
         * nor one of the waits about other tasks' code or about tests.
         */
        private static boolean waitsInProjectFile(Feedback finding, Candidate candidate) {
            String message = finding.message();
            return finding.stage() == Feedback.Stage.WAITING && !finding.takesTurns()
                    && !message.startsWith(Feedback.OTHERS_FAIL_A_GATE)
                    && !message.startsWith(Feedback.OTHERS_DO_NOT_COMPILE)
                    && filesOf(candidate.units()).stream().noneMatch(message::startsWith);
        }

        /** Whether the candidate's own code misses a type, so that it does not compile yet itself. */
        private static boolean waitsInOwnFiles(Verdict verdict, Candidate candidate) {
            List<String> ownFiles = filesOf(candidate.units());
            return verdict.feedback().stream().filter(f -> f.stage() == Feedback.Stage.WAITING)
                    .anyMatch(f -> ownFiles.stream().anyMatch(f.message()::startsWith));
        }

        /** How findings about these units start: {@code calc/Calc.java:}. */
        private static List<String> filesOf(List<CodeUnit> units) {
            return units.stream().map(unit -> fileOf(unit) + ":").toList();
        }

        private static String fileOf(CodeUnit unit) {
            return unit.relativePath().toString().replace('\\', '/');
        }
    }

    /** A permit if one is free now, in the semaphore's fair order. */
    private static boolean tryAcquire(Semaphore permits) {
        try {
            return permits.tryAcquire(0, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a task slot", e);
        }
    }

    private static void acquire(Semaphore permits) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a task slot", e);
        }
    }

    /** Runs the verifiers in order and stops at the first that blocks. */
    public static Verifier stages(Verifier... verifiers) {
        return candidate -> {
            Verdict verdict = Verdict.PASSED;
            for (Verifier verifier : verifiers) {
                verdict = verdict.and(verifier.verify(candidate));
                if (!verdict.passed()) {
                    break;
                }
            }
            return verdict;
        };
    }

    private static String rootOf(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while tasks were running", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

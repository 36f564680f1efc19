package dev.autocoder.engine;

import dev.autocoder.model.ChatPort;
import dev.autocoder.model.ModelException;
import dev.autocoder.state.TaskState;
import dev.autocoder.verify.Candidate;
import dev.autocoder.verify.CandidateBoard;
import dev.autocoder.verify.Feedback;
import dev.autocoder.verify.Verdict;
import dev.autocoder.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs every task through its {@link TaskBuilder}, {@code parallelism} at a time, and verifies each
 * candidate in three stages that stop at the first blocking finding: the fast checks (static
 * checks, in-process compile), the sub-build, then the review conversation, which is the only
 * stage that costs tokens and so runs last.
 */
public final class Engine {

    /** The engine's limits; {@code maxQuestionRounds} bounds clarifying rounds per conversation. */
    public record Settings(int maxDepth, int maxConversationLength, int maxQuestionRounds, int parallelism) {
        public Settings {
            if (maxDepth < 1 || maxConversationLength < 3 || maxQuestionRounds < 0 || parallelism < 1) {
                throw new IllegalArgumentException("engine limits out of range: " + this);
            }
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

    /**
     * @param fastChecks the checks without a build (static checks, in-process compile), which read
     *     the others' code from the board
     * @param buildCheck the sub-build
     * @param board the newest code of every task and part, shared with the checks
     */
    public Engine(ChatPort model, Verifier fastChecks, Verifier buildCheck, CandidateBoard board, Clarifier clarifier,
            EngineListener listener, Settings settings) {
        this.model = model;
        this.fastChecks = fastChecks;
        this.buildCheck = buildCheck;
        this.board = board;
        this.clarifier = clarifier;
        this.listener = listener;
        this.settings = settings;
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
        Checks checks = new Checks(board, permits);
        Verifier fast = candidate -> checks.fast(fastChecks, candidate);
        Verifier full = candidate -> checks.full(fastChecks, buildCheck, review, candidate);
        ExecutorService tasksPool = Executors.newCachedThreadPool(named("autocoder-task"));
        ExecutorService partsPool = Executors.newCachedThreadPool(named("autocoder-part"));
        TaskBuilder builder = new TaskBuilder(model, full, fast, board, clarifier, listener, workspace,
                new TaskBuilder.Limits(settings.maxDepth(), settings.maxConversationLength(),
                        settings.maxQuestionRounds()), partsPool);
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
                    board.settle(task.name(), state.verifiedUnits());
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
                    try {
                        if (abort.get() == null && charged.containsKey(task.name())) {
                            builder.rework(task, state, workspace.context(task), charged.get(task.name()));
                        } else if (abort.get() == null) {
                            builder.build(task, state, workspace.context(task));
                        }
                    } catch (ModelException e) {
                        if (e.kind() == ModelException.Kind.CONTEXT_OVERFLOW) {
                            // a request too long for the model is this task's problem; the others go on
                            state.failed(e.getMessage());
                            listener.taskFailed(task.name(), e.getMessage());
                            workspace.save(state);
                            return;
                        }
                        abort.compareAndSet(null, e);
                        state.failed("stopped: " + e.getMessage());
                        workspace.save(state);
                    } finally {
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

    /**
     * The checks as the loop uses them: code whose own files compile is published on the board, and
     * a verdict that only waits for others' types is taken again once the board changed, or turned
     * into findings for the model when nobody else could ever change it.
     */
    private static final class Checks {
        private final CandidateBoard board;
        private final Semaphore permits;
        private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

        Checks(CandidateBoard board, Semaphore permits) {
            this.board = board;
            this.permits = permits;
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
            while (true) {
                long seen = board.version();
                Verdict verdict = check.verify(candidate);
                if (verdict.feedback().stream().anyMatch(f -> f.blocking() && f.modelCaused())) {
                    return verdict;
                }
                if (publish && !waitsInOwnFiles(verdict, candidate)) {
                    board.publish(owner, candidate.units());
                }
                if (!verdict.waiting()) {
                    return verdict;
                }
                if (!await(owner, seen)) {
                    return new Verdict(verdict.feedback().stream().map(f -> f.stage() == Feedback.Stage.WAITING
                            ? Feedback.blocking(Feedback.Stage.COMPILE, f.message()
                                    + " (no other task or part is writing this type)") : f).toList());
                }
            }
        }

        private boolean await(String owner, long seen) {
            boolean holds = holding.get();
            if (holds) {
                permits.release();
            }
            try {
                return board.awaitChange(owner, seen);
            } finally {
                if (holds) {
                    acquire(permits);
                }
            }
        }

        /** Whether the candidate's own code misses a type, so that it does not compile yet itself. */
        private static boolean waitsInOwnFiles(Verdict verdict, Candidate candidate) {
            List<String> ownFiles = candidate.units().stream()
                    .map(unit -> unit.relativePath().toString().replace('\\', '/') + ":").toList();
            return verdict.feedback().stream().filter(f -> f.stage() == Feedback.Stage.WAITING)
                    .anyMatch(f -> ownFiles.stream().anyMatch(f.message()::startsWith));
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

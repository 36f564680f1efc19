package dev.autocoder.engine;

import dev.autocoder.model.ChatPort;
import dev.autocoder.model.ModelException;
import dev.autocoder.state.TaskState;
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
    private final Clarifier clarifier;
    private final EngineListener listener;
    private final Settings settings;

    public Engine(ChatPort model, Verifier fastChecks, Verifier buildCheck, Clarifier clarifier,
            EngineListener listener, Settings settings) {
        this.model = model;
        this.fastChecks = fastChecks;
        this.buildCheck = buildCheck;
        this.clarifier = clarifier;
        this.listener = listener;
        this.settings = settings;
    }

    public Result run(List<Task> tasks, Workspace workspace) {
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
        Verifier full = stages(fastChecks, buildCheck, review);
        ExecutorService tasksPool = Executors.newFixedThreadPool(settings.parallelism(), named("autocoder-task"));
        ExecutorService partsPool = Executors.newCachedThreadPool(named("autocoder-part"));
        TaskBuilder builder = new TaskBuilder(model, full, fastChecks, clarifier, listener, workspace,
                new TaskBuilder.Limits(settings.maxDepth(), settings.maxConversationLength(),
                        settings.maxQuestionRounds()), partsPool);
        try {
            List<Future<?>> futures = new ArrayList<>();
            List<TaskState> ordered = new ArrayList<>();
            AtomicReference<ModelException> abort = new AtomicReference<>();
            for (Task task : tasks) {
                TaskState state = workspace.open(task);
                states.put(task.name(), state);
                ordered.add(state);
                if (state.status() == TaskState.Status.VERIFIED) {
                    listener.detail("task " + task.name() + " was verified earlier; its state is reused");
                    continue;
                }
                futures.add(tasksPool.submit(() -> {
                    if (abort.get() != null) {
                        return;
                    }
                    try {
                        builder.build(task, state, workspace.context(task));
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

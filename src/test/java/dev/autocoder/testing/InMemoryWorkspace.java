package dev.autocoder.testing;

import dev.autocoder.engine.Engine;
import dev.autocoder.engine.Task;
import dev.autocoder.state.TaskState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** An engine workspace that keeps task states in memory and shows every task the same context. */
public final class InMemoryWorkspace implements Engine.Workspace {

    private final Map<String, TaskState> states;
    private final Supplier<String> context;

    /** Keeps states in {@code states}, which the test may read; {@code context} is asked for each task. */
    public InMemoryWorkspace(Map<String, TaskState> states, Supplier<String> context) {
        this.states = states;
        this.context = context;
    }

    /** A workspace of its own, with an empty context. */
    public InMemoryWorkspace() {
        this(new ConcurrentHashMap<>(), () -> "");
    }

    @Override
    public TaskState open(Task task) {
        return states.computeIfAbsent(task.name(), name -> new TaskState(name, "fp"));
    }

    @Override
    public TaskState openPart(String name) {
        return states.computeIfAbsent(name, part -> new TaskState(part, "fp"));
    }

    @Override
    public void save(TaskState state) {
        states.put(state.task(), state);
    }

    @Override
    public String context(Task task) {
        return context.get();
    }
}

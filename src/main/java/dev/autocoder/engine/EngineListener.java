package dev.autocoder.engine;

import dev.autocoder.state.TaskState;
import dev.autocoder.verify.Verdict;
import java.util.List;

/**
 * Progress events from the engine, one per step of a task. The plugin turns them into log lines;
 * every method has an empty default so a listener takes only what it needs. Called from the
 * threads that work on the tasks.
 */
public interface EngineListener {

    default void taskStarted(String task) {
    }

    default void clarified(String task, List<TaskState.Clarification> clarifications) {
    }

    default void planned(String task, List<String> parts) {
    }

    default void attemptStarted(String task, int attempt) {
    }

    default void attemptVerified(String task, int attempt, Verdict verdict) {
    }

    default void taskVerified(String task, int attempts) {
    }

    default void taskFailed(String task, String reason) {
    }

    /** A detail worth a debug line. */
    default void detail(String message) {
    }

    /** Something the user should read once: how the run goes about a project of this kind. */
    default void notice(String message) {
    }
}

package dev.autocoder.verify;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The threads writing a candidate right now: asking the model for code, or checking its reply on
 * the way to the sub-build. A {@link BatchingVerifier} about to start a round waits a little for
 * them, so that candidates written at the same time share one round instead of taking turns.
 *
 * <p>A thread writes from the start of its task (its context and prompt come first), from its
 * request for code, from a failed verdict and from the moment another task's change ends its wait
 * (before it wakes), until its candidate goes to the sub-build, until it sleeps waiting for another
 * task's code, or until its conversation ends. A thread that dies stops writing. Thread-safe; never
 * blocks.
 */
public final class CandidateWriters {

    private final Set<Thread> writing = ConcurrentHashMap.newKeySet();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** The calling thread is writing a candidate. */
    public void writing() {
        writing(Thread.currentThread());
    }

    /**
     * {@code thread} is writing a candidate: a round marks the callers of its failed candidates
     * before it hands them their verdicts, and the board marks the threads a change wakes before
     * they wake, so that no round starting in between misses them.
     */
    void writing(Thread thread) {
        if (writing.add(thread)) {
            changed();
        }
    }

    /** The calling thread writes no candidate now. */
    public void idle() {
        idle(Thread.currentThread());
    }

    /** {@code thread} writes no candidate now: it sleeps until another task's code changes. */
    void idle(Thread thread) {
        if (writing.remove(thread)) {
            changed();
        }
    }

    /** How many threads write a candidate now. */
    public int count() {
        writing.removeIf(thread -> !thread.isAlive());
        return writing.size();
    }

    /** Runs {@code listener} after every change; it must not block. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}

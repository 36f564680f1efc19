package dev.autocoder.core;

import java.util.List;

/** Some tasks did not verify; their reasons, one per task. The verified ones were written. */
public class TasksFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> failures;

    public TasksFailedException(List<String> failures) {
        this(failures, "");
    }

    /** With a closing note, for example which tasks the lock file holds. */
    public TasksFailedException(List<String> failures, String note) {
        super(failures.size() + " task(s) not verified:\n  " + String.join("\n  ", failures)
                + (note.isEmpty() ? "" : "\n" + note));
        this.failures = List.copyOf(failures);
    }

    public List<String> failures() {
        return failures;
    }
}

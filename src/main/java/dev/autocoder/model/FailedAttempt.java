package dev.autocoder.model;

import java.time.Duration;

/**
 * One model call attempt that failed, already classified; the retry policy decides on
 * {@link #kind()} and waits at least {@link #retryAfter()}.
 */
final class FailedAttempt extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ModelException.Kind kind;
    private final String summary;
    private final transient Duration retryAfter;

    /**
     * @param summary a few words for a retry notice, such as {@code "HTTP 429"} or {@code "timeout"}
     * @param message the full explanation for a person
     * @param retryAfter what the server asked us to wait, or {@code null}
     * @param cause the underlying failure, or {@code null} when it must not be kept
     */
    FailedAttempt(ModelException.Kind kind, String summary, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.summary = summary;
        this.retryAfter = retryAfter;
    }

    ModelException.Kind kind() {
        return kind;
    }

    boolean retryable() {
        return kind == ModelException.Kind.TRANSIENT;
    }

    String summary() {
        return summary;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}

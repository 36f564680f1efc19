package dev.autocoder.model;

/** A model call that did not produce a usable reply, classified by what the user can do about it. */
public class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Kind {
        /** 401/403: the key is missing, wrong or not allowed. Never retried. */
        AUTHENTICATION,
        /** 404: the model or the endpoint path does not exist. Never retried. */
        NOT_FOUND,
        /** Another 4xx: the request itself is wrong. Never retried. */
        BAD_REQUEST,
        /** 429, 5xx, timeouts, dropped connections, malformed bodies: retried, then reported. */
        TRANSIENT,
        /** Replay mode and the cassette has no answer for this request. */
        NOT_RECORDED,
        /** A configured budget (tokens or calls) is spent. */
        BUDGET_EXHAUSTED,
        /**
         * The request is longer than the model's context (the endpoint said so) or than
         * {@code maxPromptTokens} even after cutting. Its task fails; the others go on.
         */
        CONTEXT_OVERFLOW,
        /**
         * The request quotes a secret (the API key, a header's value, the proxy password) and was not
         * sent. The fault is in what that task is shown (its spec, context files or tests): its task
         * fails; the others go on.
         */
        SECRET_IN_REQUEST
    }

    private final Kind kind;

    public ModelException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ModelException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.TRANSIENT;
    }

    /**
     * Whether the failure belongs to the one task whose request it was ({@link Kind#CONTEXT_OVERFLOW},
     * {@link Kind#SECRET_IN_REQUEST}): that task fails and the run goes on. Every other kind is about
     * the endpoint, the key or the budget, and stops the run.
     */
    public boolean taskOnly() {
        return kind == Kind.CONTEXT_OVERFLOW || kind == Kind.SECRET_IN_REQUEST;
    }
}

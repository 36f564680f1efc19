package dev.autocoder.context;

/**
 * A spec asked for project context that cannot be given: a file outside the project, or one that
 * does not exist. It is a problem in the user's input, so it extends {@link IllegalArgumentException}.
 */
public final class ContextException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ContextException(String message) {
        super(message);
    }
}

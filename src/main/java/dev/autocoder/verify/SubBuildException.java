package dev.autocoder.verify;

/**
 * A sub-build that failed for a reason no change to the candidate can fix: Maven could not start,
 * or could not resolve a plugin or dependency. It stops the run instead of being fed to the model,
 * which would only spend attempts on it.
 */
public class SubBuildException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SubBuildException(String message) {
        super(message);
    }
}

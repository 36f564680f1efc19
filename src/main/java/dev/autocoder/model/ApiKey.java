package dev.autocoder.model;

import java.util.Objects;

/**
 * The secret that authenticates model calls; it prints as {@code ****} so it cannot leak through a
 * log line, an exception message or a record's {@code toString()}.
 */
public final class ApiKey {

    private static final String MASK = "****";

    private final String secret;

    private ApiKey(String secret) {
        this.secret = secret;
    }

    /** Wraps a secret; blank secrets are allowed so that replay runs can carry "no key". */
    public static ApiKey of(String secret) {
        return new ApiKey(Objects.requireNonNull(secret, "secret").strip());
    }

    /** The key for runs that never reach a model, such as replays from a cassette. */
    public static ApiKey none() {
        return new ApiKey("");
    }

    public boolean isBlank() {
        return secret.isEmpty();
    }

    /** The secret itself; only the HTTP layer that sends it may call this. */
    public String reveal() {
        return secret;
    }

    /** Replaces every occurrence of the secret in {@code text} by {@code ****}. */
    public String redact(String text) {
        if (text == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, MASK);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.secret.equals(secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}

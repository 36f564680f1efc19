package dev.autocoder.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The secret that authenticates model calls; it prints as {@code ****} so it cannot leak through a
 * log line, an exception message or a record's {@code toString()}.
 */
public final class ApiKey {

    private static final String MASK = "****";

    /**
     * Keys shorter than this are no secret: local servers take any text ({@code unused},
     * {@code ollama}), and a real provider's key is far longer.
     */
    public static final int SECRET_MIN_LENGTH = 12;

    /**
     * Placeholders that local and self-hosted servers document for "no key" (vLLM's {@code EMPTY},
     * LM Studio's {@code lm-studio}, llama.cpp's {@code sk-no-key-required}), compared in lower case.
     */
    private static final Set<String> PLACEHOLDERS = Set.of("unused", "empty", "ollama", "lm-studio",
            "sk-no-key-required", "no-key-required", "none", "dummy", "test", "not-needed", "placeholder",
            "your-api-key", "your_api_key", "sk-placeholder", "changeme");

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

    /**
     * Whether the key could be a real credential, so that a request quoting it is refused and log
     * text has it masked. A placeholder ({@code unused}, {@code EMPTY}, {@code sk-no-key-required})
     * or anything under {@value #SECRET_MIN_LENGTH} characters is ordinary text in code and logs.
     */
    public boolean isSecret() {
        return secret.length() >= SECRET_MIN_LENGTH && !PLACEHOLDERS.contains(secret.toLowerCase(Locale.ROOT));
    }

    /** The secret itself; only the HTTP layer that sends it may call this. */
    public String reveal() {
        return secret;
    }

    /** Replaces every occurrence of the secret in {@code text} by {@code ****}, when it {@link #isSecret() is one}. */
    public String redact(String text) {
        if (text == null || !isSecret()) {
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

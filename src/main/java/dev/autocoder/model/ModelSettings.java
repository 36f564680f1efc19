package dev.autocoder.model;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible chat endpoint and how patiently to retry it.
 *
 * @param baseUrl the endpoint up to and including {@code /v1}
 * @param modelName the model to ask, for example {@code gpt-4.1-mini}
 * @param apiKey the secret sent as a bearer token
 * @param timeout the longest one HTTP call may take
 * @param maxRetries how many times a transient failure is retried (attempts = retries + 1)
 * @param retryBase the first backoff delay, doubled per retry
 * @param retryMax the largest backoff delay
 * @param maxRetryAfter the longest a server's {@code Retry-After} is honoured
 * @param maxOutputTokens the reply's token limit, or {@code null} for the endpoint's default
 * @param temperature the sampling temperature, or {@code null} to send none (some reasoning models
 *     reject it)
 */
public record ModelSettings(
        URI baseUrl,
        String modelName,
        ApiKey apiKey,
        Duration timeout,
        int maxRetries,
        Duration retryBase,
        Duration retryMax,
        Duration maxRetryAfter,
        Integer maxOutputTokens,
        Double temperature) {

    public static final URI OPENAI_BASE_URL = URI.create("https://api.openai.com/v1");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);
    public static final int DEFAULT_MAX_RETRIES = 4;
    public static final Duration DEFAULT_RETRY_BASE = Duration.ofSeconds(2);
    public static final Duration DEFAULT_RETRY_MAX = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
    /** Zero keeps replies as reproducible as the endpoint allows. */
    public static final double DEFAULT_TEMPERATURE = 0.0;

    public ModelSettings {
        baseUrl = baseUrl == null ? OPENAI_BASE_URL : baseUrl;
        Objects.requireNonNull(modelName, "modelName");
        if (modelName.isBlank()) {
            throw new IllegalArgumentException("modelName must not be blank");
        }
        Objects.requireNonNull(apiKey, "apiKey");
        requirePositive(timeout, "timeout");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
        requirePositive(retryBase, "retryBase");
        requirePositive(retryMax, "retryMax");
        if (retryMax.compareTo(retryBase) < 0) {
            throw new IllegalArgumentException("retryMax " + retryMax + " is below retryBase " + retryBase);
        }
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxOutputTokens != null && maxOutputTokens <= 0) {
            throw new IllegalArgumentException("maxOutputTokens must be positive: " + maxOutputTokens);
        }
    }

    /** Settings for {@code modelName} on the OpenAI endpoint with every other value at its default. */
    public static ModelSettings of(String modelName, ApiKey apiKey) {
        return new ModelSettings(OPENAI_BASE_URL, modelName, apiKey, DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES,
                DEFAULT_RETRY_BASE, DEFAULT_RETRY_MAX, DEFAULT_MAX_RETRY_AFTER, null, DEFAULT_TEMPERATURE);
    }

    public ModelSettings withBaseUrl(URI url) {
        return new ModelSettings(url, modelName, apiKey, timeout, maxRetries, retryBase, retryMax,
                maxRetryAfter, maxOutputTokens, temperature);
    }

    public ModelSettings withTimeout(Duration callTimeout) {
        return new ModelSettings(baseUrl, modelName, apiKey, callTimeout, maxRetries, retryBase, retryMax,
                maxRetryAfter, maxOutputTokens, temperature);
    }

    public ModelSettings withRetries(int retries, Duration base, Duration max) {
        return new ModelSettings(baseUrl, modelName, apiKey, timeout, retries, base, max, maxRetryAfter,
                maxOutputTokens, temperature);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}

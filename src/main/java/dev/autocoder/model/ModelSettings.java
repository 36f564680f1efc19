package dev.autocoder.model;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a chat endpoint and how patiently to retry it.
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
 * @param headers headers added to every request, secrets like the key
 * @param proxy the proxy from Maven's settings, or {@code null} for the JDK's own proxy selection
 *     (its {@code http.proxyHost} family of system properties)
 * @param provider the protocol the endpoint speaks
 * @param contextSize the context window to ask the server for ({@code num_ctx}), or {@code null} for
 *     the provider's default; only a provider that {@link Provider#takesContextSize() takes one} sends it
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
        Double temperature,
        RequestHeaders headers,
        ProxySettings proxy,
        Provider provider,
        Integer contextSize) {

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
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(provider, "provider");
        if (contextSize != null && contextSize <= 0) {
            throw new IllegalArgumentException("contextSize must be positive: " + contextSize);
        }
    }

    /** Settings with the provider's default context size. */
    public ModelSettings(URI baseUrl, String modelName, ApiKey apiKey, Duration timeout, int maxRetries,
            Duration retryBase, Duration retryMax, Duration maxRetryAfter, Integer maxOutputTokens,
            Double temperature, RequestHeaders headers, ProxySettings proxy, Provider provider) {
        this(baseUrl, modelName, apiKey, timeout, maxRetries, retryBase, retryMax, maxRetryAfter, maxOutputTokens,
                temperature, headers, proxy, provider, null);
    }

    /** Settings for {@code modelName} on the OpenAI endpoint with every other value at its default. */
    public static ModelSettings of(String modelName, ApiKey apiKey) {
        return new ModelSettings(OPENAI_BASE_URL, modelName, apiKey, DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES,
                DEFAULT_RETRY_BASE, DEFAULT_RETRY_MAX, DEFAULT_MAX_RETRY_AFTER, null, DEFAULT_TEMPERATURE,
                RequestHeaders.none(), null, Provider.OPENAI);
    }

    public ModelSettings withBaseUrl(URI url) {
        return new ModelSettings(url, modelName, apiKey, timeout, maxRetries, retryBase, retryMax,
                maxRetryAfter, maxOutputTokens, temperature, headers, proxy, provider, contextSize);
    }

    public ModelSettings withTimeout(Duration callTimeout) {
        return new ModelSettings(baseUrl, modelName, apiKey, callTimeout, maxRetries, retryBase, retryMax,
                maxRetryAfter, maxOutputTokens, temperature, headers, proxy, provider, contextSize);
    }

    public ModelSettings withRetries(int retries, Duration base, Duration max) {
        return new ModelSettings(baseUrl, modelName, apiKey, timeout, retries, base, max, maxRetryAfter,
                maxOutputTokens, temperature, headers, proxy, provider, contextSize);
    }

    /** These settings with other request headers and another proxy ({@code null}: the JDK's). */
    public ModelSettings withNetwork(RequestHeaders requestHeaders, ProxySettings proxySettings) {
        return new ModelSettings(baseUrl, modelName, apiKey, timeout, maxRetries, retryBase, retryMax,
                maxRetryAfter, maxOutputTokens, temperature, requestHeaders, proxySettings, provider, contextSize);
    }

    /** These settings for another provider's protocol, at the same endpoint. */
    public ModelSettings withProvider(Provider other) {
        return new ModelSettings(baseUrl, modelName, apiKey, timeout, maxRetries, retryBase, retryMax,
                maxRetryAfter, maxOutputTokens, temperature, headers, proxy, other, contextSize);
    }

    /** These settings asking the server for another context window ({@code null}: the provider's default). */
    public ModelSettings withContextSize(Integer tokens) {
        return new ModelSettings(baseUrl, modelName, apiKey, timeout, maxRetries, retryBase, retryMax,
                maxRetryAfter, maxOutputTokens, temperature, headers, proxy, provider, tokens);
    }

    /** The context window to ask the server for: the configured one, else the provider's default. */
    public Integer effectiveContextSize() {
        return provider.contextSize(contextSize);
    }

    /** The configured proxy unless the endpoint's host bypasses it. */
    public Optional<ProxySettings> proxyForEndpoint() {
        return Optional.ofNullable(proxy).filter(settings -> !settings.bypasses(baseUrl.getHost()));
    }

    /**
     * Names the first secret {@code text} contains (the API key, a header's value, the proxy
     * password), so that a request carrying one is refused before it leaves the machine. A
     * placeholder key ({@code unused}) is no secret: code may say {@code @SuppressWarnings("unused")}.
     */
    public Optional<String> secretIn(String text) {
        return secrets().entrySet().stream()
                .filter(secret -> text.contains(secret.getValue()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** {@code text} with every secret replaced by {@code ****}. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : secrets().values()) {
            redacted = redacted.replace(secret, "****");
        }
        return redacted;
    }

    /** Every secret by what it is, longest first so that a secret containing another is masked whole. */
    private Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        if (apiKey.isSecret()) {
            secrets.put("the API key", apiKey.reveal());
        }
        headers.secrets().forEach((name, value) -> secrets.put("the value of header `" + name + "`", value));
        if (proxy != null) {
            if (proxy.password() != null && proxy.password().length() >= RequestHeaders.SECRET_MIN_LENGTH) {
                secrets.put("the password of " + proxy.describe(), proxy.password());
            }
            proxy.authorization().ifPresent(value -> secrets.put("the credentials of " + proxy.describe(), value));
        }
        Map<String, String> longestFirst = new LinkedHashMap<>();
        secrets.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().length(), a.getValue().length()))
                .forEach(secret -> longestFirst.put(secret.getKey(), secret.getValue()));
        return longestFirst;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}

package dev.autocoder.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns whatever a LangChain4j call threw into a {@link FailedAttempt} whose kind says whether
 * retrying can help and whose message tells a person what to do, without ever containing the key.
 */
final class FailureClassifier {

    private static final int MAX_SERVER_MESSAGE = 500;
    // OpenAI's code, vLLM's and OpenAI's "maximum context length is N tokens", llama.cpp's error type,
    // Ollama's "input exceeds (maximum) context length", LM Studio's and gateways' "exceeds the context".
    private static final Pattern CONTEXT_TOO_LONG = Pattern.compile("context_length_exceeded|maximum context length"
            + "|exceed_context_size|exceeds?\\s+(?:the\\s+)?(?:maximum\\s+|available\\s+)?context"
            + "|context length exceeded|prompt is too long|input token count \\(\\d+\\) exceeds",
            Pattern.CASE_INSENSITIVE);

    private final ModelSettings settings;
    private final Clock clock;

    FailureClassifier(ModelSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    FailedAttempt classify(RuntimeException failure) {
        Throwable cause = keepable(failure);
        HttpStatusException status = find(failure, HttpStatusException.class);
        if (status != null) {
            return fromStatus(status, cause);
        }
        String endpoint = settings.baseUrl().toString();
        if (find(failure, TimeoutException.class) != null) {
            return transientFailure("timeout", "no reply from " + endpoint + " within " + settings.timeout(), cause);
        }
        if (find(failure, UnresolvedModelServerException.class) != null) {
            return transientFailure("unknown host", "cannot resolve the host of " + endpoint, cause);
        }
        IOException io = find(failure, IOException.class);
        if (io != null && !isJsonProblem(io)) {
            String through = settings.proxyForEndpoint()
                    .map(proxy -> " through " + proxy.describe() + " of settings.xml").orElse("");
            String help = settings.proxyForEndpoint()
                    .map(proxy -> "; check the proxy's <host> and <port>, or add the endpoint's host to its"
                            + " <nonProxyHosts>").orElse("");
            return transientFailure("connection failed",
                    "the connection to " + endpoint + through + " failed: " + describe(io) + help, cause);
        }
        if (failure instanceof NonRetriableException) {
            return new FailedAttempt(ModelException.Kind.BAD_REQUEST, "rejected",
                    "the request to " + endpoint + " was rejected: " + describe(failure), null, cause);
        }
        // Anything else came from reading the reply (bad JSON, no choices): a new attempt may do better.
        return transientFailure("malformed reply",
                "the reply from " + endpoint + " could not be read: " + describe(failure), cause);
    }

    /** An attempt whose reply had no text although the model did not filter it. */
    FailedAttempt emptyReply(String finishReason) {
        return transientFailure("empty reply", "the reply from " + settings.baseUrl()
                + " had no text (finish reason " + finishReason + ")", null);
    }

    private FailedAttempt fromStatus(HttpStatusException status, Throwable cause) {
        int code = status.statusCode();
        String endpoint = settings.baseUrl().toString();
        String said = "HTTP " + code + ": " + serverMessage(status.getMessage());
        if (code == 401 || code == 403) {
            return new FailedAttempt(ModelException.Kind.AUTHENTICATION, "HTTP " + code,
                    "the model endpoint " + endpoint + " refused the API key (" + said + "); set the "
                            + settings.provider().keyVariable() + " environment variable, or <apiKey>, or"
                            + " <serverId> pointing at a <server> in settings.xml"
                            + (settings.headers().reveal().isEmpty() ? ""
                                    : "; and check the headers " + settings.headers().reveal().keySet()
                                            + " (<headers>, or the <server> passwords <headerServers> names)"),
                    null, cause);
        }
        if (code == 407) {
            return new FailedAttempt(ModelException.Kind.AUTHENTICATION, "HTTP 407",
                    redact(proxyRefusal(endpoint)), null, cause);
        }
        if (code == 404) {
            return new FailedAttempt(ModelException.Kind.NOT_FOUND, "HTTP 404",
                    "the model endpoint " + endpoint + " does not know the model '" + settings.modelName()
                            + "' (" + said + "); check <model> and <baseUrl>"
                            + (settings.provider() == Provider.OLLAMA
                                    ? ", and that the server has the model (ollama pull " + settings.modelName() + ")"
                                    : ""),
                    null, cause);
        }
        if (code == 408 || code == 409 || code == 429 || code >= 500) {
            Duration retryAfter = status.header("Retry-After")
                    .flatMap(value -> RetrySchedule.parseRetryAfter(value, Instant.now(clock)))
                    .orElse(null);
            return new FailedAttempt(ModelException.Kind.TRANSIENT, "HTTP " + code,
                    "the model endpoint " + endpoint + " answered " + said, retryAfter, cause);
        }
        if ((code == 400 || code == 413) && saysContextIsTooLong(status.getMessage())) {
            return new FailedAttempt(ModelException.Kind.CONTEXT_OVERFLOW, "HTTP " + code + " context too long",
                    "the model endpoint " + endpoint + " refused the request as longer than the model's context ("
                            + said + ")", null, cause);
        }
        return new FailedAttempt(ModelException.Kind.BAD_REQUEST, "HTTP " + code,
                "the model endpoint " + endpoint + " rejected the request (" + said + ")", null, cause);
    }

    /** What to check when a proxy wants credentials; the password itself never appears. */
    private String proxyRefusal(String endpoint) {
        return settings.proxyForEndpoint().map(proxy -> {
            String sent = proxy.username() == null ? "no credentials (the proxy has no <username>)"
                    : "the credentials of user `" + proxy.username() + "`";
            return "the " + proxy.describe() + " of settings.xml refused " + sent + " for " + endpoint
                    + " (HTTP 407 Proxy Authentication Required); check its <username> and <password>"
                    + " (an encrypted password needs the settings-security.xml it was encrypted with)"
                    + (tunnelWithholdsBasic(proxy) ? "; for an https endpoint the JDK sends Basic proxy credentials"
                            + " only when Maven runs with -Djdk.http.auth.tunneling.disabledSchemes= (MAVEN_OPTS"
                            + " or .mvn/jvm.config)" : "");
        }).orElse("a proxy refused the call to " + endpoint + " (HTTP 407 Proxy Authentication Required);"
                + " configure the proxy with its <username> and <password> as a <proxy> in settings.xml");
    }

    /** Whether the JDK kept the proxy's Basic credentials from an https tunnel, as it does by default. */
    private boolean tunnelWithholdsBasic(ProxySettings proxy) {
        String disabled = System.getProperty("jdk.http.auth.tunneling.disabledSchemes");
        return "https".equalsIgnoreCase(settings.baseUrl().getScheme()) && proxy.username() != null
                && (disabled == null || disabled.toLowerCase(Locale.ROOT).contains("basic"));
    }

    /**
     * Whether an error body says the prompt exceeds the context: OpenAI's code
     * {@code context_length_exceeded}, vLLM's "maximum context length is N tokens", llama.cpp's
     * {@code exceed_context_size_error}, and Ollama's "input exceeds context length".
     */
    static boolean saysContextIsTooLong(String body) {
        return body != null && CONTEXT_TOO_LONG.matcher(body).find();
    }

    private FailedAttempt transientFailure(String summary, String message, Throwable cause) {
        return new FailedAttempt(ModelException.Kind.TRANSIENT, summary, redact(message), null, cause);
    }

    /** The {@code error.message} of an OpenAI error body, else the body itself, shortened and redacted. */
    private String serverMessage(String body) {
        String message = body == null ? "" : body.strip();
        try {
            JsonElement root = JsonParser.parseString(message);
            if (root.isJsonObject() && root.getAsJsonObject().get("error") instanceof JsonObject error
                    && error.get("message") != null && error.get("message").isJsonPrimitive()) {
                message = error.get("message").getAsString();
            }
        } catch (RuntimeException notJson) {
            // A proxy's HTML or plain-text error page: show it as it is.
        }
        if (message.isEmpty()) {
            message = "no message";
        }
        if (message.length() > MAX_SERVER_MESSAGE) {
            message = message.substring(0, MAX_SERVER_MESSAGE) + "...";
        }
        return redact(message);
    }

    private String describe(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        return redact(innermost.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    private String redact(String text) {
        return settings.redact(text);
    }

    /** The failure itself unless some message in its chain carries a secret, which then must not travel on. */
    private Throwable keepable(Throwable failure) {
        for (Throwable link = failure; link != null; link = link.getCause() == link ? null : link.getCause()) {
            if (link.getMessage() != null && settings.secretIn(link.getMessage()).isPresent()) {
                return null;
            }
        }
        return failure;
    }

    private static boolean isJsonProblem(IOException io) {
        return io.getClass().getName().startsWith("com.fasterxml.jackson");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable link = failure; link != null; link = link.getCause() == link ? null : link.getCause()) {
            if (type.isInstance(link)) {
                return type.cast(link);
            }
        }
        return null;
    }
}

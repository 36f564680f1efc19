package dev.autocoder.model;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A {@link ChatPort} that calls a chat endpoint through LangChain4j, with Failsafe owning every
 * retry (LangChain4j's own retries are off): OpenAI's chat completions, Anthropic's Messages API
 * for {@link Provider#ANTHROPIC}, or Ollama's native chat API for {@link Provider#OLLAMA}. All share
 * the retries, the failure classes and the mapping of replies below, because LangChain4j gives them
 * the same {@link ChatModel} face.
 *
 * <p>Transient failures (HTTP 408/409/429/5xx, timeouts, dropped connections, unreadable bodies,
 * replies without choices or without text) are retried with exponential backoff and jitter, and
 * never sooner than a server's {@code Retry-After} (capped by {@link ModelSettings#maxRetryAfter()}).
 * HTTP 401/403, 404 and other 4xx fail at once as {@link ModelException.Kind#AUTHENTICATION},
 * {@link ModelException.Kind#NOT_FOUND} and {@link ModelException.Kind#BAD_REQUEST}.
 *
 * <p>A refused or filtered reply is not an exception: it comes back as a {@link ChatReply} whose
 * finish reason is {@code "content_filter"} and whose text is whatever the model said (the refusal
 * text, or empty), so the engine decides whether to rephrase or give up.
 *
 * <p>The API key is sent only as the protocol's credential (OpenAI's and Ollama's bearer token,
 * Anthropic's {@code x-api-key}), the configured headers with every request; no message built here contains
 * either. A request whose text carries one of them, or the proxy's
 * password, is refused before it is sent ({@link ModelException.Kind#SECRET_IN_REQUEST}); a placeholder
 * key such as {@code unused} is no secret and never refuses a request.
 */
public final class LangChain4jChatPort implements ChatPort {

    private static final String CONTENT_FILTER = "content_filter";

    private final ModelSettings settings;
    private final ChatModel model;
    private final FailureClassifier classifier;
    private final RetryPolicy<ChatReply> retryPolicy;

    /**
     * @param retryNotices receives one line per scheduled retry, for the build log
     */
    public LangChain4jChatPort(ModelSettings settings, Consumer<String> retryNotices) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(retryNotices, "retryNotices");
        this.model = switch (settings.provider()) {
            case OPENAI -> openAi(settings);
            case ANTHROPIC -> anthropic(settings);
            case OLLAMA -> ollama(settings);
        };
        this.classifier = new FailureClassifier(settings, Clock.systemUTC());
        RetrySchedule schedule = new RetrySchedule(settings.retryBase(), settings.retryMax(), settings.maxRetryAfter());
        int attempts = settings.maxRetries() + 1;
        this.retryPolicy = RetryPolicy.<ChatReply>builder()
                .handleIf(failure -> failure instanceof FailedAttempt attempt && attempt.retryable())
                .withMaxRetries(settings.maxRetries())
                .withDelayFn(context -> schedule.delayBefore(context.getAttemptCount(),
                        ((FailedAttempt) context.getLastException()).retryAfter(),
                        ThreadLocalRandom.current().nextDouble()))
                .onRetryScheduled(event -> retryNotices.accept(String.format(Locale.ROOT,
                        "model call failed (%s), retrying in %.1f s (attempt %d of %d)",
                        ((FailedAttempt) event.getLastException()).summary(),
                        event.getDelay().toMillis() / 1000.0, event.getAttemptCount() + 1, attempts)))
                .build();
    }

    private static ChatModel openAi(ModelSettings settings) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(new HeaderKeepingHttpClient.Builder(settings.proxy()))
                .baseUrl(settings.baseUrl().toString())
                .apiKey(settings.apiKey().reveal())
                .customHeaders(settings.headers().reveal())
                .modelName(settings.modelName())
                .timeout(settings.timeout())
                .temperature(settings.temperature())
                .maxCompletionTokens(settings.maxOutputTokens())
                .maxRetries(0)
                .build();
    }

    private static ChatModel anthropic(ModelSettings settings) {
        return AnthropicChatModel.builder()
                .httpClientBuilder(new HeaderKeepingHttpClient.Builder(settings.proxy()))
                .baseUrl(settings.baseUrl().toString())
                .apiKey(settings.apiKey().reveal())
                .customHeaders(settings.headers().reveal())
                .modelName(settings.modelName())
                .timeout(settings.timeout())
                .temperature(settings.temperature())
                .maxTokens(settings.maxOutputTokens() != null ? settings.maxOutputTokens()
                        : settings.provider().defaultMaxOutputTokens())
                .maxRetries(0)
                .build();
    }

    /**
     * Ollama's native {@code /api/chat}, asking for the context window the prompts were fitted to, so
     * the server never cuts a prompt silently. A key, when there is one, goes as a bearer token.
     */
    private static ChatModel ollama(ModelSettings settings) {
        Map<String, String> headers = new LinkedHashMap<>(settings.headers().reveal());
        if (!settings.apiKey().isBlank()) {
            headers.putIfAbsent("Authorization", "Bearer " + settings.apiKey().reveal());
        }
        return OllamaChatModel.builder()
                .httpClientBuilder(new HeaderKeepingHttpClient.Builder(settings.proxy()))
                .baseUrl(settings.baseUrl().toString())
                .customHeaders(headers)
                .modelName(settings.modelName())
                .timeout(settings.timeout())
                .temperature(settings.temperature())
                .numCtx(settings.effectiveContextSize())
                .numPredict(settings.maxOutputTokens())
                .maxRetries(0)
                .build();
    }

    /** The settings this port calls with; the key inside prints as {@code ****}. */
    public ModelSettings settings() {
        return settings;
    }

    @Override
    public ChatReply chat(ChatRequest request) {
        refuseSecrets(request);
        AtomicInteger attempts = new AtomicInteger();
        try {
            return Failsafe.with(retryPolicy).get(() -> {
                attempts.incrementAndGet();
                return attempt(request);
            });
        } catch (FailedAttempt failure) {
            int made = attempts.get();
            String how = failure.retryable()
                    ? " after " + made + (made == 1 ? " attempt" : " attempts") + "; last failure: "
                    : ": ";
            throw new ModelException(failure.kind(),
                    "model call for '" + request.purpose() + "' failed" + how + failure.getMessage(), failure.getCause());
        } catch (FailsafeException interrupted) {
            // Failsafe wraps only checked exceptions, and a blocking retry throws just InterruptedException.
            Thread.currentThread().interrupt();
            throw new ModelException(ModelException.Kind.TRANSIENT,
                    "interrupted while waiting to retry the model call for '" + request.purpose() + "'", interrupted);
        }
    }

    /**
     * Stops a request that would carry a configured secret to the endpoint, and into the journal
     * and cassette after it: project text that quotes the key, say, or a context file holding it.
     */
    private void refuseSecrets(ChatRequest request) {
        for (ChatMessage message : request.messages()) {
            settings.secretIn(message.text()).ifPresent(secret -> {
                throw new ModelException(ModelException.Kind.SECRET_IN_REQUEST, "refusing to send the request for '"
                        + request.purpose() + "': its " + message.role().name().toLowerCase(Locale.ROOT)
                        + " message contains " + secret + ". Remove that value from the spec, the project"
                        + " files it names and the tests the model is shown.");
            });
        }
    }

    private ChatReply attempt(ChatRequest request) {
        ChatResponse response;
        try {
            response = model.chat(toLangChain4j(request));
        } catch (ContentFilteredException refused) {
            return new ChatReply(refused.getMessage() == null ? "" : refused.getMessage(), TokenUsage.NONE,
                    CONTENT_FILTER);
        } catch (RuntimeException failure) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ModelException(ModelException.Kind.TRANSIENT,
                        "interrupted while calling the model for '" + request.purpose() + "'", failure);
            }
            throw classifier.classify(failure);
        }
        String finishReason = finishReason(response.finishReason());
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null) {
            if (!CONTENT_FILTER.equals(finishReason)) {
                throw classifier.emptyReply(finishReason);
            }
            text = "";
        }
        return new ChatReply(text, usage(response.tokenUsage()), finishReason);
    }

    private static dev.langchain4j.model.chat.request.ChatRequest toLangChain4j(ChatRequest request) {
        List<dev.langchain4j.data.message.ChatMessage> messages = request.messages().stream()
                .map(LangChain4jChatPort::toLangChain4j)
                .toList();
        return dev.langchain4j.model.chat.request.ChatRequest.builder().messages(messages).build();
    }

    private static dev.langchain4j.data.message.ChatMessage toLangChain4j(ChatMessage message) {
        return switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.text());
            case USER -> UserMessage.from(message.text());
            case ASSISTANT -> AiMessage.from(message.text());
        };
    }

    private static TokenUsage usage(dev.langchain4j.model.output.TokenUsage usage) {
        if (usage == null) {
            return TokenUsage.NONE;
        }
        long cached = usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null
                ? orZero(openAi.inputTokensDetails().cachedTokens()) : 0;
        return new TokenUsage(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()), cached);
    }

    private static long orZero(Integer count) {
        return count == null ? 0 : count;
    }

    /** The protocol's spelling of a finish reason, which LangChain4j turned into an enum. */
    private static String finishReason(FinishReason reason) {
        if (reason == null) {
            return "unknown";
        }
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_EXECUTION -> "tool_calls";
            case CONTENT_FILTER -> CONTENT_FILTER;
            case OTHER -> "other";
        };
    }
}

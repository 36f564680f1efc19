package dev.autocoder.model;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the prompt tokens of a request the way the model's tokenizer does, or estimates them.
 *
 * <p>OpenAI's models are counted exactly with their own byte-pair encoding (jtokkit, which
 * LangChain4j's OpenAI module already brings): {@code o200k_base} for the gpt-4o, gpt-4.1, gpt-5 and
 * o-series families, {@code cl100k_base} for gpt-4 and gpt-3.5. Any other model (Llama, Qwen,
 * Mistral, DeepSeek behind Ollama, vLLM or LM Studio) has a tokenizer of its own that is not on the
 * classpath, so its count is an estimate: the {@code cl100k_base} count times
 * {@value #ESTIMATE_FACTOR}, which stays above what those tokenizers make of English and Java.
 * Every message costs {@value #MESSAGE_OVERHEAD} tokens more (its role and separators) and every
 * request {@value #REPLY_PRIMER} for the start of the reply, as OpenAI documents for chat models.
 *
 * <p>An encoding takes most of a second to load, so it loads on a thread of its own, once per JVM,
 * from the first counter that needs it; {@link #atMost} bounds a request without it, so that a
 * request that fits whatever the count need not wait for it.
 */
public final class TokenCounter {

    /** Tokens each message costs besides its text. */
    public static final int MESSAGE_OVERHEAD = 4;

    /** Tokens every request costs for priming the reply. */
    public static final int REPLY_PRIMER = 3;

    /** How much the estimate for a model without a known tokenizer adds to the {@code cl100k_base} count. */
    public static final double ESTIMATE_FACTOR = 1.25;

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final List<String> O200K_FAMILIES = List.of("gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "o1", "o3",
            "o4", "chatgpt-4o");
    private static final List<String> CL100K_FAMILIES = List.of("gpt-4", "gpt-3.5");

    private static final Map<EncodingType, CompletableFuture<Encoding>> LOADED = new ConcurrentHashMap<>();

    private final EncodingType type;
    private final CompletableFuture<Encoding> encoding;
    private final double factor;

    private TokenCounter(EncodingType type, double factor) {
        this.type = type;
        this.encoding = load(type);
        this.factor = factor;
    }

    /** The encoding, loading on a daemon thread of its own from the first call for it. */
    private static CompletableFuture<Encoding> load(EncodingType type) {
        return LOADED.computeIfAbsent(type, key -> {
            CompletableFuture<Encoding> loading = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    loading.complete(REGISTRY.getEncoding(key));
                } catch (RuntimeException | Error e) {
                    loading.completeExceptionally(e);
                }
            }, "autocoder-tokenizer");
            thread.setDaemon(true);
            thread.start();
            return loading;
        });
    }

    /** The counter for a model name as the endpoint knows it ({@code gpt-4o-mini}, {@code qwen2.5-coder:14b}). */
    public static TokenCounter forModel(String modelName) {
        String name = family(modelName);
        if (O200K_FAMILIES.stream().anyMatch(name::startsWith)) {
            return new TokenCounter(EncodingType.O200K_BASE, 1.0);
        }
        if (CL100K_FAMILIES.stream().anyMatch(name::startsWith)) {
            return new TokenCounter(EncodingType.CL100K_BASE, 1.0);
        }
        return new TokenCounter(EncodingType.CL100K_BASE, ESTIMATE_FACTOR);
    }

    /** The model's name without a router's provider prefix ({@code openai/gpt-4o} is gpt-4o), lower case. */
    static String family(String modelName) {
        String name = modelName.strip().toLowerCase(Locale.ROOT);
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** Whether counts come from the model's own tokenizer rather than the estimate. */
    public boolean exact() {
        return factor == 1.0;
    }

    /** The tokens of a text on its own. */
    public int count(String text) {
        return (int) Math.ceil(encoding().countTokensOrdinary(text) * factor);
    }

    private Encoding encoding() {
        try {
            return encoding.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The prompt tokens of a request with these messages. */
    public int count(List<ChatMessage> messages) {
        int total = REPLY_PRIMER;
        for (ChatMessage message : messages) {
            total += MESSAGE_OVERHEAD + count(message.text());
        }
        return total;
    }

    /**
     * A bound that {@link #count(List)} never exceeds, without the encoding: these encodings work on
     * UTF-8 bytes, and every token stands for at least one, so a text has at most as many tokens as
     * bytes.
     */
    public long atMost(List<ChatMessage> messages) {
        long total = REPLY_PRIMER;
        for (ChatMessage message : messages) {
            total += MESSAGE_OVERHEAD + (long) Math.ceil(message.text().getBytes(StandardCharsets.UTF_8).length * factor);
        }
        return total;
    }

    /** How counts are made, for a log line. */
    public String describe() {
        return exact() ? type.getName() : "estimate (" + type.getName() + " x " + ESTIMATE_FACTOR + ")";
    }
}

package dev.autocoder.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default bound on a request's prompt tokens per model family, when {@code maxPromptTokens}
 * is not set: the model's context window less room for the reply, and for a model this table does
 * not know, a size that a local server with a 16k context can hold with room to answer.
 */
public final class PromptLimits {

    /** The default for a model this table does not know, such as most local models. */
    public static final int UNKNOWN_MODEL = 8_000;

    // Longest prefix wins, so gpt-4o is not read as gpt-4. Windows less room for the reply;
    // capped at 200,000 because a task never needs more, and a bigger prompt only costs more.
    private static final Map<String, Integer> BY_PREFIX = new LinkedHashMap<>();

    static {
        BY_PREFIX.put("gpt-5", 200_000);
        BY_PREFIX.put("gpt-4.1", 200_000);
        BY_PREFIX.put("gpt-4.5", 100_000);
        BY_PREFIX.put("gpt-4o", 100_000);
        BY_PREFIX.put("chatgpt-4o", 100_000);
        BY_PREFIX.put("gpt-4-turbo", 100_000);
        BY_PREFIX.put("gpt-4-32k", 28_000);
        BY_PREFIX.put("gpt-4", 6_000);
        BY_PREFIX.put("gpt-3.5", 12_000);
        BY_PREFIX.put("o1", 150_000);
        BY_PREFIX.put("o3", 150_000);
        BY_PREFIX.put("o4", 150_000);
        // Anthropic's models (provider anthropic) have a 200,000-token window, like the o-series.
        BY_PREFIX.put("claude", 150_000);
    }

    private PromptLimits() {
    }

    /** The default {@code maxPromptTokens} for a model. */
    public static int defaultFor(String modelName) {
        String name = TokenCounter.family(modelName);
        String best = "";
        for (String prefix : BY_PREFIX.keySet()) {
            if (name.startsWith(prefix) && prefix.length() > best.length()) {
                best = prefix;
            }
        }
        return best.isEmpty() ? UNKNOWN_MODEL : BY_PREFIX.get(best);
    }
}

package dev.autocoder.model;

/**
 * Input and output tokens a model reply cost, as the endpoint reported them.
 *
 * @param cachedInputTokens how many of the input tokens the endpoint served from its prompt cache
 *     (OpenAI's {@code prompt_tokens_details.cached_tokens}), which it bills for less; 0 when it
 *     does not say
 */
public record TokenUsage(long inputTokens, long outputTokens, long cachedInputTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0 || cachedInputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    /** A usage with nothing cached. */
    public TokenUsage(long inputTokens, long outputTokens) {
        this(inputTokens, outputTokens, 0);
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cachedInputTokens + other.cachedInputTokens);
    }

    public long total() {
        return inputTokens + outputTokens;
    }
}

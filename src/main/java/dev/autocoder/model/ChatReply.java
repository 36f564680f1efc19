package dev.autocoder.model;

import java.util.Objects;

/**
 * The model's answer to one request.
 *
 * @param text the assistant message
 * @param usage tokens the call cost; {@link TokenUsage#NONE} when the endpoint did not say
 * @param finishReason the protocol's {@code finish_reason} ({@code "stop"}, {@code "length"}, ...),
 *     lower case, or {@code "unknown"}
 */
public record ChatReply(String text, TokenUsage usage, String finishReason) {

    public ChatReply {
        Objects.requireNonNull(text, "text");
        usage = usage == null ? TokenUsage.NONE : usage;
        finishReason = finishReason == null ? "unknown" : finishReason;
    }

    /** True when the endpoint cut the reply off at its token limit. */
    public boolean truncated() {
        return "length".equals(finishReason);
    }
}

package dev.autocoder.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What is sent to the model: the conversation so far and a label saying what the call is for.
 *
 * <p>The label ({@code purpose}, for example {@code "generate money-utils"} or {@code "review
 * money-utils"}) is for people and reports only; it takes no part in {@link #key()}.
 */
public record ChatRequest(String purpose, List<ChatMessage> messages) {

    public ChatRequest {
        Objects.requireNonNull(purpose, "purpose");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
    }

    /**
     * A stable SHA-256 of the model name and the messages: the same conversation sent to the same
     * model has the same key on every machine, which is what the reply journal and cassettes use.
     */
    public String key(String modelName) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, modelName);
            for (ChatMessage message : messages) {
                update(digest, message.role().name());
                update(digest, message.text());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        // Length-prefix each part so that ("ab","c") and ("a","bc") never collide.
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}

package dev.autocoder.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What is sent to the model: the conversation so far, what the call does and which task it is for.
 *
 * <p>The action ({@code generate}, {@code review}) and the task ({@code money}, or {@code money/part-1}
 * for a part of a plan) label the call for people and tell the reply journal whose reply it keeps;
 * neither takes part in {@link #key(String)}.
 */
public record ChatRequest(String action, String task, List<ChatMessage> messages) {

    public ChatRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(task, "task");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
    }

    /** What people read, for example {@code generate money}. */
    public String purpose() {
        return action + " " + task;
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

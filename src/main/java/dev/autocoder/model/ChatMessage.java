package dev.autocoder.model;

import java.util.Objects;

/** One message of a chat conversation: who said it and what. */
public record ChatMessage(Role role, String text) {

    /** The speaker of a message, named as the OpenAI chat-completions protocol names them. */
    public enum Role { SYSTEM, USER, ASSISTANT }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    public static ChatMessage system(String text) {
        return new ChatMessage(Role.SYSTEM, text);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, text);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, text);
    }
}

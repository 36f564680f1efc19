package dev.autocoder.engine;

import dev.autocoder.model.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A generator conversation with a sliding window: the full history is kept (for state and the
 * report), but what is sent is the system prompt, the task, and as many of the newest messages as
 * fit in {@code maxMessages}, which always includes the newest feedback.
 */
final class Conversation {

    static final String OMITTED = "[Earlier attempts and their feedback are omitted to save space.]";

    private final List<ChatMessage> messages;
    private final int maxMessages;

    Conversation(List<ChatMessage> history, int maxMessages) {
        if (history.size() < 2) {
            throw new IllegalArgumentException("a conversation starts with a system prompt and a task");
        }
        this.messages = new ArrayList<>(history);
        this.maxMessages = maxMessages;
    }

    static Conversation start(String systemPrompt, String task, int maxMessages) {
        return new Conversation(List.of(ChatMessage.system(systemPrompt), ChatMessage.user(task)), maxMessages);
    }

    void add(ChatMessage message) {
        messages.add(message);
    }

    List<ChatMessage> history() {
        return List.copyOf(messages);
    }

    /** The messages to send: head (system, task), a note if anything was dropped, then the tail. */
    List<ChatMessage> window() {
        if (messages.size() <= maxMessages) {
            return List.copyOf(messages);
        }
        // The head and the omission note take three places; the tail gets the rest, at least the
        // newest message. Starting the tail at a reply keeps each reply with the feedback on it.
        int tailSize = Math.max(1, maxMessages - 3);
        int tailStart = messages.size() - tailSize;
        while (tailStart < messages.size() - 1 && messages.get(tailStart).role() != ChatMessage.Role.ASSISTANT) {
            tailStart++;
        }
        List<ChatMessage> window = new ArrayList<>(messages.subList(0, 2));
        window.add(ChatMessage.user(OMITTED));
        window.addAll(messages.subList(tailStart, messages.size()));
        return window;
    }
}

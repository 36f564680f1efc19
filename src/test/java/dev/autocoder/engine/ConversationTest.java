package dev.autocoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autocoder.model.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {

    @Test
    void aShortConversationIsSentWhole() {
        Conversation conversation = Conversation.start("system", "task", 10);
        conversation.add(ChatMessage.assistant("code 1"));

        assertEquals(conversation.history(), conversation.window());
    }

    @Test
    void theWindowKeepsSystemPromptTaskAndNewestFeedback() {
        Conversation conversation = Conversation.start("system", "task", 5);
        for (int i = 1; i <= 6; i++) {
            conversation.add(ChatMessage.assistant("code " + i));
            conversation.add(ChatMessage.user("feedback " + i));
        }

        List<ChatMessage> window = conversation.window();

        assertEquals(5, window.size());
        assertEquals("system", window.get(0).text());
        assertEquals("task", window.get(1).text());
        assertEquals(Conversation.OMITTED, window.get(2).text());
        assertEquals("feedback 6", window.get(window.size() - 1).text());
        assertEquals(14, conversation.history().size());
    }

    @Test
    void evenTheSmallestWindowKeepsTheNewestMessage() {
        Conversation conversation = Conversation.start("system", "task", 3);
        conversation.add(ChatMessage.assistant("code"));
        conversation.add(ChatMessage.user("newest feedback"));

        List<ChatMessage> window = conversation.window();

        assertEquals(List.of("system", "task", Conversation.OMITTED, "newest feedback"),
                window.stream().map(ChatMessage::text).toList());
    }
}

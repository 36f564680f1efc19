package dev.autocoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCounterTest {

    @Test
    void openAiModelsAreCountedWithTheirOwnEncoding() {
        TokenCounter counter = TokenCounter.forModel("gpt-4o-mini-2024-07-18");

        assertTrue(counter.exact());
        assertEquals("o200k_base", counter.describe());
        assertEquals(2, counter.count("hello world"));
        assertEquals("cl100k_base", TokenCounter.forModel("openai/gpt-4-0613").describe());
    }

    @Test
    void aRequestCostsItsMessagesPlusTheirOverheadAndTheReplyPrimer() {
        TokenCounter counter = TokenCounter.forModel("gpt-4o");

        int count = counter.count(List.of(ChatMessage.system("hello world"), ChatMessage.user("hello world")));

        assertEquals(2 * (2 + TokenCounter.MESSAGE_OVERHEAD) + TokenCounter.REPLY_PRIMER, count);
    }

    @Test
    void otherModelsAreEstimatedOnTheLargeSide() {
        TokenCounter local = TokenCounter.forModel("qwen2.5-coder:14b");
        String code = "public final class Money { private final long cents; }\n".repeat(100);

        assertFalse(local.exact());
        assertTrue(local.count(code) > TokenCounter.forModel("gpt-4").count(code));
    }

    @Test
    void theBoundWithoutTheEncodingIsNeverBelowTheCount() {
        List<ChatMessage> messages = List.of(
                ChatMessage.system("You write Java. Reply with code only."),
                ChatMessage.user("public final class Money { private final long cents; }\n".repeat(40)),
                ChatMessage.assistant("Prix arrondi \u00e0 l'euro sup\u00e9rieur: 12,50 \u20ac \u2192 13 \u20ac; \u4fa1\u683c"
                        + " \ud83d\udcb6\ud83d\udcb6\ud83d\udcb6"),
                ChatMessage.user("    \t\n\n}}}}]]]]))))" + "x".repeat(500)));

        for (String model : List.of("gpt-4o", "gpt-4", "qwen2.5-coder:14b")) {
            TokenCounter counter = TokenCounter.forModel(model);
            for (int i = 1; i <= messages.size(); i++) {
                List<ChatMessage> some = messages.subList(0, i);
                assertTrue(counter.atMost(some) >= counter.count(some), model + ", " + i + " message(s): "
                        + counter.atMost(some) + " < " + counter.count(some));
            }
        }
    }

    @Test
    void defaultBoundsFollowTheLongestKnownModelPrefix() {
        assertEquals(100_000, PromptLimits.defaultFor("gpt-4o-mini"));
        assertEquals(200_000, PromptLimits.defaultFor("gpt-4.1-nano"));
        assertEquals(6_000, PromptLimits.defaultFor("gpt-4-0613"));
        assertEquals(150_000, PromptLimits.defaultFor("claude-sonnet-4-5"));
        assertEquals(PromptLimits.UNKNOWN_MODEL, PromptLimits.defaultFor("llama3.1:8b"));
    }
}

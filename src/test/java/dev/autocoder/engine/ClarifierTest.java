package dev.autocoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autocoder.state.TaskState.Clarification;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClarifierTest {

    private final Task task = new Task("money", "Money", Map.of("rounding", "HALF_EVEN", "currency code", "EUR"),
            List.of());

    @Test
    void aConfiguredAnswerMatchesTheQuestionsKeyword() {
        List<Clarification> answers = new Clarifier(Optional.empty())
                .answer(task, List.of(new Reply.Question("rounding", "Which mode?")));

        assertEquals(new Clarification("Which mode?", "HALF_EVEN", Clarification.Source.CONFIGURATION),
                answers.get(0));
    }

    @Test
    void aConfiguredAnswerMatchesAKeyTheQuestionMentions() {
        List<Clarification> answers = new Clarifier(Optional.empty())
                .answer(task, List.of(new Reply.Question("", "Which Currency-Code is the default?")));

        assertEquals("EUR", answers.get(0).answer());
    }

    @Test
    void thePersonAtTheTerminalIsAskedWhenNothingIsConfigured() {
        Clarifier clarifier = new Clarifier(Optional.of((taskName, question) -> Optional.of("  only USD ")));

        Clarification answer = clarifier.answer(task, List.of(new Reply.Question("scope", "Anything else?"))).get(0);

        assertEquals(new Clarification("Anything else?", "only USD", Clarification.Source.USER), answer);
    }

    @Test
    void inBatchModeTheModelIsToldToProceedOnStatedAssumptions() {
        Clarification answer = new Clarifier(Optional.empty())
                .answer(task, List.of(new Reply.Question("scope", "Anything else?"))).get(0);

        assertEquals(Clarification.Source.ASSUMPTION, answer.source());
        assertEquals(Clarifier.ASSUMPTION, answer.answer());
    }
}

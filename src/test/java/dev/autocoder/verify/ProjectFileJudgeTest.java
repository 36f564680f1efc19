package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ProjectFileJudgeTest {

    private static final Feedback SOMEONE_ELSES = Feedback.advice(Feedback.Stage.COMPILE, "someone else's");

    private final ProjectFileJudge judge = new ProjectFileJudge(List.of(
            new CodeUnit("com.example", "Money", "package com.example;\npublic class Money {}\n", false)));
    private final AtomicInteger fallbacks = new AtomicInteger();
    private final Supplier<Optional<Feedback>> someoneElses = () -> {
        fallbacks.incrementAndGet();
        return Optional.of(SOMEONE_ELSES);
    };

    @Test
    void aFindingNamingTheCandidatesTypeIsTheModelsAtTheGivenStage() {
        String message = "com/example/MoneyTest.java:7: method add in class Money cannot be applied to given types";

        Optional<Feedback> finding = judge.judge(Feedback.Stage.TEST, message, false, someoneElses);

        assertEquals(Optional.of(Feedback.blocking(Feedback.Stage.TEST, message)), finding);
        assertEquals(0, fallbacks.get(), "the fallback is not asked");
    }

    @Test
    void aMissingTypeWaitsEvenWhenTheMessageNamesTheCandidatesType() {
        String message = "com/example/MoneyTest.java:3: cannot find symbol (symbol: class Money, location: package"
                + " com.example)";

        Optional<Feedback> finding = judge.judge(Feedback.Stage.COMPILE, message, true, someoneElses);

        assertEquals(Optional.of(Feedback.blocking(Feedback.Stage.WAITING, message)), finding);
        assertEquals(0, fallbacks.get());
    }

    @Test
    void aMissingTypeNobodyWroteWaits() {
        String message = "com/example/LedgerTest.java:3: cannot find symbol (symbol: class Ledger)";

        Optional<Feedback> finding = judge.judge(Feedback.Stage.COMPILE, message, true, someoneElses);

        assertEquals(Optional.of(Feedback.blocking(Feedback.Stage.WAITING, message)), finding);
    }

    @Test
    void aFindingThatNamesNoCandidateTypeIsSettledByTheFallback() {
        String message = "com/example/Clock.java:9: incompatible types: int cannot be converted to String";

        Optional<Feedback> finding = judge.judge(Feedback.Stage.COMPILE, message, false, someoneElses);

        assertEquals(Optional.of(SOMEONE_ELSES), finding);
        assertEquals(1, fallbacks.get());
    }

    @Test
    void aFallbackMayDropTheFinding() {
        Optional<Feedback> finding = judge.judge(Feedback.Stage.COMPILE, "Invoice.java:1: error", false,
                Optional::empty);

        assertTrue(finding.isEmpty());
    }

    @Test
    void onlyWholeTypeNamesCountAsMentions() {
        assertTrue(judge.mentionsCandidate("new Money(1)"));
        assertTrue(judge.mentionsCandidate("at com.example.Money.add(Money.java:5)"));
        assertFalse(judge.mentionsCandidate("class MoneyTest"));
        assertFalse(judge.mentionsCandidate("SmallMoney"));
    }
}

package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The board of newest code: who sees what, and when waiting ends. */
class CandidateBoardTest {

    private static CodeUnit unit(String type, String body) {
        return new CodeUnit("p", type, "package p;\npublic class " + type + " { " + body + " }\n", false);
    }

    @Test
    void othersSeeTheNewestUnitOfEachTypeButNeverTheirOwn() {
        CandidateBoard board = new CandidateBoard();
        board.publish("calc", List.of(unit("Stack", "int old;")));
        board.publish("calc/stack", List.of(unit("Stack", "int newer;")));
        board.publish("money", List.of(unit("Money", "")));

        assertEquals(List.of("int newer;"), board.others("money").stream()
                .filter(u -> u.typeName().equals("Stack")).map(u -> u.source().split("\\{ ")[1].split(" }")[0]).toList());
        assertTrue(board.others("money").stream().noneMatch(u -> u.typeName().equals("Money")));
        assertEquals(2, board.others("other").size());
    }

    @Test
    void anOwnerThatEndsUnverifiedWithdrawsItsCodeAndItsParts() {
        CandidateBoard board = new CandidateBoard();
        board.enter("calc");
        board.publish("calc/stack", List.of(unit("Stack", "")));
        board.publish("money", List.of(unit("Money", "")));

        board.leave("calc", false);

        assertEquals(List.of("Money"), board.others("x").stream().map(CodeUnit::typeName).toList());
    }

    @Test
    void waitingEndsWhenAnotherOwnerPublishes() throws Exception {
        CandidateBoard board = new CandidateBoard();
        board.enter("a");
        board.enter("b");
        long seen = board.version();
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> board.awaitChange("a", seen));

        board.publish("b", List.of(unit("B", "")));

        assertTrue(waited.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aPartDoesNotWaitForItsEnclosingTaskWhichPublishesOnlyAfterItsParts() {
        CandidateBoard board = new CandidateBoard();
        board.enter("calc");
        board.enter("calc/stack");

        assertFalse(board.awaitChange("calc/stack", board.version()));
    }

    @Test
    void whenEveryOtherActiveOwnerWaitsTooTheLastOneToWaitStopsAndTheOtherWaitsForWhatItDoesNext() throws Exception {
        CandidateBoard board = new CandidateBoard();
        board.enter("a");
        board.enter("b");
        long seen = board.version();
        CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> board.awaitChange("a", seen));
        CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> board.awaitChange("b", seen));

        assertEquals(Boolean.FALSE, CompletableFuture.anyOf(a, b).get(10, TimeUnit.SECONDS));
        String stopped = a.isDone() ? "a" : "b";
        CompletableFuture<Boolean> other = a.isDone() ? b : a;
        assertFalse(other.isDone(), "only the last one to wait stops");
        board.leave(stopped, false);
        assertTrue(other.get(10, TimeUnit.SECONDS), "the other's wait ends when the first one leaves");
    }
}

package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The board of newest code: who sees what, and when waiting ends. */
class CandidateBoardTest {

    private static final Duration SHORT = Duration.ofMillis(300);

    private static CodeUnit unit(String type, String body) {
        return new CodeUnit("p", type, "package p;\npublic class " + type + " { " + body + " }\n", false);
    }

    /** What a unit made by {@link #unit} holds between its braces. */
    private static String body(CodeUnit unit) {
        return unit.source().split("\\{ ")[1].split(" }")[0];
    }

    @Test
    void othersSeeTheNewestUnitOfEachTypeButNeverTheirOwn() {
        CandidateBoard board = new CandidateBoard();
        board.publish("calc", List.of(unit("Stack", "int old;")));
        board.publish("calc/stack", List.of(unit("Stack", "int newer;")));
        board.publish("money", List.of(unit("Money", "")));

        assertEquals(List.of("int newer;"), board.others("money").stream()
                .filter(u -> u.typeName().equals("Stack")).map(CandidateBoardTest::body).toList());
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

    /**
     * Waits on a test that fails the same whatever the waiting code does take turns: the owner told
     * to stop that only waits again, having changed nothing, is not told again while the other still
     * waits, so it cannot spend its whole budget on a failure the other owner's code may cause.
     */
    @Test
    void anOwnerWhoseTurnChangedNothingHandsTheNextStopToTheOtherWaiter() throws Exception {
        CandidateBoard board = new CandidateBoard();
        board.enter("a");
        board.enter("b");
        board.publish("b", List.of(unit("B", "int x;")));
        long seen = board.version();
        CompletableFuture<CandidateBoard.Wake> a = CompletableFuture.supplyAsync(
                () -> board.awaitChange("a", seen, Duration.ofSeconds(30), true));
        waitUntil(() -> board.waiting("a"));

        assertEquals(CandidateBoard.Wake.NEVER, board.awaitChange("b", seen, Duration.ofSeconds(30), true),
                "b came last: it stops first");
        assertFalse(a.isDone(), "a waits for what b does next");
        board.publish("b", List.of(unit("B", "int x;")));
        CompletableFuture<CandidateBoard.Wake> bAgain = CompletableFuture.supplyAsync(
                () -> board.awaitChange("b", seen, Duration.ofSeconds(30), true));

        assertEquals(CandidateBoard.Wake.NEVER, a.get(10, TimeUnit.SECONDS), "b changed nothing: now a stops");
        assertFalse(bAgain.isDone(), "b waits for what a does");
        board.publish("a", List.of(unit("A", "int y;")));
        assertEquals(CandidateBoard.Wake.CHANGED, bAgain.get(10, TimeUnit.SECONDS));
    }

    /**
     * Found on Apache Commons Text: the right {@code IllegalArgumentExceptions} (a) was sent the
     * wrong path fence's (b's) failure first, as the two shared a module, and answered with the same
     * code, which woke nobody; b waited for a's next code while a was sent the failure nine times
     * more, alone. Publishing the same code again ends a's turn: b, which waits for it, wakes, and
     * a wait for anything else does not.
     */
    @Test
    void theSameCodeAgainWakesOnlyTheOwnersThatWaitForThatOwnersTurn() throws Exception {
        CandidateBoard board = new CandidateBoard();
        board.enter("a");
        board.enter("b");
        board.enter("c");
        board.enter("d");
        board.publish("a", List.of(unit("A", "int x;")));
        long seen = board.version();
        CompletableFuture<CandidateBoard.Wake> afterA = CompletableFuture.supplyAsync(
                () -> board.awaitChange("b", seen, Duration.ofSeconds(30), true, true));
        CompletableFuture<CandidateBoard.Wake> forAType = CompletableFuture.supplyAsync(
                () -> board.awaitChange("c", seen, Duration.ofSeconds(30), false, false));
        waitUntil(() -> board.waiting("b") && board.waiting("c"));

        board.publish("a", List.of(unit("A", "int x;")));

        assertEquals(CandidateBoard.Wake.CHANGED, afterA.get(10, TimeUnit.SECONDS), "a's turn changed nothing");
        assertFalse(forAType.isDone(), "no code changed for a wait on a type");
        assertEquals(seen, board.version(), "the board itself did not change");
        board.publish("d", List.of(unit("D", "")));
        assertEquals(CandidateBoard.Wake.CHANGED, forAType.get(10, TimeUnit.SECONDS));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void anOwnersOwnPublishDoesNotEndItsWait() {
        CandidateBoard board = new CandidateBoard();
        board.enter("a");
        board.enter("b");
        long seen = board.version();

        board.publish("a", List.of(unit("A", "")));

        assertEquals(CandidateBoard.Wake.TIMED_OUT, board.awaitChange("a", seen, SHORT));
    }

    @Test
    void aRepublishOfIdenticalUnitsWakesNobody() {
        CandidateBoard board = new CandidateBoard();
        board.enter("a");
        board.enter("b");
        board.publish("b", List.of(unit("B", "int x;")));
        long seen = board.version();

        board.publish("b", List.of(unit("B", "int x;")));

        assertEquals(seen, board.version());
        assertEquals(CandidateBoard.Wake.TIMED_OUT, board.awaitChange("a", seen, SHORT));
    }

    @Test
    void anotherOwnersChangedCodeEndsTheWait() throws Exception {
        CandidateBoard board = new CandidateBoard();
        board.enter("a");
        board.enter("b");
        board.publish("b", List.of(unit("B", "int x;")));
        long seen = board.version();
        CompletableFuture<CandidateBoard.Wake> waited = CompletableFuture.supplyAsync(
                () -> board.awaitChange("a", seen, Duration.ofSeconds(30)));

        board.publish("b", List.of(unit("B", "int y;")));

        assertEquals(CandidateBoard.Wake.CHANGED, waited.get(10, TimeUnit.SECONDS));
    }

    /** A change outside the board (a type the build generates, learned by the compiler) ends every owner's wait. */
    @Test
    void aChangeOutsideTheBoardEndsEveryOwnersWait() throws Exception {
        CandidateBoard board = new CandidateBoard();
        board.enter("a");
        board.enter("b");
        board.enter("c");
        long seen = board.version();
        CompletableFuture<CandidateBoard.Wake> a = CompletableFuture.supplyAsync(
                () -> board.awaitChange("a", seen, Duration.ofSeconds(30)));
        CompletableFuture<CandidateBoard.Wake> b = CompletableFuture.supplyAsync(
                () -> board.awaitChange("b", seen, Duration.ofSeconds(30)));
        while (!board.waiting("a") || !board.waiting("b")) {
            Thread.sleep(5);
        }

        board.changedOutside();

        assertEquals(CandidateBoard.Wake.CHANGED, a.get(10, TimeUnit.SECONDS));
        assertEquals(CandidateBoard.Wake.CHANGED, b.get(10, TimeUnit.SECONDS));
    }

    /**
     * A waiting thread writes nothing while it sleeps, and writes again from the change that ends
     * its wait: the publisher's thread finds it writing as soon as its publish returns, whatever the
     * woken thread has done by then. A wait the board ends without sleeping leaves it as it was.
     */
    @Test
    void aWaitingThreadWritesNothingWhileItSleepsAndWritesAgainFromTheChangeThatWakesIt() throws Exception {
        CandidateBoard board = new CandidateBoard();
        CandidateWriters writers = new CandidateWriters();
        board.tellWriters(writers);
        board.enter("a");
        board.enter("b");
        long seen = board.version();
        java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);
        Thread a = new Thread(() -> {
            writers.writing();
            board.awaitChange("a", seen, Duration.ofSeconds(30));
            try {
                // Alive, so that it still counts: a thread that ends stops writing.
                end.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            a.start();
            waitUntil(() -> board.waiting("a") && writers.count() == 0);

            board.publish("b", List.of(unit("B", "")));

            assertEquals(1, writers.count(), "a writes from b's publish on");
            board.publish("a", List.of(unit("A", "")));
            assertEquals(CandidateBoard.Wake.CHANGED, board.awaitChange("b", seen, SHORT), "the board had changed");
            assertEquals(1, writers.count(), "b, which never slept, was not marked");
        } finally {
            end.countDown();
            a.join(10_000);
        }
    }

    @Test
    void waitingEndsAtOnceWhenNoOtherActiveOwnerCouldPublish() {
        CandidateBoard board = new CandidateBoard();
        board.settle("money", List.of(unit("Money", "")));
        board.enter("a");

        assertEquals(CandidateBoard.Wake.NEVER, board.awaitChange("a", board.version(), Duration.ofSeconds(30)));
    }

    @Test
    void aTypeAnotherTaskPublishedIsRefusedAndNeverShadowsTheOwners() {
        CandidateBoard board = new CandidateBoard();
        board.publish("a", List.of(unit("Money", "long cents;")));

        List<String> refused = board.publish("b", List.of(unit("Money", "// stub"), unit("Wallet", "")));

        assertEquals(List.of("p.Money"), refused);
        assertEquals(List.of("long cents;"), board.others("c").stream().filter(u -> u.typeName().equals("Money"))
                .map(CandidateBoardTest::body).toList());
        assertEquals(List.of("Wallet"), board.others("a").stream().map(CodeUnit::typeName).toList());
        board.attempt("b", List.of(unit("Money", "// stub")));
        assertTrue(board.othersAttempted("c").stream().noneMatch(u -> u.source().contains("stub")));
    }

    @Test
    void aTasksPartsPublishTheTypesTheirTaskOwns() {
        CandidateBoard board = new CandidateBoard();
        board.publish("calc/stack", List.of(unit("Op", ""), unit("Stack", "")));

        assertEquals(List.of(), board.publish("calc/adder", List.of(unit("Op", ""), unit("Adder", ""))));
        assertEquals(List.of(), board.publish("calc", List.of(unit("Op", ""), unit("Stack", ""), unit("Adder", ""))));
        assertEquals(List.of("p.Stack"), board.publish("other", List.of(unit("Stack", ""))));
    }

    @Test
    void aTypeIsFreeOnceItsOwnerWithdrewItsCode() {
        CandidateBoard board = new CandidateBoard();
        board.enter("a");
        board.publish("a", List.of(unit("Money", "")));

        board.leave("a", false);

        assertEquals(List.of(), board.publish("b", List.of(unit("Money", ""))));
    }
}

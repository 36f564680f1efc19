package dev.autocoder.state;

import dev.autocoder.model.ChatMessage;
import dev.autocoder.model.TokenUsage;
import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.Feedback;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a task's run has produced so far: its conversation, every attempt with its verdict,
 * the clarifications, the tokens spent. Saved after every model reply and every verdict, read back
 * to resume, and read by the report.
 *
 * <p>One thread works on a task at a time; the methods are synchronized so that a snapshot taken
 * for saving or reporting is consistent.
 */
public final class TaskState {

    /** Where a task stands. */
    public enum Status { PENDING, VERIFIED, FAILED }

    /** One refinement round: what the model offered and what verification said. */
    public record Attempt(int number, List<CodeUnit> units, List<Feedback> feedback, boolean passed,
            long verifyMillis) {
        public Attempt {
            units = List.copyOf(units);
            feedback = List.copyOf(feedback);
        }
    }

    /** A question the model asked, its answer, and where the answer came from. */
    public record Clarification(String question, String answer, Source source) {
        /** Who answered: the configuration, the person at the terminal, or a stated assumption. */
        public enum Source { CONFIGURATION, USER, ASSUMPTION }
    }

    private final String task;
    private String fingerprint;
    private Status status = Status.PENDING;
    private String failure;
    private List<ChatMessage> conversation = new ArrayList<>();
    private List<Attempt> attempts = new ArrayList<>();
    private List<Clarification> clarifications = new ArrayList<>();
    private List<CodeUnit> verifiedUnits = new ArrayList<>();
    private TokenUsage usage = TokenUsage.NONE;
    private long modelCalls;
    private long modelMillis;
    private long verifyMillis;

    public TaskState(String task, String fingerprint) {
        this.task = task;
        this.fingerprint = fingerprint;
    }

    public String task() {
        return task;
    }

    public synchronized String fingerprint() {
        return fingerprint;
    }

    public synchronized Status status() {
        return status;
    }

    public synchronized String failure() {
        return failure;
    }

    public synchronized List<ChatMessage> conversation() {
        return List.copyOf(conversation);
    }

    public synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public synchronized List<Clarification> clarifications() {
        return List.copyOf(clarifications);
    }

    public synchronized List<CodeUnit> verifiedUnits() {
        return List.copyOf(verifiedUnits);
    }

    public synchronized TokenUsage usage() {
        return usage;
    }

    public synchronized long modelCalls() {
        return modelCalls;
    }

    public synchronized long modelMillis() {
        return modelMillis;
    }

    public synchronized long verifyMillis() {
        return verifyMillis;
    }

    public synchronized void conversation(List<ChatMessage> messages) {
        this.conversation = new ArrayList<>(messages);
    }

    public synchronized void recordModelCall(TokenUsage callUsage, long millis) {
        usage = usage.plus(callUsage);
        modelCalls++;
        modelMillis += millis;
    }

    public synchronized void addAttempt(Attempt attempt) {
        attempts.add(attempt);
        verifyMillis += attempt.verifyMillis();
    }

    public synchronized void addClarification(Clarification clarification) {
        clarifications.add(clarification);
    }

    public synchronized void verified(List<CodeUnit> units) {
        status = Status.VERIFIED;
        failure = null;
        verifiedUnits = new ArrayList<>(units);
    }

    public synchronized void failed(String reason) {
        status = Status.FAILED;
        failure = reason;
    }

    /**
     * Whether everything a saved file must supply is there: a truncated or hand-edited file can
     * parse as JSON and still lack a list, which would fail much later, far from its cause.
     */
    synchronized boolean complete() {
        return task != null && status != null && usage != null
                && noNulls(conversation) && noNulls(attempts) && noNulls(clarifications)
                && noNulls(verifiedUnits);
    }

    private static boolean noNulls(List<?> list) {
        return list != null && !list.contains(null);
    }

    /** Starts the task over (its inputs changed): keeps nothing but the name. */
    public synchronized void reset(String newFingerprint) {
        fingerprint = newFingerprint;
        status = Status.PENDING;
        failure = null;
        conversation = new ArrayList<>();
        attempts = new ArrayList<>();
        clarifications = new ArrayList<>();
        verifiedUnits = new ArrayList<>();
        usage = TokenUsage.NONE;
        modelCalls = 0;
        modelMillis = 0;
        verifyMillis = 0;
    }
}

package dev.autocoder.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One finding about a candidate, phrased for the model.
 *
 * @param stage which check found it
 * @param blocking whether it keeps the candidate from being verified; advice (checkstyle warnings)
 *     is passed on but does not block
 * @param message the finding, for example {@code com/example/Money.java:12: cannot find symbol}
 */
public record Feedback(Stage stage, boolean blocking, String message) {

    /**
     * The checks a candidate goes through, in the order they run, and two findings that are not the
     * model's: {@code WAITING}, the code needs types another task or part has not written yet, and
     * {@code PROJECT}, the project's own build fails whatever the candidate is.
     */
    public enum Stage { EXTRACT, STATIC, COMPILE, REVIEW, CHECKSTYLE, TEST, BUILD, TIMEOUT, WAITING, PROJECT }

    /**
     * How a finding begins that stops a task without the model: the code needs a type that another
     * task was writing and that task ended unverified.
     */
    public static final String NEEDS_UNVERIFIED_TASK = "cannot be verified without the code of task ";

    /** How a wait for another task's code, which does not compile with the candidate, begins. */
    public static final String OTHERS_DO_NOT_COMPILE = "another task's or part's code does not compile with this code";

    /**
     * How a wait begins for another task's code that fails a gate of the project's build (a
     * formatter, a checkstyle rule) in the module the candidate was built in, so that no test ran.
     */
    public static final String OTHERS_FAIL_A_GATE = "another task's or part's code fails a check of the project's build";

    /**
     * How a wait begins for a test that fails just the same when the candidate's behaviour is taken
     * out (see {@code BehaviourStubs}): its failure comes from other code it runs with, which another
     * task may still change.
     */
    public static final String FAILS_WHATEVER_IT_DOES = "a test fails just the same when this code's methods only"
            + " throw, so it waits for the other tasks' code it runs with to change: ";

    /**
     * How a wait begins for a test that fails in a module the candidate shared with other tasks'
     * candidates, where no baseline run so far clears them: one of them is sent the failure first,
     * after its own stubbed baseline, and the others wait for its code to change rather than each
     * paying for a failure only one of them may have caused (their stubbed baselines run when it is
     * their turn).
     */
    public static final String ANOTHER_IS_SENT_IT_FIRST = "a test that runs this code and other tasks' code fails,"
            + " and no run so far tells whose code it fails on; another of those tasks is sent it first, and this"
            + " waits for that code to change: ";

    public Feedback {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(message, "message");
    }

    public static Feedback blocking(Stage stage, String message) {
        return new Feedback(stage, true, message);
    }

    public static Feedback advice(Stage stage, String message) {
        return new Feedback(stage, false, message);
    }

    /** Whether the finding is about the candidate, as opposed to waiting for others or the project. */
    public boolean modelCaused() {
        return stage != Stage.WAITING && stage != Stage.PROJECT;
    }

    /**
     * Whether the finding waits on a test whose failure no run could pin on this code alone: such
     * waits take turns at being sent it when no other code will change.
     */
    public boolean takesTurns() {
        return failsWhateverItDoes() || waitsForAnothersTurn();
    }

    /** Whether the finding waits for the next code of another task that was sent the same failing test first. */
    public boolean waitsForAnothersTurn() {
        return stage == Stage.WAITING && message.startsWith(ANOTHER_IS_SENT_IT_FIRST);
    }

    /** A type or package a compile error says does not exist, as javac words it. */
    private static final Pattern MISSING = Pattern.compile(
            "symbol: (?:class|variable) (\\w+)|package ([\\w.]+) does not exist");

    /**
     * What the finding says does not exist, in its order: each type by its simple name, each
     * package as {@code package x}; empty when it says nothing of the kind.
     */
    public List<String> missingTypes() {
        return missingTypes(message);
    }

    /** What a compile error's text says does not exist, as {@link #missingTypes()} reads it. */
    static List<String> missingTypes(String message) {
        List<String> names = new ArrayList<>();
        Matcher missing = MISSING.matcher(message);
        while (missing.find()) {
            names.add(missing.group(1) != null ? missing.group(1) : "package " + missing.group(2));
        }
        return names;
    }

    /** Whether the finding waits on a test that fails just the same with the candidate's behaviour taken out. */
    public boolean failsWhateverItDoes() {
        return stage == Stage.WAITING && message.startsWith(FAILS_WHATEVER_IT_DOES);
    }

    @Override
    public String toString() {
        return "[" + stage.name().toLowerCase(java.util.Locale.ROOT) + "] " + message;
    }
}

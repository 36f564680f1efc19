package dev.autocoder.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What verification concluded about a candidate: verified when no finding blocks.
 *
 * @param feedback every finding, blocking ones and advice, in the order the checks ran
 */
public record Verdict(List<Feedback> feedback) {

    public static final Verdict PASSED = new Verdict(List.of());

    public Verdict {
        feedback = List.copyOf(feedback);
    }

    public static Verdict failed(Feedback.Stage stage, String message) {
        return new Verdict(List.of(Feedback.blocking(stage, message)));
    }

    public boolean passed() {
        return feedback.stream().noneMatch(Feedback::blocking);
    }

    /** Whether it only waits for other tasks' types: nothing the model caused blocks, something waits. */
    public boolean waiting() {
        return feedback.stream().filter(Feedback::blocking).allMatch(f -> f.stage() == Feedback.Stage.WAITING)
                && !passed();
    }

    /** The first blocking finding that the candidate did not cause: the project's own build fails. */
    public Optional<Feedback> projectFailure() {
        return feedback.stream().filter(f -> f.blocking() && f.stage() == Feedback.Stage.PROJECT).findFirst();
    }

    /** The first blocking finding, for one-line log messages. */
    public Optional<Feedback> firstFailure() {
        return feedback.stream().filter(Feedback::blocking).findFirst();
    }

    /** This verdict followed by another's findings. */
    public Verdict and(Verdict other) {
        List<Feedback> all = new ArrayList<>(feedback);
        all.addAll(other.feedback);
        return new Verdict(all);
    }
}

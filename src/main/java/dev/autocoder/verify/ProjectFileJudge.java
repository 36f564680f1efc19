package dev.autocoder.verify;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Whose a finding in one of the project's own files is, by the rule the in-process compile and the
 * sub-build share: the model's when it names one of the candidate's types, waiting when it misses a
 * type nobody has written yet, and otherwise someone else's, which each stage settles its own way.
 */
final class ProjectFileJudge {

    private final Pattern candidateTypes;

    /** A judge for findings about the candidate made of these units. */
    ProjectFileJudge(Collection<CodeUnit> candidateUnits) {
        this.candidateTypes = TypeMentions.pattern(candidateUnits);
    }

    /** Whether a text (a message, a test's source) names one of the candidate's types as a whole word. */
    boolean mentionsCandidate(String text) {
        return candidateTypes.matcher(text).find();
    }

    /**
     * Judges a finding in a project file.
     *
     * @param stage the stage a finding of the model's is reported at
     * @param message the finding as the model would read it
     * @param missingType whether the finding says a type (or its package) does not exist at all
     * @param someoneElses what the finding is when it is neither the model's nor waiting
     */
    Optional<Feedback> judge(Feedback.Stage stage, String message, boolean missingType,
            Supplier<Optional<Feedback>> someoneElses) {
        if (missingType) {
            return Optional.of(Feedback.blocking(Feedback.Stage.WAITING, message));
        }
        if (mentionsCandidate(message)) {
            return Optional.of(Feedback.blocking(stage, message));
        }
        return someoneElses.get();
    }
}

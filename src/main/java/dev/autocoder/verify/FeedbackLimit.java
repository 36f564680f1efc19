package dev.autocoder.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a verdict's findings within a size the model can read: the first findings are kept, the
 * rest are counted, because the first failure is usually the cause of those after it.
 */
final class FeedbackLimit {

    static final int DEFAULT_CHARS = 4000;

    private FeedbackLimit() {
    }

    static Verdict apply(List<Feedback> findings, int maxChars) {
        List<Feedback> kept = new ArrayList<>();
        int used = 0;
        int dropped = 0;
        boolean droppedBlocking = false;
        for (Feedback finding : findings) {
            if (used + finding.message().length() <= maxChars) {
                kept.add(finding);
                used += finding.message().length();
            } else {
                dropped++;
                droppedBlocking |= finding.blocking();
            }
        }
        if (dropped > 0) {
            Feedback.Stage stage = findings.get(findings.size() - 1).stage();
            kept.add(new Feedback(stage, droppedBlocking && kept.stream().noneMatch(Feedback::blocking),
                    dropped + " more findings left out; fix the ones above first"));
        }
        return new Verdict(kept);
    }
}

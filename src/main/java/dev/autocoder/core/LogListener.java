package dev.autocoder.core;

import dev.autocoder.engine.EngineListener;
import dev.autocoder.state.TaskState;
import dev.autocoder.verify.Feedback;
import dev.autocoder.verify.Verdict;
import java.util.List;

/** Turns engine events into one log line per task step, details at debug level. */
final class LogListener implements EngineListener {

    private final RunLog log;

    LogListener(RunLog log) {
        this.log = log;
    }

    @Override
    public void taskStarted(String task) {
        log.info("[" + task + "] asking the model");
    }

    @Override
    public void clarified(String task, List<TaskState.Clarification> clarifications) {
        log.info("[" + task + "] the model asked " + clarifications.size() + " question(s)");
        for (TaskState.Clarification clarification : clarifications) {
            log.info("[" + task + "]   Q: " + clarification.question());
            log.info("[" + task + "]   A (" + clarification.source().name().toLowerCase(java.util.Locale.ROOT)
                    + "): " + clarification.answer());
        }
    }

    @Override
    public void planned(String task, List<String> parts) {
        log.info("[" + task + "] split into " + parts.size() + " part(s): " + String.join(", ", parts));
    }

    @Override
    public void attemptStarted(String task, int attempt) {
        log.debug("[" + task + "] verifying attempt " + attempt);
    }

    @Override
    public void attemptVerified(String task, int attempt, Verdict verdict) {
        if (verdict.passed()) {
            log.info("[" + task + "] attempt " + attempt + ": passed");
        } else {
            log.info("[" + task + "] attempt " + attempt + ": failed, "
                    + verdict.firstFailure().map(LogListener::firstLine).orElse(""));
        }
        if (log.isDebugEnabled()) {
            verdict.feedback().forEach(finding -> log.debug("[" + task + "]   " + finding));
        }
    }

    @Override
    public void taskVerified(String task, int attempts) {
        log.info("[" + task + "] verified after " + attempts + " attempt(s)");
    }

    @Override
    public void taskFailed(String task, String reason) {
        log.warn("[" + task + "] not verified: " + reason);
    }

    @Override
    public void detail(String message) {
        log.debug(message);
    }

    @Override
    public void notice(String message) {
        log.info(message);
    }

    static String firstLine(Feedback feedback) {
        String text = feedback.toString();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " ...";
    }
}

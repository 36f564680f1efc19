package dev.autocoder.core;

import dev.autocoder.engine.Task;
import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.Feedback;
import dev.autocoder.verify.SubBuildVerifier;
import dev.autocoder.verify.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies locked code again, without the model, for the tasks whose verification inputs changed:
 * all the locked code in one final check, the way the project's build will see it, which charges
 * each failing test to the tasks whose code it needs by evidence.
 */
final class Reverification {

    /** One task's verdict, and how long the verification it came from took. */
    record Result(Verdict verdict, long millis) {
    }

    private Reverification() {
    }

    /**
     * @param tasks every task, in the run's order
     * @param stale the tasks to verify again, in the run's order
     * @param locked the locked code by task, the stale tasks' included
     * @return a result for each stale task, in the same order: the failures charged to it, or the
     *     project's own failure when the build fails whatever the code is
     */
    static Map<Task, Result> run(List<Task> tasks, List<Task> stale, Map<String, List<CodeUnit>> locked,
            SubBuildVerifier subBuilds) {
        Map<String, List<CodeUnit>> byTask = new LinkedHashMap<>();
        tasks.stream().filter(task -> locked.containsKey(task.name()))
                .forEach(task -> byTask.put(task.name(), locked.get(task.name())));
        long started = System.nanoTime();
        SubBuildVerifier.FinalCheck check = subBuilds.verifyTogether(byTask, byTask.size() == tasks.size());
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<Task, Result> results = new LinkedHashMap<>();
        for (Task task : stale) {
            List<Feedback> charged = check.charged().getOrDefault(task.name(), List.of());
            Verdict verdict = !charged.isEmpty() ? new Verdict(charged)
                    : check.unassigned().isEmpty() ? Verdict.PASSED
                    : new Verdict(check.unassigned().stream().map(finding -> finding.stage() == Feedback.Stage.PROJECT
                            ? finding : Feedback.blocking(Feedback.Stage.PROJECT, finding.message())).toList());
            results.put(task, new Result(verdict, millis));
        }
        return results;
    }
}

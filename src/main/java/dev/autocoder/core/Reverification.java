package dev.autocoder.core;

import dev.autocoder.engine.Task;
import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.SubBuildVerifier;
import dev.autocoder.verify.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies locked code again, without the model, for the tasks whose verification inputs changed:
 * all the locked code in one sub-build, the way the project's build will see it, and task by task
 * only when that fails, to tell which task's code no longer stands.
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
     * @return a result for each stale task, in the same order
     */
    static Map<Task, Result> run(List<Task> tasks, List<Task> stale, Map<String, List<CodeUnit>> locked,
            SubBuildVerifier subBuilds) {
        Map<Task, Result> results = new LinkedHashMap<>();
        List<CodeUnit> all = tasks.stream().flatMap(task -> locked.getOrDefault(task.name(), List.of()).stream())
                .toList();
        long started = System.nanoTime();
        Verdict together = subBuilds.verifyTogether(all);
        Result joint = new Result(together, millisSince(started));
        if (together.passed() || stale.size() == 1) {
            stale.forEach(task -> results.put(task, joint));
            return results;
        }
        // Several changed tasks failed together: each is tried in the run's order on top of the code
        // that stands, so that one task's broken code does not cost the others their locked code,
        // and a task that passes stands for those after it that use its types.
        List<CodeUnit> standing = tasks.stream().filter(task -> !stale.contains(task))
                .flatMap(task -> locked.getOrDefault(task.name(), List.of()).stream()).toList();
        for (Task task : stale) {
            List<CodeUnit> units = new ArrayList<>(standing);
            units.addAll(locked.get(task.name()));
            long alone = System.nanoTime();
            Verdict verdict = subBuilds.verifyTogether(units);
            results.put(task, new Result(verdict, millisSince(alone)));
            if (verdict.passed()) {
                standing = units;
            }
        }
        return results;
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}

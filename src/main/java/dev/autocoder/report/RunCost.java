package dev.autocoder.report;

import dev.autocoder.verify.SubBuildCosts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run's verification cost in sub-builds, per task and in all, against the run's wall time
 * and the project's own last test time.
 *
 * @param runMillis the run's wall time, from planning to its end
 * @param subBuilds how many sub-builds the run started
 * @param subBuildMillis their whole wall time
 * @param tasks each task's share: the sub-builds it took part in and its share of their time (a
 *     round that carried several tasks' candidates is split equally among them); the final check's
 *     under {@link SubBuildCosts#FINAL_CHECK}
 * @param projectTestMillis the project's own last test time (its surefire reports in the real build
 *     folder, read before the run), or null when unknown
 * @param profiles the sub-build profiles written ({@code -Dautocoder.profile})
 */
public record RunCost(long runMillis, int subBuilds, long subBuildMillis, Map<String, SubBuildCosts.Cost> tasks,
        Long projectTestMillis, List<String> profiles) {

    /** A run that started no sub-build, with nothing known of the project's tests. */
    public static final RunCost NONE = new RunCost(0, 0, 0, Map.of(), null, List.of());

    public RunCost {
        tasks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
        profiles = List.copyOf(profiles);
    }

    /** The cost of a run from its sub-builds' record. */
    public static RunCost of(long runMillis, SubBuildCosts costs, Long projectTestMillis, List<String> profiles) {
        SubBuildCosts.Cost total = costs.total();
        Map<String, SubBuildCosts.Cost> sorted = new java.util.TreeMap<>(costs.shares());
        return new RunCost(runMillis, total.subBuilds(), total.millis(), sorted, projectTestMillis, profiles);
    }

    /** A task's share, nothing when it took part in no sub-build. */
    public SubBuildCosts.Cost of(String task) {
        return tasks.getOrDefault(task, SubBuildCosts.Cost.NONE);
    }

    /** A task's sub-build time as a share of the run's wall time: {@code 41%}, or {@code -} without a run time. */
    public String share(String task) {
        return runMillis <= 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * of(task).millis() / runMillis);
    }

    /**
     * The footer's comparison: the run's time, its sub-builds', and the run against the project's own
     * last test time, or that this time is unknown.
     */
    public String footer() {
        String run = String.format(Locale.ROOT, "run %s, of it %d sub-build(s) %s (%s)", seconds(runMillis), subBuilds,
                seconds(subBuildMillis), runMillis <= 0 ? "-"
                        : String.format(Locale.ROOT, "%.0f%%", 100.0 * subBuildMillis / runMillis));
        if (projectTestMillis == null || projectTestMillis <= 0) {
            return run + "; the project's own last test time: unknown (no surefire reports in its build folder)";
        }
        return run + String.format(Locale.ROOT, "; the project's own last test time %s: the run took %.1fx that",
                seconds(projectTestMillis), (double) runMillis / projectTestMillis);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}

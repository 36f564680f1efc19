package dev.autocoder.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.autocoder.state.AtomicFiles;
import dev.autocoder.state.TaskState;
import dev.autocoder.state.TaskState.Attempt;
import dev.autocoder.state.TaskState.Clarification;
import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.Feedback;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a person (report.html) or a tool (report.json) reads after a run: per task its outcome,
 * every attempt with its findings and what it changed, and the clarifications.
 *
 * @param tasks in the order the run listed them
 * @param cost what the run's sub-builds cost, per task and in all
 */
public record RunReport(List<TaskReport> tasks, RunCost cost) {

    /** Lines of context around each change in the attempt diffs. */
    private static final int DIFF_CONTEXT = 3;

    public RunReport {
        tasks = List.copyOf(tasks);
        java.util.Objects.requireNonNull(cost, "cost");
    }

    /** A report with no sub-build costs known. */
    public RunReport(List<TaskReport> tasks) {
        this(tasks, RunCost.NONE);
    }

    /** This report with the run's sub-build costs. */
    public RunReport withCost(RunCost runCost) {
        return new RunReport(tasks, runCost);
    }

    /** Where a task's code came from in this run. */
    public enum Origin {
        /** Restored from the lock file: nothing it depends on changed. */
        RESTORED,
        /** Restored from the lock file and verified again, because something it is verified against changed. */
        REVERIFIED,
        /** Asked of the model in this run (or reused from a stopped run's state). */
        GENERATED,
        /** Needed the model, which this run could not or would not call. */
        NOT_GENERATED;

        /** The name report.json and report.html use: {@code re-verified}, {@code not-generated}. */
        public String label() {
            return this == REVERIFIED ? "re-verified" : name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One task.
     *
     * @param status {@code pending}, {@code verified} or {@code failed}
     * @param origin {@code restored}, {@code re-verified}, {@code generated} or {@code not-generated}
     * @param failure why it failed, or null
     * @param subBuildFolder the sub-build folder kept to diagnose the failure, or null
     * @param verifyMillis time spent verifying, a re-verification's included
     * @param warnings what a reader must know before trusting the outcome, such as a prompt the
     *     server cut
     */
    public record TaskReport(String task, String status, String origin, String failure, String subBuildFolder,
            long inputTokens, long cachedInputTokens, long outputTokens, long modelCalls, long modelMillis,
            long verifyMillis, List<String> warnings, List<AttemptReport> attempts, List<Clarification> clarifications) {

        /**
         * A task whose code came from the lock file, or that needed the model and did not get it.
         *
         * @param failure why it was not generated, or null when its code stands
         */
        public static TaskReport fromLock(String task, Origin origin, long verifyMillis, String failure) {
            return new TaskReport(task, failure == null ? "verified" : "failed", origin.label(), failure, null, 0, 0,
                    0, 0, 0, verifyMillis, List.of(), List.of(), List.of());
        }
    }

    /**
     * One attempt.
     *
     * @param diff unified diff of the code against the previous attempt (the first against
     *     nothing), one line per element
     */
    public record AttemptReport(int number, boolean passed, long verifyMillis,
            List<Feedback> feedback, List<String> diff) {
    }

    /** The report of a run in which every task was generated. */
    public static RunReport of(List<TaskState> states) {
        return of(states, Map.of(), Map.of());
    }

    /**
     * The report of a run in which every task was generated.
     *
     * @param warnings what a reader must know first, by task name
     * @param keptSubBuilds the sub-build folder kept for each task that failed in one
     */
    public static RunReport of(List<TaskState> states, Map<String, List<String>> warnings,
            Map<String, Path> keptSubBuilds) {
        return new RunReport(states.stream().map(state -> generated(state, warnings.getOrDefault(state.task(),
                List.of()), keptSubBuilds.get(state.task()))).toList());
    }

    /** The JSON form, fields in declaration order, two-space indents, '\n' line ends. */
    public String toJson() {
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        return gson.toJson(this) + "\n";
    }

    /** Writes {@code <name>.html} and {@code <name>.json} into the folder. */
    public void writeTo(Path directory, String name) throws IOException {
        AtomicFiles.writeString(directory.resolve(name + ".html"), HtmlReport.render(this));
        AtomicFiles.writeString(directory.resolve(name + ".json"), toJson());
    }

    /**
     * The report of a task the run asked the model for.
     *
     * @param warnings what a reader must know before trusting its outcome
     * @param keptSubBuild the sub-build folder kept for its failure, or null
     */
    public static TaskReport generated(TaskState state, List<String> warnings, Path keptSubBuild) {
        List<AttemptReport> attempts = new ArrayList<>();
        List<CodeUnit> previous = List.of();
        for (Attempt attempt : state.attempts()) {
            attempts.add(new AttemptReport(attempt.number(), attempt.passed(),
                    attempt.verifyMillis(), attempt.feedback(), diff(previous, attempt.units())));
            previous = attempt.units();
        }
        return new TaskReport(state.task(), state.status().name().toLowerCase(Locale.ROOT),
                Origin.GENERATED.label(), state.failure(), keptSubBuild == null ? null : keptSubBuild.toString(),
                state.usage().inputTokens(), state.usage().cachedInputTokens(), state.usage().outputTokens(),
                state.modelCalls(), state.modelMillis(), state.verifyMillis(), List.copyOf(warnings), attempts,
                state.clarifications());
    }

    /** File by file, sorted by path, so the diff reads the same whatever order the model used. */
    static List<String> diff(List<CodeUnit> before, List<CodeUnit> after) {
        Map<String, String> oldFiles = files(before);
        Map<String, String> newFiles = files(after);
        TreeSet<String> paths = new TreeSet<>(oldFiles.keySet());
        paths.addAll(newFiles.keySet());
        List<String> lines = new ArrayList<>();
        for (String path : paths) {
            String oldText = oldFiles.get(path);
            String newText = newFiles.get(path);
            lines.addAll(LineDiff.unified(oldText == null ? "/dev/null" : "a/" + path,
                    oldText == null ? "" : oldText, newText == null ? "/dev/null" : "b/" + path,
                    newText == null ? "" : newText, DIFF_CONTEXT));
        }
        return lines;
    }

    private static Map<String, String> files(List<CodeUnit> units) {
        Map<String, String> files = new TreeMap<>();
        for (CodeUnit unit : units) {
            StringBuilder path = new StringBuilder(unit.test() ? "test" : "main");
            unit.relativePath().forEach(part -> path.append('/').append(part));
            files.put(path.toString(), unit.source());
        }
        return files;
    }
}

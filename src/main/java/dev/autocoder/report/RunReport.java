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
 */
public record RunReport(List<TaskReport> tasks) {

    /** Lines of context around each change in the attempt diffs. */
    private static final int DIFF_CONTEXT = 3;

    public RunReport {
        tasks = List.copyOf(tasks);
    }

    /**
     * One task.
     *
     * @param status {@code pending}, {@code verified} or {@code failed}
     * @param failure why it failed, or null
     * @param subBuildFolder the sub-build folder kept to diagnose the failure, or null
     */
    public record TaskReport(String task, String status, String failure, String subBuildFolder, long inputTokens,
            long outputTokens, long modelCalls, long modelMillis, long verifyMillis,
            List<AttemptReport> attempts, List<Clarification> clarifications) {
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

    /**
     * The report of a run.
     *
     * @param keptSubBuilds the sub-build folder kept for each task that failed in one
     */
    public static RunReport of(List<TaskState> states, Map<String, Path> keptSubBuilds) {
        return new RunReport(states.stream().map(state -> task(state, keptSubBuilds.get(state.task()))).toList());
    }

    /** The JSON form, fields in declaration order, two-space indents, '\n' line ends. */
    public String toJson() {
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        return gson.toJson(this) + "\n";
    }

    /** Writes {@code report.html} and {@code report.json} into the folder. */
    public void writeTo(Path directory) throws IOException {
        AtomicFiles.writeString(directory.resolve("report.html"), HtmlReport.render(this));
        AtomicFiles.writeString(directory.resolve("report.json"), toJson());
    }

    private static TaskReport task(TaskState state, Path keptSubBuild) {
        List<AttemptReport> attempts = new ArrayList<>();
        List<CodeUnit> previous = List.of();
        for (Attempt attempt : state.attempts()) {
            attempts.add(new AttemptReport(attempt.number(), attempt.passed(),
                    attempt.verifyMillis(), attempt.feedback(), diff(previous, attempt.units())));
            previous = attempt.units();
        }
        return new TaskReport(state.task(), state.status().name().toLowerCase(Locale.ROOT),
                state.failure(), keptSubBuild == null ? null : keptSubBuild.toString(), state.usage().inputTokens(),
                state.usage().outputTokens(), state.modelCalls(), state.modelMillis(), state.verifyMillis(), attempts,
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

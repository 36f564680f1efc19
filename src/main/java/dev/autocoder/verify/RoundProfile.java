package dev.autocoder.verify;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a sub-build's time went ({@code -Dautocoder.profile}), from its output as it arrives: each
 * line is stamped when the pump hands it on, and the run is split at Maven's mojo headers
 * ({@code --- plugin:version:goal (execution) @ artifact ---}). Maven's start is the time from
 * launching the process to the first header; each goal runs until the next header, the next module
 * or the reactor's summary; surefire's goal is split into the tests (surefire's own report times)
 * and the rest (the test JVM's start, class loading, the provider).
 */
final class RoundProfile implements Consumer<String> {

    static final String FILE = "profile.json";

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
    private static final Pattern MOJO = Pattern.compile("--- (\\S+):(\\S+):(\\S+) \\(([^)]*)\\) @ (\\S+) ---");
    private static final Pattern MODULE = Pattern.compile("-< (\\S+):(\\S+) >-");
    private static final Pattern END = Pattern.compile("Reactor Summary|BUILD SUCCESS|BUILD FAILURE");

    /** One goal's run. */
    private record Step(String module, String plugin, String goal, String execution, long from) {
    }

    private final Consumer<String> next;
    private final long started = System.nanoTime();
    private final List<Step> steps = new ArrayList<>();
    private final List<Long> ends = new ArrayList<>();
    private String module = "";
    private long finished = -1;

    RoundProfile(Consumer<String> next) {
        this.next = next;
    }

    @Override
    public void accept(String line) {
        long now = System.nanoTime();
        String plain = ANSI.matcher(line).replaceAll("");
        synchronized (this) {
            Matcher mojo = MOJO.matcher(plain);
            Matcher header = MODULE.matcher(plain);
            if (mojo.find()) {
                closeStep(now);
                steps.add(new Step(module, mojo.group(1) + ":" + mojo.group(2), mojo.group(3), mojo.group(4), now));
            } else if (header.find()) {
                closeStep(now);
                String group = header.group(1);
                int marker = group.lastIndexOf(SubBuildReactor.GROUP_MARKER);
                module = marker >= 0 ? group.substring(marker + SubBuildReactor.GROUP_MARKER.length()) : group;
            } else if (END.matcher(plain).find()) {
                closeStep(now);
            }
        }
        next.accept(line);
    }

    private void closeStep(long now) {
        if (ends.size() < steps.size()) {
            ends.add(now);
        }
    }

    /** The process ended: what is still open ends now. */
    synchronized void finish() {
        finished = System.nanoTime();
        closeStep(finished);
    }

    /**
     * Writes {@value #FILE} into the sub-build folder, next to its build.log.
     *
     * @return the file written
     */
    synchronized Path write(Path folder) throws IOException {
        if (finished < 0) {
            finish();
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("wallSeconds", seconds(finished - started));
        long firstMojo = steps.isEmpty() ? finished : steps.get(0).from();
        profile.put("mavenStartSeconds", seconds(firstMojo - started));
        List<Map<String, Object>> goals = new ArrayList<>();
        long lastEnd = firstMojo;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            long end = ends.get(i);
            lastEnd = end;
            Map<String, Object> goal = new LinkedHashMap<>();
            goal.put("module", step.module());
            goal.put("goal", step.plugin() + ":" + step.goal() + " (" + step.execution() + ")");
            goal.put("seconds", seconds(end - step.from()));
            if (step.plugin().contains("surefire") && step.goal().equals("test")) {
                OptionalLong tests = SurefireReportTimes.millis(folder.resolve(step.module())
                        .resolve("target/surefire-reports"));
                if (tests.isPresent()) {
                    double testSeconds = tests.getAsLong() / 1000.0;
                    goal.put("testsSeconds", testSeconds);
                    goal.put("testJvmStartAndRestSeconds", Math.max(0, seconds(end - step.from() - tests.getAsLong() * 1_000_000)));
                }
            }
            goals.add(goal);
        }
        profile.put("goals", goals);
        profile.put("mavenEndSeconds", seconds(finished - lastEnd));
        Path file = folder.resolve(FILE);
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(profile) + "\n",
                StandardCharsets.UTF_8);
        return file;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1_000_000.0) / 1000.0;
    }
}

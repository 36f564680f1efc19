package dev.autocoder.maven;

import static dev.autocoder.maven.BenchSupport.copy;
import static dev.autocoder.maven.BenchSupport.delete;
import static dev.autocoder.maven.BenchSupport.folders;
import static dev.autocoder.maven.BenchSupport.median;
import static dev.autocoder.maven.BenchSupport.newest;
import static dev.autocoder.maven.BenchSupport.seconds;
import static dev.autocoder.maven.BenchSupport.write;

import dev.autocoder.project.ProjectLayout;
import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.verify.Candidate;
import dev.autocoder.verify.ClasspathBenchmark;
import dev.autocoder.verify.ConcurrentChecksBenchmark;
import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.Feedback;
import dev.autocoder.verify.InProcessCompiler;
import dev.autocoder.verify.SubBuildBenchmark;
import dev.autocoder.verify.SubBuildSettings;
import dev.autocoder.verify.SubBuildVerifier;
import dev.autocoder.verify.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Times the plugin on a realistic Spring Boot service ({@code bench/spring-service}), in one run, against
 * the service's own {@code mvn -o -q test}: a round (one candidate through the real
 * {@link SubBuildVerifier}, its selected tests only, with javac and the Maven JVM warmed up first as a run
 * warms them while the model writes), the final check ({@link SubBuildVerifier#verifyTogether}
 * over the three tasks) and the whole plugin run for the three tasks ({@code mvn -o generate-sources} in a
 * fresh copy, the model answered by the scripted local server; in turn without and with the own build's
 * surefire reports in the copy's {@code target/}). The project layout the verifier gets is the one the plugin
 * computes ({@link MavenProjectView#layout}), from the fixture's effective POM and resolved dependencies.
 * Prints where the time goes, read from the build logs. Run by {@code bench/spring.sh}; not a test.
 */
public final class SpringServiceBenchmark {

    private static final List<String> TASKS = List.of("price-calculator", "slugs", "sku-validator");
    private static final String ROUND_TASK = "price-calculator";
    private static final Pattern MOJO = Pattern.compile("^\\[INFO] --- (\\S+) \\((\\S+)\\) @ \\S+ ---");
    private static final Pattern STAMPED = Pattern.compile("^\\[\\s*(\\d+\\.\\d+)] (.*)$");
    private static final Pattern SPRING_STARTED = Pattern.compile(
            "Started (\\w+) in (\\d+\\.\\d+) seconds \\(process running for (\\d+\\.\\d+)\\)");
    private static final Pattern TOTAL_TIME = Pattern.compile("^\\[INFO] Total time:\\s+(.+)$");

    /** How long the model takes to write a run's first candidates, in the warm-up step: a fast model's answer. */
    private static final long WARM_UP_LATENCY_MS = 3_000;

    private final BenchSupport bench;
    private final Path maven;
    private final Path repository;
    private final String version;
    private final Path work;
    private final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

    private SpringServiceBenchmark(BenchSupport bench, Path work) {
        this.bench = bench;
        this.maven = bench.maven();
        this.repository = bench.repository();
        this.version = bench.version();
        this.work = work;
    }

    /**
     * Arguments: the fixture folder, the reply script, the work folder, how often each step runs.
     * System properties: {@code maven.home}, {@code autocoder.bench.version} (the installed plugin),
     * {@code autocoder.bench.repository} (the local repository it is installed in).
     */
    public static void main(String[] args) throws Exception {
        Path fixture = Path.of(args[0]).toAbsolutePath();
        Path script = Path.of(args[1]).toAbsolutePath();
        Path work = Path.of(args[2]).toAbsolutePath();
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : repeats;
        SpringServiceBenchmark bench = new SpringServiceBenchmark(BenchSupport.fromSystemProperties(), work);
        bench.run(fixture, script, repeats, runs);
    }

    private void run(Path fixture, Path script, int repeats, int runs) throws Exception {
        boolean reuse = Boolean.getBoolean("autocoder.bench.reuseRecording") && recorded(work.resolve("record"));
        if (Files.isDirectory(work)) {
            try (Stream<Path> children = Files.list(work)) {
                for (Path child : children.toList()) {
                    if (!(reuse && child.getFileName().toString().equals("record"))) {
                        delete(child);
                    }
                }
            }
        }
        Path template = work.resolve("fixture");
        copy(fixture, template);
        Path pom = template.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("@autocoder.version@", version));
        int tests = countTests(template);

        // 1. Records the replies (online: it also fetches whatever the builds need), untimed.
        Map<String, List<CodeUnit>> verified = reuse ? recording(template) : record(template, script);
        out.printf(Locale.ROOT, "recorded the replies; verified code of %s%n", verified.keySet());

        // 2. The project's own test build, with the verified classes in src/main/java and no autocoder.
        Path own = work.resolve("own");
        copy(template, own);
        Files.writeString(own.resolve("pom.xml"), withoutAutocoder(Files.readString(own.resolve("pom.xml"))));
        verified.values().forEach(units -> units.forEach(unit -> write(own.resolve("src/main/java"), unit)));
        List<Double> ownTimes = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            delete(own.resolve("target"));
            ownTimes.add(bench.timed(own, own.resolve("own-" + i + ".log"), Map.of(), "-B", "-q", "-o", "test"));
        }
        delete(own.resolve("target"));
        Path ownProfile = own.resolve("own-profiled.log");
        bench.timed(own, ownProfile, Map.of(), "-B", "-o", "test");

        // 3. A round and the final check through the real verifier, with the layout the plugin computes.
        Path project = work.resolve("verify");
        copy(template, project);
        ProjectLayout layout = bench.layout(project, work);
        Function<String, List<CodeUnit>> others = owner -> verified.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(owner)).flatMap(entry -> entry.getValue().stream()).toList();
        Path subBuilds = project.resolve("target/autocoder/subbuild");
        SubBuildSettings settings = new SubBuildSettings(maven.getParent().getParent(), repository, null, null, true,
                Duration.ofMinutes(15), null);
        // A round in a warm Maven (the plugin's default, a JVM kept up for the run's sub-builds) and in a
        // Maven started for it, in alternation, each verifier kept for all its rounds as a run keeps it.
        InProcessCompiler roundCompiler = new InProcessCompiler(layout, others);
        SubBuildVerifier verifier = new SubBuildVerifier(layout, others, roundCompiler,
                settings.withWarmMaven(true), subBuilds, null, true);
        // As a run has its rounds: javac and the Maven JVM warmed up while the model writes its first answers.
        roundCompiler.warmUp();
        verifier.warmUp();
        InProcessCompiler coldCompiler = new InProcessCompiler(layout, others);
        SubBuildVerifier coldVerifier = new SubBuildVerifier(layout, others, coldCompiler,
                settings.withWarmMaven(false), subBuilds, null, true);
        coldCompiler.warmUp();
        Candidate candidate = new Candidate(ROUND_TASK, 1, verified.get(ROUND_TASK));
        List<Double> roundTimes = new ArrayList<>();
        List<Double> coldRoundTimes = new ArrayList<>();
        List<Double> finalTimes = new ArrayList<>();
        String roundOutcome = "";
        String coldRoundOutcome = "";
        String finalOutcome = "";
        Path roundFolder = null;
        Path finalFolder = null;
        for (int i = 0; i < repeats; i++) {
            Set<Path> before = folders(subBuilds);
            long start = System.nanoTime();
            Verdict round = verifier.verifyBatch(List.of(candidate)).get(candidate);
            roundTimes.add(seconds(start));
            roundOutcome = round.passed() ? "passed" : "FAILED: " + round.firstFailure().map(Feedback::message).orElse("");
            roundFolder = newest(subBuilds, before);
            start = System.nanoTime();
            Verdict coldRound = coldVerifier.verifyBatch(List.of(candidate)).get(candidate);
            coldRoundTimes.add(seconds(start));
            coldRoundOutcome = coldRound.passed() ? "passed"
                    : "FAILED: " + coldRound.firstFailure().map(Feedback::message).orElse("");

            // The final check is timed on a new verifier each time: a verifier that already built this
            // code whole and passed (a round that ran every test, or an earlier final check) would not
            // build it again. The whole plugin run's log below says when its final check was a round.
            // It is a run's last sub-build, so it runs in the warm Maven the run's rounds already started.
            try (SubBuildVerifier checker = new SubBuildVerifier(layout, others, new InProcessCompiler(layout, others),
                    settings, subBuilds, null, true)) {
                before = folders(subBuilds);
                start = System.nanoTime();
                SubBuildVerifier.FinalCheck check = checker.verifyTogether(verified, true);
                finalTimes.add(seconds(start));
                finalOutcome = check.charged().values().stream().allMatch(List::isEmpty) && check.unassigned().isEmpty()
                        ? "passed" : "FAILED: " + check;
                finalFolder = newest(subBuilds, before);
            }
        }
        String warmRounds = verifier.warmMaven();
        verifier.close();
        coldVerifier.close();

        // 3b. The round's in-process compile with javac's view of the classpath kept open between compiles,
        // as a run does, against opening it for each compile: alternating pairs in this JVM.
        ClasspathBenchmark.Result compiles = ClasspathBenchmark.run(layout, others, candidate, Math.max(5, 5 * repeats));
        // 3b'. The three tasks' candidates checked in process at once, as their threads check them when they
        // arrive together, against one after another: alternating pairs in this JVM.
        ConcurrentChecksBenchmark.Result checks = ConcurrentChecksBenchmark.run(layout, others, TASKS.stream()
                .map(task -> new Candidate(task, 1, verified.get(task))).toList(), Math.max(5, 5 * repeats));

        // 3c. A run's first verdict with javac warmed up while the model answers, against without: each in a
        // JVM of its own (javac starts cold), in alternating pairs, the model taking WARM_UP_LATENCY_MS.
        List<List<Double>> firstVerdicts = firstVerdicts(project, verified, Math.max(5, 3 * repeats));

        // 4. The whole plugin run, from a fresh copy (a clean state folder) each time, replaying the replies;
        // in turn without surefire reports in target/ (a fresh clone, CI) and with the own build's (a
        // developer who ran the tests before), from which a round learns which tests are cheap.
        // Each in a warm Maven (the default) and with -Dautocoder.warmMaven=false, in alternation.
        List<Double> runTimes = new ArrayList<>();
        List<Double> coldRunTimes = new ArrayList<>();
        List<Double> reportedRunTimes = new ArrayList<>();
        List<Double> coldReportedRunTimes = new ArrayList<>();
        Path lastRun = null;
        Path lastReportedRun = null;
        for (int i = 0; i < 4 * runs; i++) {
            boolean cold = i % 2 == 1;
            boolean reported = i % 4 >= 2;
            Path copy = work.resolve("run-" + i);
            copy(template, copy);
            if (reported) {
                copy(own.resolve("target/surefire-reports"), copy.resolve("target/surefire-reports"));
                lastReportedRun = cold ? lastReportedRun : copy;
            } else {
                lastRun = cold ? lastRun : copy;
            }
            // The scripted server, not the cassette: which feedback a task gets depends on which code of
            // the others its round ran with, so a replay keyed by the exact messages misses replies.
            FakeOpenAiServer server = FakeOpenAiServer.fromScript(resolved(script));
            try {
                List<Double> times = reported ? (cold ? coldReportedRunTimes : reportedRunTimes)
                        : (cold ? coldRunTimes : runTimes);
                times.add(bench.timed(copy, copy.resolve("run.log"),
                        Map.of("OPENAI_API_KEY", "sk-bench-spring-service"),
                        "-B", "-o", "generate-sources", "-Dautocoder.keepSubBuilds=true", "-Dautocoder.mode=live",
                        "-Dautocoder.warmMaven=" + !cold,
                        "-Dautocoder.subBuildDirectory=" + subBuildsOf(copy), "-Dautocoder.baseUrl=" + server.baseUrl()));
            } finally {
                server.close();
            }
            checkRun(copy.resolve("run.log"));
        }

        double ownMedian = median(ownTimes);
        out.println();
        out.printf(Locale.ROOT, "Spring Boot 3.5.7 service: %d main classes, %d test classes, %d tests; 3 tasks;"
                + " each step %d time(s) (whole run %d), median%n", countFiles(template.resolve("src/main/java")) + 3,
                countFiles(template.resolve("src/test/java")), tests, repeats, runs);
        out.printf(Locale.ROOT, "%-58s %6s %9s %7s  %s%n", "step", "tests", "seconds", "ratio", "all runs (s)");
        row("own `mvn -o -q test` (3 classes in src/main/java)", SubBuildBenchmark.testsRun(own.resolve("target")),
                ownTimes, ownMedian);
        row("round: 1 candidate (" + ROUND_TASK + "), " + roundOutcome, SubBuildBenchmark.testsRun(roundFolder),
                roundTimes, ownMedian);
        row("round, Maven started for it (warmMaven=false), " + coldRoundOutcome, -1, coldRoundTimes, ownMedian);
        row("final check: verifyTogether, 3 tasks, " + finalOutcome, SubBuildBenchmark.testsRun(finalFolder),
                finalTimes, ownMedian);
        row("whole plugin run: `mvn -o generate-sources`, 3 tasks", -1, runTimes, ownMedian);
        row("the same, warmMaven=false", -1, coldRunTimes, ownMedian);
        row("the same, the own build's surefire reports in target/", -1, reportedRunTimes, ownMedian);
        row("the same, reports, warmMaven=false", -1, coldReportedRunTimes, ownMedian);
        out.printf(Locale.ROOT, "warm rounds: %s; warm/cold: round %.2f, whole run %.2f, with reports %.2f%n",
                warmRounds, median(roundTimes) / median(coldRoundTimes), median(runTimes) / median(coldRunTimes),
                median(reportedRunTimes) / median(coldReportedRunTimes));
        out.printf(Locale.ROOT, "targets: round <= 0.5x, final check <= 1.2x, whole run <= 3x%n");
        out.printf(Locale.ROOT, "in-process compile of the round's candidate (%d pairs, %d jars on the test classpath):"
                + " classpath kept open %.3f s, opened per compile %.3f s (medians), ratio %.2f; same verdicts: %s%n",
                compiles.kept().size(), layout.dependencies().size(), median(compiles.kept()),
                median(compiles.opened()), median(compiles.kept()) / median(compiles.opened()), compiles.sameVerdicts());
        out.printf(Locale.ROOT, "in-process checks of the %d tasks' candidates (%d pairs): at once %.3f s, one after"
                + " another %.3f s (medians, until the last ended), ratio %.2f; same verdicts: %s%n", TASKS.size(),
                checks.together().size(), median(checks.together()), median(checks.inTurn()),
                median(checks.together()) / median(checks.inTurn()), checks.sameVerdicts());
        out.printf(Locale.ROOT, "a run's first verdict, the model answering in %.1f s (%d pairs, a JVM each):"
                + " javac warmed up meanwhile %.3f s, not %.3f s (medians), ratio %.2f%n", WARM_UP_LATENCY_MS / 1000.0,
                firstVerdicts.get(0).size(), median(firstVerdicts.get(0)), median(firstVerdicts.get(1)),
                median(firstVerdicts.get(0)) / median(firstVerdicts.get(1)));

        // 5. Where a sub-build's time goes: the kept round and final-check folders built again, timestamped
        // (after the table, which a failure here must not cost).
        Path roundProfile = roundFolder.resolve("profiled.log");
        bench.timed(roundFolder, roundProfile, Map.of("MAVEN_OPTS", SUB_BUILD_OPTS), "-B", "-o", "test");
        Path finalProfile = finalFolder.resolve("profiled.log");
        bench.timed(finalFolder, finalProfile, Map.of("MAVEN_OPTS", SUB_BUILD_OPTS), "-B", "-o", "test");

        out.println();
        out.println("Where the time goes (from the build logs):");
        breakdown("own test, profiled run (not -q)", ownProfile);
        breakdown("round's sub-build, built again timestamped", roundProfile);
        breakdown("final check's sub-build, built again timestamped", finalProfile);
        pluginRun(lastRun);
        pluginRun(lastReportedRun);
        out.println("work folder (logs, kept sub-builds): " + work);
    }

    /**
     * Seconds from making the compiler to the round candidate's first verdict, warmed up (first list)
     * and not (second), each measured by {@link CompilerWarmUpProbe} in a JVM of its own.
     */
    private List<List<Double>> firstVerdicts(Path project, Map<String, List<CodeUnit>> verified, int pairs)
            throws Exception {
        Path folder = work.resolve("warm-up");
        Path candidate = folder.resolve("candidate");
        Path others = folder.resolve("others");
        verified.forEach((task, units) -> units.forEach(unit -> BenchSupport.write(
                task.equals(ROUND_TASK) ? candidate : others, unit)));
        List<Double> warm = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            for (String mode : List.of("warm", "cold")) {
                Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dautocoder.bench.version=" + version, "-cp", System.getProperty("java.class.path"),
                        CompilerWarmUpProbe.class.getName(), project.toString(), work.toString(), candidate.toString(),
                        others.toString(), String.valueOf(WARM_UP_LATENCY_MS), mode).redirectErrorStream(true).start();
                String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                java.util.regex.Matcher seconds = java.util.regex.Pattern.compile("first verdict after ([0-9.]+) s: passed")
                        .matcher(output);
                if (probe.waitFor() != 0 || !seconds.find()) {
                    throw new IllegalStateException("the warm-up probe (" + mode + ") failed: " + output);
                }
                (mode.equals("warm") ? warm : cold).add(Double.parseDouble(seconds.group(1)));
            }
        }
        return List.of(warm, cold);
    }

    /** Maven's JVM options in a sub-build when the project sets none, as SubBuildVerifier gives them. */
    private static final String SUB_BUILD_OPTS = "-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
            + " -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote"
            + " -Duser.language=en";

    private void row(String step, int tests, List<Double> times, double own) {
        double median = median(times);
        out.printf(Locale.ROOT, "%-58s %6s %9.1f %6.2fx  %s%n", step, tests < 0 ? "" : String.valueOf(tests), median,
                median / own, times.stream().map(t -> String.format(Locale.ROOT, "%.1f", t)).toList());
    }

    /** Runs the plugin once in record mode against the scripted fake model; returns the verified code by task. */
    private Map<String, List<CodeUnit>> record(Path template, Path script) throws Exception {
        Path copy = work.resolve("record");
        copy(template, copy);
        FakeOpenAiServer server = FakeOpenAiServer.fromScript(resolved(script));
        Path log = copy.resolve("record.log");
        try {
            double seconds = bench.timed(copy, log, Map.of("OPENAI_API_KEY", "sk-bench-spring-service"), "-B",
                    "generate-sources", "-Dautocoder.mode=record", "-Dautocoder.baseUrl=" + server.baseUrl());
            out.printf(Locale.ROOT, "record run (online, untimed in the table): %.1f s, %d model requests%n", seconds,
                    server.requests().size());
        } finally {
            server.close();
        }
        checkRun(log);
        return recording(template);
    }

    /** Whether an earlier benchmark's recording run in {@code copy} verified the three tasks. */
    private static boolean recorded(Path copy) {
        try {
            checkRun(copy.resolve("record.log"));
            return Files.isRegularFile(copy.resolve("src/main/autocoder/autocoder.cassette.jsonl"));
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    /** Puts the recording run's cassette into the template; returns the verified code by task. */
    private Map<String, List<CodeUnit>> recording(Path template) throws IOException {
        Path copy = work.resolve("record");
        Path log = copy.resolve("record.log");
        Path cassette = copy.resolve("src/main/autocoder/autocoder.cassette.jsonl");
        Files.copy(cassette, template.resolve("src/main/autocoder/autocoder.cassette.jsonl"),
                StandardCopyOption.REPLACE_EXISTING);
        Path generated = copy.resolve("target/generated-sources/autocoder");
        Map<String, List<CodeUnit>> verified = new LinkedHashMap<>();
        Map<String, String> owners = Map.of("PriceCalculator", "price-calculator", "Slugs", "slugs",
                "SkuValidator", "sku-validator");
        for (CodeUnit unit : BenchSupport.sources(generated)) {
            verified.computeIfAbsent(owners.get(unit.typeName()), key -> new ArrayList<>()).add(unit);
        }
        if (!verified.keySet().equals(Set.copyOf(TASKS))) {
            throw new IllegalStateException("the record run did not verify the three tasks: " + verified.keySet()
                    + " (log: " + log + ")");
        }
        return verified;
    }

    /** Fails unless the log shows the three tasks verified, the price calculator after one failed attempt. */
    private static void checkRun(Path log) throws IOException {
        String text = Files.readString(log);
        List<String> missing = new ArrayList<>();
        for (String task : TASKS) {
            if (!text.contains("[" + task + "] verified after")) {
                missing.add(task + " not verified");
            }
        }
        if (!text.contains("[" + ROUND_TASK + "] attempt 1: failed")) {
            missing.add(ROUND_TASK + "'s wrong first candidate did not fail its round");
        }
        if (!text.contains("BUILD SUCCESS")) {
            missing.add("the build failed");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(missing + " (log: " + log + ")");
        }
    }

    /** The reply script with every {@code replyFile} read in, as the integration tests' server reads it. */
    private Path resolved(Path script) throws IOException {
        return BenchSupport.resolved(script, script.getParent(), work.resolve("script.resolved.json"));
    }

    /** The POM without autocoder's plugin, as the project's own build would be without it. */
    static String withoutAutocoder(String pom) {
        return pom.replaceAll("(?s)\\s*<plugin>\\s*<groupId>dev\\.autocoder</groupId>.*?</plugin>", "");
    }

    /** Prints the phases of one timestamped build log: Maven's start, each plugin goal, the test JVM, Spring. */
    private void breakdown(String title, Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        List<double[]> times = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = STAMPED.matcher(line);
            if (matcher.matches()) {
                times.add(new double[] {Double.parseDouble(matcher.group(1))});
                texts.add(matcher.group(2));
            }
        }
        double end = times.isEmpty() ? 0 : times.get(times.size() - 1)[0];
        double firstOutput = times.isEmpty() ? 0 : times.get(0)[0];
        Map<String, Double> goals = new LinkedHashMap<>();
        String current = null;
        double currentStart = 0;
        double surefireStart = -1;
        double firstTestClass = -1;
        double contexts = 0;
        int contextCount = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            double at = times.get(i)[0];
            Matcher mojo = MOJO.matcher(text);
            boolean ends = text.startsWith("[INFO] BUILD ") || text.startsWith("[INFO] Reactor Summary");
            if (current != null && (mojo.find() || ends)) {
                goals.merge(current, at - currentStart, Double::sum);
                current = null;
            }
            mojo = MOJO.matcher(text);
            if (mojo.find()) {
                current = mojo.group(1).replaceAll(":[0-9][^:]*:", ":");
                currentStart = at;
                if (current.contains("surefire") || current.startsWith("surefire")) {
                    surefireStart = at;
                }
            }
            if (firstTestClass < 0 && surefireStart >= 0 && text.contains("[INFO] Running ")) {
                firstTestClass = at;
            }
            Matcher started = SPRING_STARTED.matcher(text);
            if (started.find()) {
                contexts += Double.parseDouble(started.group(2));
                contextCount++;
            }
        }
        out.printf(Locale.ROOT, "- %s: %.1f s in all (%s)%n", title, end, log);
        out.printf(Locale.ROOT, "    Maven start to its first line: %.1f s%n", firstOutput);
        goals.forEach((goal, seconds) -> out.printf(Locale.ROOT, "    %-40s %6.1f s%n", goal, seconds));
        if (surefireStart >= 0 && firstTestClass >= 0) {
            out.printf(Locale.ROOT, "    test JVM start (surefire goal to its first test class): %.1f s%n",
                    firstTestClass - surefireStart);
        }
        out.printf(Locale.ROOT, "    Spring contexts started: %d, %.1f s together (Spring's own \"Started ... in\")%n",
                contextCount, contexts);
    }

    /** Where a plugin run keeps its sub-builds: beside its copy, outside any {@code target/}, as strict gates need. */
    private static Path subBuildsOf(Path run) {
        return run.resolveSibling(run.getFileName() + "-subbuilds");
    }

    /** Prints what the plugin run's log and its kept sub-builds tell about where its time went. */
    private void pluginRun(Path run) throws IOException {
        out.printf(Locale.ROOT, "- whole plugin run (%s):%n", run.resolve("run.log"));
        for (String line : Files.readAllLines(run.resolve("run.log"))) {
            if (line.contains("] attempt ") || line.contains("final check") || line.contains(" verified after")
                    || line.matches(".*\\[INFO] (task |price|slugs|sku|total).*")) {
                out.println("    " + line.replaceAll("\\s+$", ""));
            }
        }
        Path subBuilds = subBuildsOf(run);
        List<Path> logs;
        try (Stream<Path> files = Files.walk(subBuilds)) {
            logs = files.filter(file -> file.getFileName().toString().equals("build.log")).sorted(
                    Comparator.comparing(BenchSupport::modified)).toList();
        }
        out.printf(Locale.ROOT, "    %d sub-builds (in order of finishing):%n", logs.size());
        for (Path log : logs) {
            List<String> lines = Files.readAllLines(log);
            String total = lines.stream().map(TOTAL_TIME::matcher).filter(Matcher::matches).map(m -> m.group(1))
                    .findFirst().orElse("?");
            List<String> started = new ArrayList<>();
            for (String line : lines) {
                Matcher matcher = SPRING_STARTED.matcher(line);
                if (matcher.find()) {
                    started.add(matcher.group(1) + " " + matcher.group(2) + " s");
                }
            }
            long modules = lines.stream().filter(line -> line.matches("^\\[INFO] -+< [^>]+ >-+$")).count();
            out.printf(Locale.ROOT, "      %s: %s, %d module(s), %d tests, Spring contexts %s%n",
                    subBuilds.relativize(log.getParent()), total, modules, SubBuildBenchmark.testsRun(log.getParent()),
                    started);
        }
    }

    /** The {@code @Test} and {@code @ParameterizedTest} methods of the fixture, for the header line. */
    private static int countTests(Path project) throws IOException {
        try (Stream<Path> files = Files.walk(project.resolve("src/test/java"))) {
            int total = 0;
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                total += (int) Files.readAllLines(file).stream().filter(line -> line.strip().equals("@Test")
                        || line.strip().equals("@ParameterizedTest")).count();
            }
            return total;
        }
    }

    private static long countFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).count();
        }
    }
}

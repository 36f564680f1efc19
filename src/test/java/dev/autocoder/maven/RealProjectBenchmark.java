package dev.autocoder.maven;

import static dev.autocoder.maven.BenchSupport.copy;
import static dev.autocoder.maven.BenchSupport.delete;
import static dev.autocoder.maven.BenchSupport.folders;
import static dev.autocoder.maven.BenchSupport.newest;
import static dev.autocoder.maven.BenchSupport.seconds;

import dev.autocoder.project.ProjectLayout;
import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.verify.Candidate;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Runs the plugin on a real open-source project nobody here wrote: Apache Commons Text 1.12.0, rebuilt
 * from the POM, {@code -sources.jar} and {@code -test-sources.jar} that Maven Central serves, with its
 * real parent ({@code commons-parent}) and so its real gates (Apache RAT at {@code validate}, the
 * enforcer, the build-plan check, the bundle manifest, surefire). Three real classes of
 * {@code org.apache.commons.text.lookup} that no test names are taken out and left to autocoder
 * (spec files in {@code src/main/autocoder}); a scripted local model answers with the original class,
 * after a first candidate for the path fence that is wrong by one line. In one run it times, each
 * against the project's own {@code mvn -o -q test}: a round ({@link SubBuildVerifier#verifyBatch}) with
 * the wrong and with the right candidate, the final check ({@link SubBuildVerifier#verifyTogether}) and
 * the whole plugin run ({@code mvn -o generate-sources}), and prints the verdicts. Run by
 * {@code bench/real-project.sh}; not a test.
 */
public final class RealProjectBenchmark {

    static final String GROUP = "org.apache.commons";
    static final String ARTIFACT = "commons-text";
    static final String VERSION = "1.12.0";
    /** The removed classes, by task: each is reached by tests only through other classes. */
    static final Map<String, String> TASKS = Map.of(
            "path-fence", "org/apache/commons/text/lookup/AbstractPathFencedLookup.java",
            "illegal-argument-exceptions", "org/apache/commons/text/lookup/IllegalArgumentExceptions.java",
            "inet-address-keys", "org/apache/commons/text/lookup/InetAddressKeys.java");
    static final String WRONG_TASK = "path-fence";
    /**
     * The wrong first candidate: the fence test turned round (is the fence inside the path?), so a file inside a
     * fence is refused. {@code FileStringLookupTest} and {@code CustomStringSubstitutorTest} (through
     * {@code StringLookupFactory.builder().setFences}) catch it. Dropping {@code normalize()} instead is caught by
     * no test: a {@code ../} path that slips through the fence names no file there, and the lookup throws anyway.
     */
    static final String RIGHT_LINE = "fences.stream().filter(pathAbs::startsWith)";
    static final String WRONG_LINE = "fences.stream().filter(fence -> fence.startsWith(pathAbs))";
    /** A probe: a wrong constant, which javac inlines into the classes that use it. */
    static final String PROBE_TASK = "inet-address-keys";
    static final String PROBE_RIGHT = "static final String KEY_NAME = \"name\";";
    static final String PROBE_WRONG = "static final String KEY_NAME = \"host-name\";";
    /**
     * The two tests that need the network (DNS for apache.org, a GET of https://www.apache.org), which this
     * machine does not have; surefire's {@code surefire.excludesFile} leaves them out of the project's build.
     */
    static final List<String> NETWORK_TESTS = List.of(
            "org/apache/commons/text/StringSubstitutorWithInterpolatorStringLookupTest.java#testDnsLookupAddress",
            "org/apache/commons/text/lookup/UrlStringLookupTest.java#testHttpScheme");

    private final BenchSupport bench;
    private final Path work;
    private final Path excludes;
    private final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

    private RealProjectBenchmark(BenchSupport bench, Path work) {
        this.bench = bench;
        this.work = work;
        this.excludes = work.resolve("network-tests.txt");
    }

    /**
     * Arguments: the folder of the spec files and the reply script ({@code bench/real-project}), the work
     * folder. System properties as {@link BenchSupport#fromSystemProperties()} reads them.
     */
    public static void main(String[] args) throws Exception {
        Path specs = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        new RealProjectBenchmark(BenchSupport.fromSystemProperties(), work).run(specs);
    }

    private void run(Path specs) throws Exception {
        delete(work);
        Files.createDirectories(work);
        Files.writeString(excludes, String.join("\n", NETWORK_TESTS) + "\n");
        String excludesFile = "-Dsurefire.excludesFile=" + excludes;

        // 1. The real project from Central, and its own build online once (it fetches what the builds need).
        Path pristine = reconstruct(work.resolve("commons-text"));
        bench.timed(pristine, work.resolve("online-test.log"), Map.of(), "-B", "test", excludesFile);
        int tests = SubBuildBenchmark.testsRun(pristine.resolve("target"));
        out.printf(Locale.ROOT, "commons-text %s rebuilt from Central: %d main, %d test classes; its own"
                + " `mvn test` passed online (%d tests)%n", VERSION, count(pristine.resolve("src/main/java")),
                count(pristine.resolve("src/test/java")), tests);

        // The classes the tasks must write, as the project has them, and the template the plugin runs in.
        Map<String, List<CodeUnit>> originals = new LinkedHashMap<>();
        TASKS.forEach((task, file) -> originals.put(task, List.of(unit(pristine, file))));
        Path replies = replies(originals);
        Path template = work.resolve("template");
        copy(pristine, template);
        TASKS.values().forEach(file -> deleteFile(template.resolve("src/main/java").resolve(file)));
        copy(specs.resolve("specs"), template.resolve("src/main/autocoder"));
        Files.writeString(template.resolve("pom.xml"), withAutocoder(Files.readString(pristine.resolve("pom.xml")),
                bench.version()));
        // Online and untimed: Maven resolves the plugin's own dependencies to run its (skipped) goal.
        bench.timed(template, work.resolve("plugin-resolve.log"), Map.of(), "-B", "-q", "generate-sources",
                "-Dautocoder.skip=true");

        // 2. The project's own test build, offline, the real POM untouched.
        Path own = work.resolve("own");
        copy(pristine, own);
        double ownTime = bench.timed(own, work.resolve("own.log"), Map.of(), "-B", "-q", "-o", "test", excludesFile);
        int ownTests = SubBuildBenchmark.testsRun(own.resolve("target"));

        // 3. Rounds and the final check through the real verifier, with the layout the plugin computes. The
        // first round runs online: the sub-build declares the plugin and checks the candidate with checkstyle,
        // which the project's own build never resolved.
        Path project = work.resolve("verify");
        copy(template, project);
        ProjectLayout layout = bench.layout(project, work);
        Path subBuilds = work.resolve("verify-subbuilds");
        SubBuildSettings.Session session = new SubBuildSettings.Session(
                Map.of("surefire.excludesFile", excludes.toString()), List.of(), List.of(), null, null);
        List<String[]> rows = new ArrayList<>();
        CodeUnit right = originals.get(WRONG_TASK).get(0);
        CodeUnit wrong = changed(right, RIGHT_LINE, WRONG_LINE);
        Step wrongRound = round(layout, originals, subBuilds, session, false, WRONG_TASK, wrong);
        Step rightRound = round(layout, originals, subBuilds, session, true, WRONG_TASK, right);
        CodeUnit probeRight = originals.get(PROBE_TASK).get(0);
        out.printf(Locale.ROOT, "own test %.1f s; wrong round %.1f s, %s; right round %.1f s, %s%n", ownTime,
                wrongRound.seconds, wrongRound.outcome, rightRound.seconds, rightRound.outcome);
        Step probe = round(layout, originals, subBuilds, session, true, PROBE_TASK,
                changed(probeRight, PROBE_RIGHT, PROBE_WRONG));
        SubBuildVerifier verifier = verifier(layout, originals, subBuilds, session, true);
        Set<Path> before = folders(subBuilds);
        long start = System.nanoTime();
        SubBuildVerifier.FinalCheck check = verifier.verifyTogether(originals, true);
        double finalTime = seconds(start);
        Path finalFolder = newest(subBuilds, before);
        out.printf(Locale.ROOT, "probe round %.1f s, %s; final check %.1f s, %s%n", probe.seconds, probe.outcome,
                finalTime, check.passed() ? "passed" : "FAILED");

        // 4. The whole plugin run, offline, in a fresh copy, the scripted model answering: in a warm Maven
        // (the default), then with -Dautocoder.warmMaven=false, each from a fresh copy.
        Path script = BenchSupport.resolved(specs.resolve("script.json"), replies, work.resolve("script.resolved.json"));
        Run run = wholeRun(template, script, excludesFile, "run", true);
        Run coldRun = wholeRun(template, script, excludesFile, "run-cold", false);
        double runTime = run.seconds;
        int requests = run.requests;
        String runVerdict = run.verdict;

        out.println();
        out.printf(Locale.ROOT, "Apache Commons Text %s (real POM, parent commons-parent 69): %d tests in its build;"
                + " 3 tasks (%s); one run%n", VERSION, ownTests, String.join(", ", TASKS.keySet()));
        out.printf(Locale.ROOT, "%-74s %6s %8s %7s%n", "step", "tests", "seconds", "ratio");
        row("own `mvn -o -q test` (the real POM, the 3 classes in place)", ownTests, ownTime, ownTime);
        row("round, online: " + WRONG_TASK + " wrong by one line, " + wrongRound.outcome, wrongRound.tests,
                wrongRound.seconds, ownTime);
        row("round: " + WRONG_TASK + " as the project has it, " + rightRound.outcome, rightRound.tests,
                rightRound.seconds, ownTime);
        row("probe round: " + PROBE_TASK + " with KEY_NAME \"host-name\", " + probe.outcome, probe.tests,
                probe.seconds, ownTime);
        row("final check: verifyTogether, 3 tasks, " + (check.passed() ? "passed" : "FAILED: " + check),
                SubBuildBenchmark.testsRun(finalFolder), finalTime, ownTime);
        row("whole plugin run: `mvn -o generate-sources`, 3 tasks, " + runVerdict, -1, runTime, ownTime);
        row("the same, -Dautocoder.warmMaven=false, " + coldRun.verdict, -1, coldRun.seconds, ownTime);
        out.printf(Locale.ROOT, "whole run warm / cold: %.2f; model requests: %d warm, %d cold; work folder (logs,"
                + " kept sub-builds): %s%n", runTime / coldRun.seconds, requests, coldRun.requests, work);
        out.println("the whole run's log, task lines:");
        for (String line : Files.readAllLines(work.resolve("run.log"))) {
            if (line.contains("] attempt ") || line.contains("final check") || line.contains(" verified after")
                    || line.contains("not verified") || line.contains("own build") || line.contains("[WARNING] autocoder")
                    || line.contains("round(s) carried") || line.contains("[ERROR] Failed to execute")) {
                out.println("    " + line.strip());
            }
        }
        Files.readAllLines(work.resolve("run-cold.log")).stream().filter(line -> line.contains("round(s) carried"))
                .forEach(line -> out.println("    cold: " + line.strip()));
    }

    /** One timed round of one candidate, with the other tasks' code as the project has it. */
    private Step round(ProjectLayout layout, Map<String, List<CodeUnit>> originals, Path subBuilds,
            SubBuildSettings.Session session, boolean offline, String task, CodeUnit code) throws IOException {
        SubBuildVerifier verifier = verifier(layout, originals, subBuilds, session, offline);
        Candidate candidate = new Candidate(task, 1, List.of(code));
        Set<Path> before = folders(subBuilds);
        long start = System.nanoTime();
        Verdict verdict = verifier.verifyBatch(List.of(candidate)).get(candidate);
        double time = seconds(start);
        String outcome = verdict.passed() ? "passed"
                : verdict.projectFailure().map(f -> "PROJECT'S OWN BUILD: " + f.message())
                        .orElse("failed: " + verdict.firstFailure().map(Feedback::message).orElse(""));
        return new Step(time, SubBuildBenchmark.testsRun(newest(subBuilds, before)), oneLine(outcome));
    }

    private SubBuildVerifier verifier(ProjectLayout layout, Map<String, List<CodeUnit>> originals, Path subBuilds,
            SubBuildSettings.Session session, boolean offline) {
        Function<String, List<CodeUnit>> others = owner -> originals.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(owner)).flatMap(entry -> entry.getValue().stream()).toList();
        SubBuildSettings settings = new SubBuildSettings(bench.maven().getParent().getParent(), bench.repository(),
                null, null, offline, Duration.ofMinutes(20), null, null, null, session);
        return new SubBuildVerifier(layout, others, new InProcessCompiler(layout, others), settings, subBuilds, null,
                true);
    }

    private record Step(double seconds, int tests, String outcome) {
    }

    private record Run(double seconds, int requests, String verdict) {
    }

    /** The whole plugin run in a fresh copy named {@code name}, its log {@code <name>.log} in the work folder. */
    private Run wholeRun(Path template, Path script, String excludesFile, String name, boolean warm)
            throws Exception {
        Path runCopy = work.resolve(name);
        copy(template, runCopy);
        double runTime;
        String crash = "";
        int requests;
        try (FakeOpenAiServer server = FakeOpenAiServer.fromScript(script)) {
            long runStart = System.nanoTime();
            try {
                runTime = bench.timed(runCopy, work.resolve(name + ".log"),
                        Map.of("OPENAI_API_KEY", "sk-bench-real-project"), "-B", "-o", "generate-sources", excludesFile,
                        "-Dautocoder.keepSubBuilds=true", "-Dautocoder.mode=live", "-Dautocoder.warmMaven=" + warm,
                        "-Dautocoder.subBuildDirectory=" + work.resolve(name + "-subbuilds"),
                        "-Dautocoder.baseUrl=" + server.baseUrl());
            } catch (IllegalStateException failed) {
                runTime = seconds(runStart);
                crash = "Maven failed; ";
            }
            requests = server.requestCount();
        }
        return new Run(runTime, requests, crash + runVerdict(Files.readString(work.resolve(name + ".log"))));
    }

    private void row(String step, int tests, double seconds, double own) {
        out.printf(Locale.ROOT, "%-74s %6s %8.1f %6.2fx%n", step, tests < 0 ? "" : String.valueOf(tests), seconds,
                seconds / own);
    }

    /** What the plugin run's log says: every task verified, the wrong candidate failed, no project failure. */
    static String runVerdict(String log) {
        List<String> problems = new ArrayList<>();
        for (String task : TASKS.keySet()) {
            if (!log.contains("[" + task + "] verified after")) {
                problems.add(task + " not verified");
            }
        }
        if (!log.contains("[" + WRONG_TASK + "] attempt 1: failed")) {
            problems.add(WRONG_TASK + "'s wrong first candidate did not fail");
        }
        if (log.contains("the project's own build fails")) {
            problems.add("blamed on the project's own build");
        }
        if (!log.contains("BUILD SUCCESS")) {
            problems.add("the build failed");
        }
        return problems.isEmpty() ? "all verified, the wrong candidate failed first" : "PROBLEMS: " + problems;
    }

    /**
     * Downloads the POM, sources and test sources with the dependency plugin (pinned) and lays them out as a
     * Maven project: {@code src/main/java}, {@code src/main/resources} (non-Java files of the sources jar),
     * {@code src/test/java}, {@code src/test/resources}, without the jars' {@code META-INF}. The test-sources
     * jar also holds {@code jmh_generated}: JMH's annotation processor writes those classes during the test
     * compile, so kept in {@code src/test/java} they would be duplicate classes; they are left out.
     */
    private Path reconstruct(Path project) throws Exception {
        Path download = work.resolve("download");
        Files.createDirectories(download);
        for (String coordinates : List.of(VERSION + ":pom", VERSION + ":jar:sources", VERSION + ":jar:test-sources")) {
            bench.timed(work, work.resolve("download.log"), Map.of(), "-B", "-q",
                    BenchSupport.DEPENDENCY_PLUGIN + ":copy", "-Dartifact=" + GROUP + ":" + ARTIFACT + ":" + coordinates,
                    "-DoutputDirectory=" + download);
        }
        String base = ARTIFACT + "-" + VERSION;
        Files.createDirectories(project);
        Files.copy(download.resolve(base + ".pom"), project.resolve("pom.xml"));
        unpack(download.resolve(base + "-sources.jar"), project.resolve("src/main/java"),
                project.resolve("src/main/resources"));
        unpack(download.resolve(base + "-test-sources.jar"), project.resolve("src/test/java"),
                project.resolve("src/test/resources"));
        standIns(project.resolve("src/conf"));
        return project;
    }

    /**
     * The POM's checkstyle configuration names {@code src/conf/checkstyle.xml}, its suppressions and its
     * header, which neither jar carries. Commons Text's build does not bind checkstyle, but the plugin's own
     * checkstyle execution on the candidate takes that configuration and fails without the files. Stand-ins
     * with no rules take their place (with the license header RAT wants), so the candidate gets no
     * checkstyle findings here; in a git checkout the real files are there.
     */
    private static void standIns(Path conf) throws IOException {
        Files.createDirectories(conf);
        String license = """
                Licensed to the Apache Software Foundation (ASF) under one or more contributor license agreements.
                See the NOTICE file distributed with this work for additional information regarding copyright
                ownership. The ASF licenses this file to You under the Apache License, Version 2.0 (the "License");
                you may not use this file except in compliance with the License. You may obtain a copy of the
                License at http://www.apache.org/licenses/LICENSE-2.0
                Unless required by applicable law or agreed to in writing, software distributed under the License
                is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or
                implied. See the License for the specific language governing permissions and limitations under
                the License.
                """;
        String comment = "<?xml version=\"1.0\"?>\n<!--\n" + license + "-->\n";
        Files.writeString(conf.resolve("checkstyle.xml"), comment + "<!DOCTYPE module PUBLIC"
                + " \"-//Checkstyle//DTD Checkstyle Configuration 1.3//EN\""
                + " \"https://checkstyle.org/dtds/configuration_1_3.dtd\">\n<module name=\"Checker\"/>\n");
        Files.writeString(conf.resolve("checkstyle-suppressions.xml"), comment + "<!DOCTYPE suppressions PUBLIC"
                + " \"-//Checkstyle//DTD SuppressionFilter Configuration 1.2//EN\""
                + " \"https://checkstyle.org/dtds/suppressions_1_2.dtd\">\n<suppressions/>\n");
        Files.writeString(conf.resolve("checkstyle-header.txt"), license);
    }

    private static void unpack(Path jar, Path java, Path resources) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory() || name.startsWith("META-INF/") || name.contains("/jmh_generated/")) {
                    continue;
                }
                Path file = (name.endsWith(".java") ? java : resources).resolve(name);
                Files.createDirectories(file.getParent());
                Files.copy(zip, file);
            }
        }
    }

    /** The POM with the plugin added to the build's plugins and its spec folder excluded from RAT, as README says. */
    static String withAutocoder(String pom, String version) {
        String plugin = """
                      <plugin>
                        <groupId>dev.autocoder</groupId>
                        <artifactId>autocoder-maven-plugin</artifactId>
                        <version>%s</version>
                        <executions>
                          <execution>
                            <goals>
                              <goal>generate</goal>
                            </goals>
                          </execution>
                        </executions>
                        <configuration>
                          <model>gpt-4o-mini</model>
                          <parallelism>3</parallelism>
                        </configuration>
                      </plugin>
                """.formatted(version);
        String rat = "<exclude>src/site/resources/download_lang.cgi</exclude>";
        String marker = "    <plugins>\n      <plugin>\n        <groupId>org.apache.maven.plugins</groupId>\n"
                + "        <artifactId>maven-surefire-plugin</artifactId>";
        if (!pom.contains(rat) || !pom.contains(marker)) {
            throw new IllegalStateException("the POM is not the one this benchmark knows");
        }
        return pom.replace(rat, rat + "\n              <exclude>src/main/autocoder/**</exclude>")
                .replace(marker, "    <plugins>\n" + plugin + marker.substring("    <plugins>\n".length()));
    }

    /** The reply files: the original class, and the wrong first candidate, in the form a model answers. */
    private Path replies(Map<String, List<CodeUnit>> originals) throws IOException {
        Path replies = work.resolve("replies");
        Files.createDirectories(replies);
        originals.forEach((task, units) -> {
            CodeUnit unit = units.get(0);
            writeString(replies.resolve(task + ".md"), reply("Here is `" + unit.typeName() + "`:", unit.source()));
        });
        CodeUnit fence = originals.get(WRONG_TASK).get(0);
        writeString(replies.resolve(WRONG_TASK + "-wrong.md"), reply("Here is `" + fence.typeName() + "`:",
                changed(fence, RIGHT_LINE, WRONG_LINE).source()));
        return replies;
    }

    private static String reply(String intro, String source) {
        return intro + "\n\n```java\n" + source.stripTrailing() + "\n```\n";
    }

    /** The unit with one line replaced; fails when the line is not there, so no silent no-op. */
    static CodeUnit changed(CodeUnit unit, String from, String to) {
        if (!unit.source().contains(from)) {
            throw new IllegalStateException(unit.relativePath() + " has no line `" + from + "`");
        }
        return new CodeUnit(unit.packageName(), unit.typeName(), unit.source().replace(from, to), false);
    }

    private static CodeUnit unit(Path project, String file) {
        Path path = project.resolve("src/main/java").resolve(file);
        String type = path.getFileName().toString().replace(".java", "");
        String pkg = file.substring(0, file.lastIndexOf('/')).replace('/', '.');
        try {
            return new CodeUnit(pkg, type, Files.readString(path), false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).count();
        }
    }

    private static void deleteFile(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

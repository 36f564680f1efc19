package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.project.ProjectLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The result reader on recorded sub-build logs: one real four-module sub-build (Maven 3.8.7,
 * maven-compiler-plugin 3.14.0, surefire 3.5.3) whose module c1 does not compile and whose module
 * c3 has two failing tests, printed as Maven prints it plainly, with
 * {@code -Dorg.slf4j.simpleLogger.showDateTime=true}, with {@code showThreadName=true}, with
 * {@code -Dstyle.color=always}, with CRLF line ends, and as Maven on Windows prints it (see
 * {@code subbuild-logs/derive.py}). Every form gives the same findings.
 */
class SubBuildResultsLogTest {

    private static final String WINDOWS_FOLDER = "C:\\Users\\dev\\acme\\billing\\target\\autocoder\\default\\subbuild\\build-7";
    private static final String GREETER = """
            package com.example.hello;

            import com.example.util.Strings;

            public class Greeter {
                public String greet(String name) {
                    return Strings.twice("hi ") + nam;
                }
            }
            """;
    private static final CodeUnit GREETER_UNIT = unit("com.example.hello.Greeter", GREETER, false);
    private static final SubBuildReactor.Plan GREETER_PLAN = new SubBuildReactor.Plan(List.of(GREETER_UNIT,
            unit("com.example.hello.GreeterTest", "package com.example.hello;\nclass GreeterTest {}\n", true)),
            List.of(), List.of(), Optional.empty());
    private static final SubBuildReactor.Plan COUNTER_PLAN = new SubBuildReactor.Plan(List.of(unit(
            "com.example.count.Counter", "package com.example.count;\npublic class Counter {}\n", false)),
            List.of(), List.of(), Optional.of(List.of("com.example.count.CounterTest", "com.example.count.PricesTest")));
    private static final SubBuildReactor.Plan MONEY_PLAN = new SubBuildReactor.Plan(List.of(unit("com.example.Money",
            TestProject.MONEY, false)), List.of(), List.of(), Optional.empty());

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"plain", "timestamped", "threads", "coloured", "crlf", "windows"})
    void everyFormOfTheLogGivesTheSameFindings(String form) throws IOException {
        SubBuildResults results = results(form, lines(form));

        assertTrue(results.finished(), "the closing BUILD line is read");
        assertEquals(List.of(Feedback.blocking(Feedback.Stage.COMPILE, "com/example/hello/Greeter.java:7: cannot find"
                + " symbol (symbol: variable nam, location: class com.example.hello.Greeter)")),
                results.findings("c1", GREETER_PLAN), "the candidate's compile error, with its file and line, is the model's");
        assertEquals(Optional.of("org.apache.maven.plugins:maven-compiler-plugin:3.14.0:compile: Compilation failure"
                + " c1/sources/main/com/example/hello/Greeter.java:[7,39] cannot find symbol symbol:   variable nam"
                + " location: class com.example.hello.Greeter"), results.failedGoal("c1"),
                "the reactor summary says c1 failed, and Maven's failure line says why");
        assertEquals(List.of(), results.findings("c0", MONEY_PLAN));
        assertEquals(List.of(), results.findings("c3", COUNTER_PLAN), "c3 compiled; its tests are read from surefire");
        assertEquals(Optional.empty(), results.failedGoal("c3"), "c3 succeeded in the reactor summary");
        assertEquals(Optional.empty(), results.unresolvable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "timestamped", "threads", "coloured", "crlf", "windows"})
    void anotherTasksFileThatDoesNotCompileKeepsTheCandidateWaiting(String form) throws IOException {
        SubBuildReactor.Plan greeterIsAnothersTask = new SubBuildReactor.Plan(List.of(unit("com.example.hello.Hello",
                "package com.example.hello;\npublic class Hello {}\n", false)), List.of(GREETER_UNIT), List.of(),
                Optional.empty());

        List<Feedback> findings = results(form, lines(form)).findings("c1", greeterIsAnothersTask);

        assertEquals(List.of(Feedback.blocking(Feedback.Stage.WAITING, Feedback.OTHERS_DO_NOT_COMPILE + " yet, so no"
                + " test ran: com/example/hello/Greeter.java:7: cannot find symbol (symbol: variable nam, location:"
                + " class com.example.hello.Greeter)")), findings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "timestamped", "threads", "coloured", "crlf", "windows"})
    void aLogThatEndsInTheMiddleOfAModuleNamesThatModule(String form) throws IOException {
        List<String> lines = lines(form);
        int running = indexOf(lines, "Running", "PricesTest");

        SubBuildResults cut = results(form, lines.subList(0, running + 1));

        assertFalse(cut.finished(), "no closing BUILD line");
        assertEquals(Optional.of("c3"), cut.lastModuleStarted());
    }

    /**
     * With {@code failOnWarning} (Gson's build: Error Prone's warnings and {@code -Xlint:all}), javac
     * fails with "warnings found and -Werror specified" and no file: the warnings the goal printed
     * are its errors, each judged by its file. Lines as maven-compiler-plugin 3.13.0 printed them in
     * a sub-build of Gson 2.11.0 whose candidate left out a {@code @SuppressWarnings}.
     */
    @Test
    void warningsThatFailACompileUnderWerrorAreJudgedByTheirFileAsErrorsAre() throws IOException {
        String ungrouped = "[UngroupedOverloads] Overloads should be grouped together, even when modifiers such as"
                + " static or private differ between the methods; found ungrouped overloads of 'greet' on line(s): 9";
        List<String> failed = werror(List.of(
                "[WARNING] " + folder() + "/c1/sources/main/com/example/hello/Greeter.java:[6,19] " + ungrouped,
                "    (see https://errorprone.info/bugpattern/UngroupedOverloads)",
                "  Did you mean to remove this line?"), true);

        assertEquals(List.of(Feedback.blocking(Feedback.Stage.COMPILE, "com/example/hello/Greeter.java:6: "
                + ungrouped + " ((see https://errorprone.info/bugpattern/UngroupedOverloads), Did you mean to remove"
                + " this line?)")), results("plain", failed).findings("c1", GREETER_PLAN),
                "the candidate's warning is the model's, with its line and check");

        SubBuildReactor.Plan greeterIsAnothersTask = new SubBuildReactor.Plan(List.of(unit("com.example.hello.Hello",
                "package com.example.hello;\npublic class Hello {}\n", false)), List.of(GREETER_UNIT), List.of(),
                Optional.empty());
        List<Feedback> waiting = results("plain", failed).findings("c1", greeterIsAnothersTask);
        assertEquals(1, waiting.size(), waiting.toString());
        assertTrue(waiting.get(0).stage() == Feedback.Stage.WAITING
                && waiting.get(0).message().startsWith(Feedback.OTHERS_DO_NOT_COMPILE), waiting.toString());

        // maven-compiler-plugin 3.14 names the file javac reported last before the same words.
        List<String> named = failed.stream().map(line -> line.equals("[ERROR] warnings found and -Werror specified")
                ? "[ERROR] " + folder() + "/c1/sources/main/com/example/hello/Greeter.java: warnings found and -Werror"
                        + " specified" : line).toList();
        assertEquals(results("plain", failed).findings("c1", GREETER_PLAN), results("plain", named).findings("c1",
                GREETER_PLAN), "both forms of the failure give the same finding");

        List<String> passed = werror(List.of(
                "[WARNING] " + folder() + "/c1/sources/main/com/example/hello/Greeter.java:[6,19] " + ungrouped), false);
        assertEquals(List.of(), results("plain", passed).findings("c1", GREETER_PLAN),
                "a warning of a compile that passed is no finding");
    }

    /** A module c1 whose main compile printed these warnings, then failed on them if {@code fails}. */
    private List<String> werror(List<String> warnings, boolean fails) {
        List<String> lines = new java.util.ArrayList<>(List.of(
                "[INFO] ---------------< com.example.autocoder-c1:test-project >----------------",
                "[INFO] --- maven-compiler-plugin:3.13.0:compile (default-compile) @ test-project ---",
                "[INFO] Compiling 2 source files with javac [debug release 17] to target/classes",
                "[INFO] -------------------------------------------------------------",
                "[WARNING] COMPILATION WARNING : ",
                "[INFO] -------------------------------------------------------------"));
        lines.addAll(warnings);
        lines.add("[INFO] " + warnings.stream().filter(line -> line.startsWith("[WARNING]")).count() + " warnings ");
        lines.add("[INFO] -------------------------------------------------------------");
        if (fails) {
            lines.addAll(List.of("[INFO] -------------------------------------------------------------",
                    "[ERROR] COMPILATION ERROR : ", "[INFO] -------------------------------------------------------------",
                    "[ERROR] warnings found and -Werror specified", "[INFO] 1 error",
                    "[INFO] -------------------------------------------------------------",
                    "[INFO] BUILD FAILURE"));
        } else {
            lines.addAll(List.of("[INFO] --- maven-surefire-plugin:3.5.3:test (default-test) @ test-project ---",
                    "[INFO] BUILD SUCCESS"));
        }
        return lines;
    }

    @Test
    void surefireReportsWithUnixPathsNameEachTestAndItsFailure() throws IOException {
        List<SubBuildResults.TestResult> tests = results("plain", lines("plain")).tests("c3", COUNTER_PLAN);

        assertEquals(List.of(new SubBuildResults.TestResult("com.example.count.CounterTest",
                "com.example.count.CounterTest#countsTwice",
                "org.opentest4j.AssertionFailedError: two increments count two ==> expected: <2> but was: <1>",
                "CounterTest.countsTwice: two increments count two ==> expected: <2> but was: <1>\n"
                        + "    at com.example.count.CounterTest.countsTwice(CounterTest.java:12)"),
                new SubBuildResults.TestResult("com.example.count.PricesTest", "com.example.count.PricesTest#readsThePriceList",
                        "org.opentest4j.AssertionFailedError: no prices.csv in c3/target/test-classes"
                                + " (file:c3/target/test-classes/) ==> expected: <true> but was: <false>",
                        "PricesTest.readsThePriceList: no prices.csv in c3/target/test-classes"
                                + " (file:c3/target/test-classes/) ==> expected: <true> but was: <false>\n"
                                + "    at com.example.count.PricesTest.readsThePriceList(PricesTest.java:15)")),
                tests);
    }

    /**
     * Commons Text wraps any exception of a lookup in one IllegalArgumentException: with the
     * candidate's methods stubbed out, a test failed just as with the wrong candidate. The stub's
     * mark in the report (the cause's trace, or what it printed) tells the two apart.
     */
    @Test
    void aTestWhoseReportShowsAStubbedMethodRanNeverFailsTheSameWayAsWithoutIt() throws IOException {
        SubBuildResults results = results("plain", lines("plain"));
        Files.writeString(folder().resolve("c3/target/surefire-reports/TEST-com.example.count.FenceTest.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="com.example.count.FenceTest" tests="3" failures="0" errors="3">
                  <testcase name="caused" classname="com.example.count.FenceTest" time="0.01">
                    <error message="Error looking up file [a.txt]." type="java.lang.IllegalArgumentException">\
                java.lang.IllegalArgumentException: Error looking up file [a.txt].
                Caused by: java.lang.UnsupportedOperationException: autocoder baseline: this code's behaviour is left out
                </error>
                  </testcase>
                  <testcase name="printed" classname="com.example.count.FenceTest" time="0.01">
                    <error message="Error looking up file [a.txt]." type="java.lang.IllegalArgumentException">\
                java.lang.IllegalArgumentException: Error looking up file [a.txt].
                </error>
                    <system-err>autocoder baseline: a stubbed method ran
                </system-err>
                  </testcase>
                  <testcase name="plain" classname="com.example.count.FenceTest" time="0.01">
                    <error message="Error looking up file [a.txt]." type="java.lang.IllegalArgumentException">\
                java.lang.IllegalArgumentException: Error looking up file [a.txt].
                </error>
                  </testcase>
                </testsuite>
                """, StandardCharsets.UTF_8);

        Map<String, String> failures = new java.util.TreeMap<>();
        results.tests("c3", COUNTER_PLAN).stream().filter(test -> test.testClass().endsWith("FenceTest"))
                .forEach(test -> failures.put(test.key().substring(test.key().indexOf('#') + 1), test.failure()));

        String plain = "java.lang.IllegalArgumentException: Error looking up file [a.txt].";
        assertEquals(Map.of("caused", plain + SubBuildResults.STUB_RAN, "printed", plain + SubBuildResults.STUB_RAN,
                "plain", plain), failures);
    }

    /**
     * With {@code redirectTestOutputToFile} surefire writes what a test class printed to
     * {@code <class>[-suffix]-output.txt} and nothing into the report: the stub's mark is read there,
     * for every failing method of the class that printed it, and only of that class.
     */
    @Test
    void aStubMarkInTheOutputFileOfARedirectingProjectCountsForItsClassOnly() throws IOException {
        SubBuildResults results = results("plain", lines("plain"));
        Path reports = folder().resolve("c3/target/surefire-reports");
        for (String name : List.of("FenceTest", "GateTest")) {
            Files.writeString(reports.resolve("TEST-com.example.count." + name + "-slow.xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <testsuite name="com.example.count.%1$s" tests="2" failures="0" errors="1">
                      <testcase name="looksUp" classname="com.example.count.%1$s" time="0.01">
                        <error message="Error looking up file [a.txt]." type="java.lang.IllegalArgumentException">\
                    java.lang.IllegalArgumentException: Error looking up file [a.txt].
                    </error>
                      </testcase>
                      <testcase name="passes" classname="com.example.count.%1$s" time="0.01"/>
                    </testsuite>
                    """.formatted(name), StandardCharsets.UTF_8);
        }
        Files.writeString(reports.resolve("com.example.count.FenceTest-slow-output.txt"),
                "opening a.txt\nautocoder baseline: a stubbed method ran\n", StandardCharsets.UTF_8);
        Files.writeString(reports.resolve("com.example.count.GateTest-slow-output.txt"), "opening a.txt\n",
                StandardCharsets.UTF_8);

        Map<String, String> failures = new java.util.TreeMap<>();
        results.tests("c3", COUNTER_PLAN).stream().filter(test -> test.key().contains(".FenceTest#")
                || test.key().contains(".GateTest#")).forEach(test -> failures.put(test.key(), test.failure()));

        String plain = "java.lang.IllegalArgumentException: Error looking up file [a.txt].";
        assertEquals(Map.of("com.example.count.FenceTest#looksUp", plain + SubBuildResults.STUB_RAN,
                "com.example.count.FenceTest#passes", "", "com.example.count.GateTest#looksUp", plain,
                "com.example.count.GateTest#passes", ""), failures);
    }

    @Test
    void surefireReportsWithWindowsPathsLoseTheSubBuildFolderInEveryForm() throws IOException {
        List<SubBuildResults.TestResult> tests = results("windows", lines("windows")).tests("c3", COUNTER_PLAN);

        assertEquals(2, tests.size(), tests.toString());
        assertEquals("org.opentest4j.AssertionFailedError: two increments count two ==> expected: <2> but was: <1>",
                tests.get(0).failure());
        assertEquals("PricesTest.readsThePriceList: no prices.csv in c3\\target\\test-classes"
                + " (file:c3/target/test-classes/) ==> expected: <true> but was: <false>\n"
                + "    at com.example.count.PricesTest.readsThePriceList(PricesTest.java:15)", tests.get(1).description(),
                "the platform's C:\\... path and the URL's /C:/... path both lose the machine's folder");
    }

    @Test
    void linesReadPlainWhateverTheSessionTurnedOn() {
        // Real lines of the same sub-build with .mvn/jvm.config setting showDateTime (no format, so
        // milliseconds), showThreadName and showLogName, and with -Dstyle.color=always.
        assertEquals("[INFO] Recompiling the module because of changed source code.", SubBuildResults.plain(
                "9193 [mvn-builder-com.example.autocoder-c1:test-project] [INFO] org.apache.maven.plugin.compiler"
                        + ".CompilerMojo - Recompiling the module because of changed source code."));
        assertEquals("[ERROR] COMPILATION ERROR : ", SubBuildResults.plain("11058 [mvn-builder-com.example.autocoder-c1"
                + ":test-project] [ERROR] org.apache.maven.plugin.compiler.CompilerMojo - COMPILATION ERROR : "));
        assertEquals("[INFO] BUILD FAILURE", SubBuildResults.plain("[\u001B[1;34mINFO\u001B[m] \u001B[1;31mBUILD"
                + " FAILURE\u001B[m"));
        assertEquals("[INFO] Scanning for projects...", SubBuildResults.plain(
                "\u001B[0m\u001B[0m2026-12-03 00:45:07,948 [INFO] Scanning for projects...\r"));
        assertEquals("[INFO] [ERROR] output of a child build", SubBuildResults.plain(
                "[INFO] [ERROR] output of a child build"), "a level is never taken for a thread name");
        assertEquals("  symbol:   variable nam", SubBuildResults.plain("  symbol:   variable nam\r"));
    }

    /** The recorded log, split at line feeds only, as a reader that knows nothing of CRLF would. */
    private List<String> lines(String form) throws IOException {
        String text = resource(form + ".log").replace("@FOLDER@", folder().toString())
                .replace("@PROJECT@", dir.resolve("project").toString());
        return Arrays.asList(text.split("\n"));
    }

    private SubBuildResults results(String form, List<String> lines) throws IOException {
        boolean windows = form.equals("windows");
        Path reports = Files.createDirectories(folder().resolve("c3/target/surefire-reports"));
        for (String report : List.of("TEST-com.example.count.CounterTest.xml", "TEST-com.example.count.PricesTest.xml")) {
            Files.writeString(reports.resolve(report), resource((windows ? "reports-windows/" : "reports/") + report)
                    .replace("@FOLDER@", folder().toString()), StandardCharsets.UTF_8);
        }
        ProjectLayout layout = new TestProject(dir.resolve("project")).layout();
        String printed = windows ? WINDOWS_FOLDER : folder().toString();
        return new SubBuildResults(folder(), printed, lines, layout, modules(printed));
    }

    /**
     * Where the recorded sub-build wrote each module's code: below {@code c<n>/sources/main}, as the
     * reactor laid plans out when the logs were recorded, in the form the platform prints.
     */
    private static List<SubBuildReactor.ModuleFiles> modules(String printed) {
        List<SubBuildReactor.ModuleFiles> modules = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            java.util.Map<String, String> units = new java.util.HashMap<>();
            for (SubBuildReactor.Plan plan : List.of(GREETER_PLAN, COUNTER_PLAN, MONEY_PLAN)) {
                for (CodeUnit unit : plan.own()) {
                    String root = unit.test() ? "sources/test" : "sources/main";
                    String path = SourceFile.slashes(unit.relativePath());
                    units.put(SubBuildResults.comparable(printed + "/c" + i + "/" + root + "/" + path),
                            (unit.test() ? "test:" : "main:") + path);
                }
            }
            modules.add(new SubBuildReactor.ModuleFiles(units, java.util.Map.of(), java.util.List.of()));
        }
        return modules;
    }

    private Path folder() {
        return dir.resolve("build-7");
    }

    /** The first line with both texts (surefire prints the class name in bold when colours are on). */
    private static int indexOf(List<String> lines, String text, String more) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text) && lines.get(i).contains(more)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text + " and " + more);
    }

    private static String resource(String name) {
        try (InputStream in = SubBuildResultsLogTest.class.getResourceAsStream("subbuild-logs/" + name)) {
            if (in == null) {
                throw new AssertionError("no recorded " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.MONEY;
import static dev.autocoder.verify.TestProject.MONEY_TEST;
import static dev.autocoder.verify.TestProject.candidate;
import static dev.autocoder.verify.TestProject.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.project.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Maven sub-builds; each test is one Maven run, so assertions are grouped per run. */
class SubBuildVerifierIT {

    private static final String COUNTER_TEST = """
            package com.example.count;

            import static org.junit.jupiter.api.Assertions.assertEquals;
            import org.junit.jupiter.api.Test;

            class CounterTest {
                @Test
                void countsTwice() {
                    Counter counter = new Counter();
                    counter.increment();
                    counter.increment();
                    assertEquals(2, counter.value(), "two increments count two");
                }
            }
            """;

    private static final String COUNTER = """
            package com.example.count;

            public class Counter {
                private int value;

                public void increment() {
                    value++;
                }

                public int value() {
                    return value;
                }
            }
            """;

    /** A tax of a tenth where the project's checkout test expects a fifth. */
    private static final CodeUnit WRONG_TAX = unit("com.example.shop.Tax", """
            package com.example.shop;

            public final class Tax {
                public static long of(long cents) {
                    return cents / 10;
                }
            }
            """, false);
    /** A right tax of a fifth, as the project's checkout test expects. */
    private static final CodeUnit RIGHT_TAX = unit("com.example.shop.Tax", """
            package com.example.shop;

            public final class Tax {
                public static long of(long cents) {
                    return cents / 5;
                }
            }
            """, false);

    private static final CodeUnit SHIPPING = unit("com.example.shop.Shipping", """
            package com.example.shop;

            public final class Shipping {
                public static long of(long cents) {
                    return cents >= 150 ? 0 : 5;
                }
            }
            """, false);
    /** The project's checkout service, which adds the generated tax. */
    private static final String CHECKOUT = """
            package com.example.shop;

            public final class Checkout {
                public long total(long cents) {
                    return cents + Tax.of(cents);
                }
            }
            """;
    /** The project's test of its checkout service, which reaches the tax only through the service. */
    private static final String CHECKOUT_TEST = """
            package com.example.shop;

            import static org.junit.jupiter.api.Assertions.assertEquals;
            import org.junit.jupiter.api.Test;

            class CheckoutTest {
                @Test
                void addsTheTax() {
                    assertEquals(120, new Checkout().total(100), "total with a fifth in tax");
                }
            }
            """;

    /** The checkout service calling two generated classes: the tax and the shipping. */
    private static final String CHECKOUT_WITH_SHIPPING = """
            package com.example.shop;

            public final class Checkout {
                public long total(long cents) {
                    return cents + Tax.of(cents);
                }

                public long shipping(long cents) {
                    return Shipping.of(cents);
                }
            }
            """;

    @TempDir
    Path dir;

    static SubBuildSettings settings(Duration timeout) {
        return new SubBuildSettings(Path.of(System.getProperty("maven.home", "/usr/share/maven")),
                TestProject.localRepository(), null, null, false, timeout, null);
    }

    /** The project's effective POM with {@code configuration} (XML) added to its surefire plugin. */
    private static String withSurefire(ProjectLayout base, String configuration) {
        String plugin = """
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.3</version>
                """;
        return base.build().effectivePom().replace(plugin, plugin + configuration.indent(16));
    }

    /** The project's effective POM with {@code plugin} (XML) as its first build plugin. */
    private static String withPlugin(ProjectLayout base, String plugin) {
        String plugins = """
                    <plugins>
                """;
        return base.build().effectivePom().replace(plugins, plugins + plugin.indent(6));
    }

    /** The project's layout with another effective POM, as a project configured that way would have it. */
    private static ProjectLayout withEffectivePom(ProjectLayout base, String pom) {
        return new ProjectLayout(base.baseDirectory(), base.javaRelease(), base.mainSourceRoots(),
                base.testSourceRoots(), base.dependencies(), Map.of(), Optional.empty(), base.compiler(),
                new ProjectLayout.BuildModel(pom, base.buildDirectory(), base.build().selfPlugin()));
    }

    private SubBuildVerifier verifier(ProjectLayout layout, SubBuildSettings settings) {
        return new SubBuildVerifier(layout, owner -> List.of(), new InProcessCompiler(layout, owner -> List.of()), settings,
                dir.resolve("state/subbuild"), null, Boolean.getBoolean("keep"));
    }

    private SubBuildVerifier verifier(ProjectLayout layout, Duration timeout) {
        return new SubBuildVerifier(layout, owner -> List.of(), new InProcessCompiler(layout, owner -> List.of()), settings(timeout),
                dir.resolve("state/subbuild"), null, Boolean.getBoolean("keep"));
    }

    /**
     * Issue 23: a module in a folder whose name holds {@code &} (escaped in the POM) builds in its
     * copy; a test reads a project file by relative path and writes {@code ./out.txt}, and the
     * real module gets neither that file nor anything else.
     */
    @Test
    void aModuleWhosePathHoldsAnAmpersandBuildsInItsCopyAndItsTestsWriteThere() throws IOException {
        Path base = dir.resolve("R&D project");
        ProjectLayout layout = new TestProject(base).test("com/example/MoneyTest.java", MONEY_TEST).layout();
        Files.createDirectories(base.resolve("src/test/resources"));
        Files.writeString(base.resolve("src/test/resources/rate.txt"), "3");
        Candidate money = candidate("money", unit("com.example.Money", MONEY, false), unit("com.example.RateTest", """
                package com.example;

                import static org.junit.jupiter.api.Assertions.assertEquals;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.junit.jupiter.api.Test;

                class RateTest {
                    @Test
                    void readsTheProjectsFileAndWritesBesideIt() throws Exception {
                        long rate = Long.parseLong(Files.readString(Path.of("src/test/resources/rate.txt")).strip());
                        Files.writeString(Path.of("out.txt"), "written");
                        assertEquals(new Money(3), new Money(1).plus(new Money(rate - 1)));
                    }
                }
                """, true));
        List<String> before;
        try (var files = Files.walk(base)) {
            before = files.map(base::relativize).map(Path::toString).sorted().toList();
        }
        Path work = dir.resolve("subbuilds");

        Verdict verdict = new SubBuildVerifier(layout, owner -> List.of(), new InProcessCompiler(layout,
                owner -> List.of()), settings(Duration.ofMinutes(3)), work, null, true).verify(money);

        assertTrue(verdict.passed(), verdict.feedback().toString());
        List<String> after;
        try (var files = Files.walk(base)) {
            after = files.map(base::relativize).map(Path::toString).sorted().toList();
        }
        assertEquals(before, after, "the real module is untouched");
        try (var files = Files.walk(work)) {
            List<Path> written = files.filter(file -> file.getFileName().toString().equals("out.txt")).toList();
            assertEquals(1, written.size(), "the test wrote into its module's copy: " + written);
            assertTrue(Files.isRegularFile(written.get(0).resolveSibling("src/test/resources/rate.txt")));
        }
    }

    @Test
    void batchGivesEachCandidateItsOwnVerdictFromOneBuild() throws IOException {
        Path envDump = dir.resolve("env-keys.txt");
        ProjectLayout layout = new TestProject(dir.resolve("project"))
                .main("com/example/util/Strings.java", "package com.example.util;\npublic final class Strings {\n"
                        + "    public static String twice(String s) {\n        return s + s;\n    }\n}\n")
                .test("com/example/MoneyTest.java", MONEY_TEST)
                .test("com/example/count/CounterTest.java", COUNTER_TEST).layout();
        Candidate money = candidate("money", unit("com.example.Money", MONEY, false),
                unit("com.example.EnvironmentTest", """
                        package com.example;

                        import java.nio.file.Files;
                        import java.nio.file.Path;
                        import org.junit.jupiter.api.Test;

                        class EnvironmentTest {
                            @Test
                            void dumpsVariableNames() throws Exception {
                                Files.writeString(Path.of("%s"), String.join("\\n", System.getenv().keySet()));
                            }
                        }
                        """.formatted(envDump.toString().replace("\\", "\\\\")), true));
        Candidate greeter = candidate("greeter", unit("com.example.hello.Greeter", """
                package com.example.hello;

                import com.example.util.Strings;

                public class Greeter {
                    public String greet(String name) {
                        return Strings.twice("hi ") + name;
                    }
                }
                """, false), unit("com.example.hello.GreeterTest", """
                package com.example.hello;

                import static org.junit.jupiter.api.Assertions.assertEquals;
                import org.junit.jupiter.api.Test;

                class GreeterTest {
                    @Test
                    void greets() {
                        assertEquals("hi hi Ann", new Greeter().greet("Ann"));
                    }
                }
                """, true));
        Candidate sloppy = candidate("sloppy", unit("com.example.style.Sloppy", """
                package com.example.style;

                import java.util.List;

                public class Sloppy {
                    public int one() {
                        int one = 1;;
                        return one;
                    }
                }
                """, false));
        Candidate counter = candidate("counter", unit("com.example.count.Counter", """
                package com.example.count;

                public class Counter {
                    private int value;

                    public void increment() {
                        value = 1;
                    }

                    public int value() {
                        return value;
                    }
                }
                """, false));
        Candidate broken = candidate("broken", unit("com.example.broken.Broken",
                "package com.example.broken;\npublic class Broken { int x = y; }\n", false));

        Map<Candidate, Verdict> verdicts = verifier(layout, Duration.ofMinutes(3))
                .verifyBatch(List.of(money, greeter, sloppy, counter, broken));

        assertTrue(verdicts.get(money).passed(), verdicts.get(money).toString());
        assertTrue(verdicts.get(greeter).passed(), verdicts.get(greeter).toString());
        Verdict style = verdicts.get(sloppy);
        assertEquals(Feedback.Stage.CHECKSTYLE, style.firstFailure().orElseThrow().stage(), style.toString());
        assertTrue(style.firstFailure().orElseThrow().message().startsWith("com/example/style/Sloppy.java:7 [EmptyStatement]"),
                style.toString());
        assertTrue(style.feedback().stream().anyMatch(f -> !f.blocking() && f.message().contains("[UnusedImports]")),
                style.toString());
        Verdict failing = verdicts.get(counter);
        assertEquals(Feedback.Stage.TEST, failing.firstFailure().orElseThrow().stage(), failing.toString());
        String testMessage = failing.firstFailure().orElseThrow().message();
        assertTrue(testMessage.startsWith("CounterTest.countsTwice: two increments count two ==> expected: <2> but was: <1>"),
                testMessage);
        assertTrue(testMessage.contains("at com.example.count.CounterTest.countsTwice(CounterTest.java:12)"), testMessage);
        assertFalse(testMessage.contains("org.junit"), testMessage);
        assertFalse(testMessage.contains(dir.toString()), testMessage);
        assertEquals(Feedback.Stage.COMPILE, verdicts.get(broken).firstFailure().orElseThrow().stage());

        Set<String> keys = new TreeSet<>(Files.readAllLines(envDump));
        assertFalse(keys.isEmpty());
        assertTrue(keys.stream().noneMatch(key -> key.matches(".*(KEY|TOKEN|SECRET|PASSWORD).*")), keys.toString());
        Set<String> expected = new TreeSet<>(SubBuildLaunch.safeEnvironment(System.getenv()).keySet());
        expected.removeIf(key -> key.equals("MAVEN_OPTS") || key.equals("JAVA_HOME"));
        assertTrue(keys.containsAll(expected), "the user's environment less secrets reaches the tests: " + keys);
    }

    @Test
    void hangingTestIsStoppedByTheTimeoutWithNoProcessLeft() {
        ProjectLayout layout = new TestProject(dir.resolve("project")).layout();
        Candidate hanging = candidate("hanging", unit("com.example.Spin", """
                package com.example;

                public class Spin {
                    public static long forever() {
                        long n = 0;
                        while (n >= 0) {
                            n = (n + 1) % 1000;
                        }
                        return n;
                    }
                }
                """, false), unit("com.example.SpinTest", """
                package com.example;

                import org.junit.jupiter.api.Test;

                class SpinTest {
                    @Test
                    void spins() {
                        Spin.forever();
                    }
                }
                """, true));

        // Other tests' runs may keep an idle warm Maven of their own; this run's processes are the new ones.
        Set<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        Verdict verdict = verifier(layout, Duration.ofSeconds(12)).verify(hanging);

        assertEquals(Feedback.Stage.TIMEOUT, verdict.firstFailure().orElseThrow().stage(), verdict.toString());
        assertTrue(verdict.firstFailure().orElseThrow().message().startsWith("sub-build exceeded 12 s"), verdict.toString());
        assertTrue(ProcessHandle.current().descendants().filter(process -> !before.contains(process.pid()))
                .noneMatch(ProcessHandle::isAlive), "no Maven or surefire process survives");
    }

    @Test
    void aProjectFileThatDoesNotCompileOnItsOwnIsTheProjectsFailureNamedWithTheSubBuildLog() {
        ProjectLayout layout = new TestProject(dir.resolve("project"))
                .main("com/example/legacy/Legacy.java", "package com.example.legacy;\npublic class Legacy {\n"
                        + "    int broken() {\n        return \"text\";\n    }\n}\n").layout();
        Candidate money = candidate("money", unit("com.example.Money", MONEY, false));

        Verdict verdict = verifier(layout, Duration.ofMinutes(3)).verify(money);

        Feedback project = verdict.projectFailure().orElseThrow(() -> new AssertionError(verdict.toString()));
        assertTrue(project.message().startsWith("src/main/java/com/example/legacy/Legacy.java:4: incompatible types"),
                project.message());
        assertTrue(project.message().contains("build.log"), project.message());
        assertTrue(verdict.feedback().stream().noneMatch(f -> f.blocking() && f.modelCaused()), verdict.toString());
    }

    @Test
    void aProjectTestThatFailsWithoutTheCandidateTooIsTheProjectsReportedAndNeverBlocks() {
        ProjectLayout layout = new TestProject(dir.resolve("project"))
                .test("com/example/MoneyTest.java", MONEY_TEST)
                .test("com/example/other/AlwaysFailsTest.java", """
                        package com.example.other;

                        import org.junit.jupiter.api.Assertions;
                        import org.junit.jupiter.api.Test;

                        class AlwaysFailsTest {
                            @Test
                            void needsAMissingResource() {
                                Assertions.assertNotNull(getClass().getResource("/missing.csv"), "missing.csv");
                            }
                        }
                        """).layout();
        SubBuildVerifier verifier = verifier(layout, Duration.ofMinutes(3));
        CodeUnit money = unit("com.example.Money", MONEY, false);

        Verdict round = verifier.verify(candidate("money", money));
        SubBuildVerifier.FinalCheck together = verifier.verifyTogether(Map.of("money", List.of(money)), true);

        assertTrue(round.passed(), round.toString());
        assertTrue(round.feedback().stream().noneMatch(Feedback::modelCaused), round.toString());
        assertTrue(together.passed(), together.toString());
        assertEquals(List.of("the project's own test AlwaysFailsTest.needsAMissingResource: missing.csv ==> expected:"
                + " not <null> fails with or without the generated code; it was not sent to the model"),
                verifier.projectTestFailures());
    }

    @Test
    void aTestThatReachesTheCandidateOnlyThroughAHelperAndAServiceChargesTheCandidateWithItsAssertion() {
        ProjectLayout layout = basketProject();
        CodeUnit subtracting = unit("com.example.Money", MONEY.replace("cents + other.cents", "cents - other.cents"),
                false);

        Verdict round = verifier(layout, Duration.ofMinutes(3)).verify(candidate("money", subtracting));

        Feedback failure = round.firstFailure().orElseThrow(() -> new AssertionError(round.toString()));
        assertEquals(Feedback.Stage.TEST, failure.stage(), round.toString());
        assertTrue(failure.message().startsWith("BasketTest.sumsThePrices: basket total ==> expected: <350> but was: <-350>"),
                failure.message());
        assertTrue(failure.message().contains("at com.example.billing.BasketTest.sumsThePrices"), failure.message());
    }

    /** A service over {@code Money} and a test that reaches it only through a helper and that service. */
    private ProjectLayout basketProject() {
        return new TestProject(dir.resolve("project"))
                .main("com/example/billing/Checkout.java", """
                        package com.example.billing;

                        import com.example.Money;

                        public final class Checkout {
                            private Money total = new Money(0);

                            public Checkout add(long cents) {
                                total = total.plus(new Money(cents));
                                return this;
                            }

                            public long totalCents() {
                                return total.cents();
                            }
                        }
                        """)
                .test("com/example/billing/Baskets.java", """
                        package com.example.billing;

                        final class Baskets {
                            static long totalOf(long... prices) {
                                Checkout checkout = new Checkout();
                                for (long price : prices) {
                                    checkout.add(price);
                                }
                                return checkout.totalCents();
                            }
                        }
                        """)
                .test("com/example/billing/BasketTest.java", """
                        package com.example.billing;

                        import static org.junit.jupiter.api.Assertions.assertEquals;
                        import org.junit.jupiter.api.Test;

                        class BasketTest {
                            @Test
                            void sumsThePrices() {
                                assertEquals(350, Baskets.totalOf(100, 250), "basket total");
                            }
                        }
                        """).layout();
    }

    /**
     * Issue 21: a warm Maven (one JVM for the run's sub-builds) gives every verdict a cold one
     * gives, a failing candidate's (with its baseline) and a passing one's, in turn, and the
     * failing one again after the passing one, so nothing of one build stays for the next. Every
     * build runs in the JVM the warm-up started.
     */
    @Test
    void aWarmMavenGivesTheVerdictsAColdOneGives() {
        ProjectLayout layout = basketProject();
        CodeUnit subtracting = unit("com.example.Money", MONEY.replace("cents + other.cents", "cents - other.cents"),
                false);
        CodeUnit adding = unit("com.example.Money", MONEY, false);
        try (SubBuildVerifier cold = verifier(layout, settings(Duration.ofMinutes(3)).withWarmMaven(false));
                SubBuildVerifier warm = verifier(layout, settings(Duration.ofMinutes(3)).withWarmMaven(true))) {
            warm.warmUp();
            List<Boolean> passed = new ArrayList<>();
            for (CodeUnit money : List.of(subtracting, adding, subtracting)) {
                Verdict coldVerdict = cold.verify(candidate("money", money));
                Verdict warmVerdict = warm.verify(candidate("money", money));
                assertEquals(coldVerdict.passed(), warmVerdict.passed(), warmVerdict.toString());
                assertEquals(coldVerdict.feedback(), warmVerdict.feedback());
                passed.add(warmVerdict.passed());
            }
            assertEquals(List.of(false, true, false), passed);
            assertEquals("a Maven started for each", cold.warmMaven());
            assertTrue(warm.warmMaven().matches("[3-9] in 1 warm Maven JVM\\(s\\), the first started while the model wrote"),
                    warm.warmMaven());
        }
    }

    /**
     * A warm Maven JVM that goes away in the middle of a round gives no verdict: the round runs
     * again in a Maven started for it, and the candidate gets that build's verdict.
     */
    @Test
    void aRoundWhoseWarmJvmDiesRunsAgainColdAndGivesItsVerdict() throws Exception {
        ProjectLayout layout = new TestProject(dir.resolve("project")).test("com/example/MoneyTest.java", MONEY_TEST)
                .test("com/example/SlowTest.java", """
                        package com.example;

                        import static org.junit.jupiter.api.Assertions.assertEquals;
                        import org.junit.jupiter.api.Test;

                        class SlowTest {
                            @Test
                            void addsSlowly() throws InterruptedException {
                                Thread.sleep(4000);
                                assertEquals(new Money(5), new Money(2).plus(new Money(3)));
                            }
                        }
                        """).layout();
        try (SubBuildVerifier verifier = verifier(layout, Duration.ofMinutes(3))) {
            CompletableFuture<Void> killed = CompletableFuture.runAsync(() -> {
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (System.nanoTime() < deadline) {
                    Optional<ProcessHandle> warm = ProcessHandle.current().descendants()
                            .filter(process -> process.info().commandLine().orElse("").contains(
                                    WarmMavenServer.class.getName()))
                            .filter(process -> process.descendants().findAny().isPresent())
                            .findFirst();
                    if (warm.isPresent()) {
                        MavenRun.stopTree(warm.get());
                        return;
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                throw new AssertionError("no warm Maven JVM ran tests");
            });

            Verdict round = verifier.verify(candidate("money", unit("com.example.Money", MONEY, false)));

            killed.get(1, java.util.concurrent.TimeUnit.MINUTES);
            assertTrue(round.passed(), round.toString());
            assertEquals("0 in 1 warm Maven JVM(s)", verifier.warmMaven(), "the round's build ended cold");
        }
    }

    /**
     * A run that ends while its warm-up build still runs (the model failed at once) leaves nothing
     * behind: once {@code close} returns, the warm-up's folder is gone and so is its JVM.
     */
    @Test
    void closingDuringTheWarmUpLeavesNoFolderAndNoJvm() throws Exception {
        ProjectLayout layout = new TestProject(dir.resolve("project")).layout();
        Set<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        Path work = dir.resolve("state/subbuild");
        SubBuildVerifier verifier = new SubBuildVerifier(layout, owner -> List.of(),
                new InProcessCompiler(layout, owner -> List.of()), settings(Duration.ofMinutes(3)), work, null, false);
        Thread warming = new Thread(verifier::warmUp, "warm-up");
        warming.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.isDirectory(work) || children(work).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the warm-up never laid out its folder");
            Thread.sleep(5);
        }

        verifier.close();

        assertEquals(List.of(), children(work), "the warm-up's folder");
        assertTrue(ProcessHandle.current().descendants().filter(process -> !before.contains(process.pid()))
                .noneMatch(ProcessHandle::isAlive), "no warm Maven JVM survives");
        warming.join(Duration.ofSeconds(30).toMillis());
        assertFalse(warming.isAlive());
    }

    private static List<Path> children(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.toList();
        }
    }

    @Test
    void theFinalCheckChargesOnlyTheTaskWithoutWhoseCodeTheFailingTestPasses() {
        String rate = """
                package com.example.tax;

                public final class Rate {
                    public static long percentOf(long cents, int percent) {
                        return cents * percent / 100;
                    }
                }
                """;
        String label = """
                package com.example.tax;

                public final class Label {
                    public static String of(long cents) {
                        return cents / 100 + "." + String.format("%02d", cents % 100);
                    }
                }
                """;
        ProjectLayout layout = new TestProject(dir.resolve("project"))
                .test("com/example/tax/Receipts.java", """
                        package com.example.tax;

                        final class Receipts {
                            static long taxedCents(long cents, int percent) {
                                return cents + Rate.percentOf(cents, percent);
                            }
                        }
                        """)
                .test("com/example/tax/ReceiptTest.java", """
                        package com.example.tax;

                        import static org.junit.jupiter.api.Assertions.assertEquals;
                        import org.junit.jupiter.api.Test;

                        class ReceiptTest {
                            @Test
                            void addsTheTax() {
                                assertEquals(1200, Receipts.taxedCents(1000, 20));
                            }
                        }
                        """)
                .test("com/example/tax/PrintedTotalTest.java", """
                        package com.example.tax;

                        import static org.junit.jupiter.api.Assertions.assertEquals;
                        import com.example.Money;
                        import org.junit.jupiter.api.Test;

                        class PrintedTotalTest {
                            @Test
                            void printsCents() {
                                assertEquals("3.05", Label.of(new Money(300).plus(new Money(5)).cents()));
                            }
                        }
                        """).layout();
        Map<String, List<CodeUnit>> byTask = new java.util.LinkedHashMap<>();
        byTask.put("money", List.of(unit("com.example.Money", MONEY, false)));
        byTask.put("rate", List.of(unit("com.example.tax.Rate", rate.replace("/ 100", "/ 10"), false)));
        byTask.put("label", List.of(unit("com.example.tax.Label", label, false)));

        SubBuildVerifier.FinalCheck check = verifier(layout, Duration.ofMinutes(4)).verifyTogether(byTask, true);

        assertEquals(Set.of("rate"), check.charged().keySet(), check.toString());
        Feedback failure = check.charged().get("rate").get(0);
        assertTrue(failure.message().startsWith("ReceiptTest.addsTheTax: expected: <1200> but was: <3000>"),
                failure.message());
        assertTrue(check.unassigned().isEmpty() && check.projectTests().isEmpty(), check.toString());
    }

    /**
     * A module that builds on this one (web) is built in the final check, on the module's copy with
     * every task's code: its test that reaches the generated class through its own service fails
     * with a wrong candidate and is charged to that task. Its other test fails whatever the code
     * does, but cannot run without it (web's main code needs the type): it fails just the same with
     * the task's behaviour taken out, so it is never sent to the model, and it keeps even the right
     * code from passing, the user told why. A candidate without the method web's code calls, or in
     * another package than web imports it from, fails web's compile, and that error is the task's. No test of the module itself reaches the class, so
     * no round could tell.
     */
    @Test
    void theFinalCheckBuildsTheModulesThatDependOnThisOneAndChargesTheirTestsByEvidence() throws IOException {
        ProjectLayout plain = new TestProject(dir.resolve("project")).layout();
        Path web = dir.resolve("web");
        new TestProject(web).main("com/example/web/Till.java", """
                package com.example.web;

                import com.example.Money;

                public final class Till {
                    private Money total = new Money(0);

                    public Till ring(long cents) {
                        total = total.plus(new Money(cents));
                        return this;
                    }

                    public long total() {
                        return total.cents();
                    }
                }
                """).test("com/example/web/TillTest.java", """
                package com.example.web;

                import static org.junit.jupiter.api.Assertions.assertEquals;
                import org.junit.jupiter.api.Test;

                class TillTest {
                    @Test
                    void addsWhatItRings() {
                        assertEquals(305, new Till().ring(300).ring(5).total());
                    }
                }
                """).test("com/example/web/OpeningHoursTest.java", """
                package com.example.web;

                import org.junit.jupiter.api.Assertions;
                import org.junit.jupiter.api.Test;

                class OpeningHoursTest {
                    @Test
                    void readsTheHours() {
                        Assertions.assertNotNull(getClass().getResource("/hours.csv"), "hours.csv");
                    }
                }
                """);
        String webPom = dev.autocoder.testing.TestBuilds.plain(web, TestProject.junit()).effectivePom()
                .replace("<artifactId>test-project</artifactId>", "<artifactId>web</artifactId>")
                .replace("<dependencies>\n", "<dependencies>\n<dependency><groupId>com.example</groupId>"
                        + "<artifactId>test-project</artifactId><version>1.0</version></dependency>\n");
        ProjectLayout layout = new ProjectLayout(plain.baseDirectory(), plain.javaRelease(), plain.mainSourceRoots(),
                plain.testSourceRoots(), plain.dependencies(), Map.of(), Optional.empty(), plain.compiler(),
                new ProjectLayout.BuildModel(plain.build().effectivePom(), plain.buildDirectory(),
                        plain.build().selfPlugin(), List.of(), List.of("web"), List.of(new ProjectLayout.DependentBuild(
                                "web", "com.example:web", web, web.resolve("target"), webPom))));
        SubBuildVerifier verifier = verifier(layout, Duration.ofMinutes(4));
        CodeUnit wrong = unit("com.example.Money", MONEY.replace("cents + other.cents", "cents - other.cents"), false);

        SubBuildVerifier.FinalCheck withWrong = verifier.verifyTogether(Map.of("money", List.of(wrong)), true);
        SubBuildVerifier.FinalCheck withRight = verifier.verifyTogether(
                Map.of("money", List.of(unit("com.example.Money", MONEY, false))), true);
        SubBuildVerifier.FinalCheck renamed = verifier.verifyTogether(Map.of("money", List.of(
                unit("com.example.Money", MONEY.replace("plus(", "add("), false))), true);
        SubBuildVerifier.FinalCheck moved = verifier.verifyTogether(Map.of("money", List.of(
                unit("com.example.cash.Money", MONEY.replace("package com.example;", "package com.example.cash;"),
                        false))), true);

        assertEquals(Set.of("money"), withWrong.charged().keySet(), withWrong.toString());
        assertEquals(1, withWrong.charged().get("money").size(), withWrong.toString());
        String failure = withWrong.charged().get("money").get(0).message();
        assertTrue(failure.startsWith("TillTest.addsWhatItRings: expected: <305> but was: <-305>"), failure);
        for (SubBuildVerifier.FinalCheck check : List.of(withWrong, withRight)) {
            assertEquals(1, check.unassigned().size(), check.toString());
            Feedback hours = check.unassigned().get(0);
            assertEquals(Feedback.Stage.PROJECT, hours.stage());
            assertTrue(hours.message().startsWith("the project's test OpeningHoursTest.readsTheHours: hours.csv"),
                    hours.message());
            assertTrue(hours.message().contains("it was not sent to the model"), hours.message());
        }
        assertTrue(withRight.charged().isEmpty(), withRight.toString());
        assertFalse(withRight.passed(), "web's own failing test keeps the code from passing");
        // web's code calls plus, which this code does not have: web does not compile, and the error,
        // naming the task's type, is the task's to fix; no test of web ran.
        assertEquals(Set.of("money"), renamed.charged().keySet(), renamed.toString());
        String compile = renamed.charged().get("money").get(0).message();
        assertTrue(compile.startsWith("web/src/main/java/com/example/web/Till.java:"), compile);
        assertTrue(compile.contains("cannot find symbol") && compile.contains("plus"), compile);
        assertTrue(renamed.unassigned().isEmpty(), renamed.toString());
        // The code declares Money in another package than web imports it from: web misses the type,
        // and since the code has a type of that name, that is the task's to fix too.
        assertEquals(Set.of("money"), moved.charged().keySet(), moved.toString());
        String missing = moved.charged().get("money").get(0).message();
        assertTrue(missing.startsWith("web/src/main/java/com/example/web/Till.java:"), missing);
        assertTrue(missing.contains("Money") && missing.contains("use the package and name it expects"), missing);
        assertTrue(moved.unassigned().isEmpty(), moved.toString());
        assertFalse(Files.exists(web.resolve("target")), "the real dependent module is untouched");
    }

    @Test
    void aRoundRunsTheNestedClassesOfAProjectTestAndBlamesTheCandidateForTheirFailure() {
        ProjectLayout layout = new TestProject(dir.resolve("project"))
                .test("com/example/MoneyTest.java", """
                        package com.example;

                        import static org.junit.jupiter.api.Assertions.assertEquals;
                        import org.junit.jupiter.api.Nested;
                        import org.junit.jupiter.api.Test;

                        class MoneyTest {
                            @Nested
                            class Addition {
                                @Test
                                void addsCents() {
                                    assertEquals(new Money(3), new Money(1).plus(new Money(2)));
                                }
                            }
                        }
                        """).layout();
        CodeUnit subtracting = unit("com.example.Money", MONEY.replace("cents + other.cents", "cents - other.cents"),
                false);

        Verdict round = verifier(layout, Duration.ofMinutes(3)).verify(candidate("money", subtracting));

        Feedback failure = round.firstFailure().orElseThrow(() -> new AssertionError(round.toString()));
        assertEquals(Feedback.Stage.TEST, failure.stage(), round.toString());
        assertTrue(failure.message().contains("addsCents"), failure.message());
        assertTrue(failure.message().contains("expected: <Money[cents=3]> but was: <Money[cents=-1]>"),
                failure.message());
    }

    @Test
    void aProjectTestThatNeedsATypeATaskWroteInAnotherPackageChargesThatTaskInTheFinalCheck() {
        ProjectLayout layout = new TestProject(dir.resolve("project")).test("com/example/MoneyTest.java", MONEY_TEST)
                .layout();
        CodeUnit misplaced = unit("com.example.money.Money", MONEY.replace("package com.example;",
                "package com.example.money;"), false);

        SubBuildVerifier.FinalCheck check = verifier(layout, Duration.ofMinutes(3))
                .verifyTogether(Map.of("money", List.of(misplaced)), true);

        assertEquals(Set.of("money"), check.charged().keySet(), check.toString());
        assertEquals("com/example/money/Money.java:1: declares package com.example.money, but com/example/MoneyTest.java"
                + " uses Money as com.example.Money: the package line must be `package com.example;`",
                check.charged().get("money").get(0).message());
    }

    @Test
    void everythingVerifiedPassesTogetherWithProjectTestsThatCanRunAndClassFolderDependencies() {
        ProjectLayout layout = new TestProject(dir.resolve("project"))
                .test("com/example/MoneyTest.java", MONEY_TEST)
                .test("com/example/billing/InvoiceTest.java", """
                        package com.example.billing;

                        import org.junit.jupiter.api.Test;

                        class InvoiceTest {
                            @Test
                            void exists() {
                                new Invoice();
                            }
                        }
                        """).layout(List.of(TestProject.classFolder(dir.resolve("lib-classes"))));
        List<CodeUnit> verified = List.of(unit("com.example.Money", MONEY, false),
                unit("com.example.MoneyMoreTest", MONEY_TEST.replace("class MoneyTest", "class MoneyMoreTest")
                        .replace("new Money(1).plus", "new Money(lib.Lib.one()).plus"), true));

        SubBuildVerifier verifier = verifier(layout, Duration.ofMinutes(3));
        SubBuildVerifier.FinalCheck whileTasksAreMissing = verifier.verifyTogether(Map.of("money", verified), false);
        SubBuildVerifier.FinalCheck withEveryTask = verifier.verifyTogether(Map.of("money", verified), true);

        assertTrue(whileTasksAreMissing.passed(), whileTasksAreMissing.toString());
        assertTrue(withEveryTask.passed(), withEveryTask.toString());
        assertEquals(List.of("the project's test com/example/billing/InvoiceTest.java refers to Invoice, which neither"
                + " the project nor any task of this run wrote; it compiles only if another execution or generator"
                + " writes them"), withEveryTask.projectTests());
    }

    /**
     * Issue 23: the project's retry policy returns the generated {@code Limits.MAX_ATTEMPTS}, which
     * javac copies into it, and runs with another task's {@code Backoff}. The wrong constant fails
     * the policy's test; the project's code cannot compile without {@code Limits}, and its stub
     * still carries the wrong value (fields stay), so the test fails just the same without its
     * behaviour: the candidate waits for the other task's code, carrying the failure, which the
     * engine hands to its model with a pointer at constants once nobody else will change that code
     * ({@code EngineTest.tasksThatAllWaitOnTheSameFailingTestAreEachSentItWithWhatTheirStubsCouldNotTakeOut}).
     */
    @Test
    void aWrongConstantThatJavacCopiedIntoTheProjectsCodeWaitsCarryingItsFailure() {
        ProjectLayout layout = retryPolicy();
        CodeUnit wrongLimits = limits(5);
        java.util.function.Function<String, List<CodeUnit>> published = task -> task.equals("limits")
                ? List.of(backoff("100L << attempt")) : List.of(wrongLimits);
        SubBuildVerifier verifier = new SubBuildVerifier(layout, published, new InProcessCompiler(layout, published),
                settings(Duration.ofMinutes(3)), dir.resolve("state/subbuild"), null, false);

        Verdict verdict = verifier.verifyBatch(List.of(candidate("limits", wrongLimits))).values().iterator().next();

        assertFalse(verdict.passed(), verdict.toString());
        Feedback failure = verdict.firstFailure().orElseThrow();
        assertTrue(failure.failsWhateverItDoes(), verdict.toString());
        assertTrue(failure.message().contains("three attempts"), failure.message());
    }

    /**
     * The other way round, as on Apache Commons Text: {@code Limits} is right and the other task's
     * {@code Backoff}, in the same round, is wrong. The test is charged to the backoff, first in
     * task order, whose stub changes how the test fails: the limits wait for that code instead of
     * paying for a failure their constant does not cause, and pay for no stubbed baseline of their
     * own while they wait (issue 21). Once the backoff is right, the limits pass.
     */
    @Test
    void aRightConstantWaitsWhileAnotherTasksCodeFailsTheTest() {
        ProjectLayout layout = retryPolicy();
        CodeUnit rightLimits = limits(3);
        CodeUnit wrongBackoff = backoff("100L << (attempt + 1)");
        java.util.concurrent.atomic.AtomicReference<CodeUnit> publishedBackoff = new java.util.concurrent.atomic
                .AtomicReference<>(wrongBackoff);
        java.util.function.Function<String, List<CodeUnit>> published = task -> task.equals("limits")
                ? List.of(publishedBackoff.get()) : List.of(rightLimits);
        SubBuildVerifier verifier = new SubBuildVerifier(layout, published, new InProcessCompiler(layout, published),
                settings(Duration.ofMinutes(3)), dir.resolve("state/subbuild"), null, false);

        Map<Candidate, Verdict> round = verifier.verifyBatch(List.of(candidate("limits", rightLimits),
                candidate("backoff", wrongBackoff)));
        List<Verdict> verdicts = List.copyOf(round.values());

        Feedback limits = verdicts.get(0).firstFailure().orElseThrow();
        assertTrue(verdicts.get(0).waiting(), verdicts.toString());
        assertTrue(limits.takesTurns(), limits.toString());
        Feedback backoff = verdicts.get(1).firstFailure().orElseThrow();
        assertEquals(Feedback.Stage.TEST, backoff.stage(), verdicts.toString());
        assertTrue(backoff.message().contains("doubling pauses"), backoff.message());
        assertEquals(1, verifier.costs().shares().get("limits").subBuilds(), "the round only");

        publishedBackoff.set(backoff("100L << attempt"));
        Candidate rightBackoff = candidate("backoff", publishedBackoff.get());
        Map<Candidate, Verdict> next = verifier.verifyBatch(List.of(candidate("limits", rightLimits), rightBackoff));
        assertTrue(next.values().stream().allMatch(Verdict::passed), next.toString());
    }

    /** A project whose retry policy returns {@code Limits.MAX_ATTEMPTS} and pauses by {@code Backoff}, both generated. */
    private ProjectLayout retryPolicy() {
        return new TestProject(dir.resolve("project"))
                .main("com/example/retry/RetryPolicy.java", """
                        package com.example.retry;

                        public final class RetryPolicy {
                            public int attempts() {
                                return Limits.MAX_ATTEMPTS;
                            }

                            public long pauseMillis(int attempt) {
                                return Backoff.millis(attempt);
                            }
                        }
                        """)
                .test("com/example/retry/RetryPolicyTest.java", """
                        package com.example.retry;

                        import static org.junit.jupiter.api.Assertions.assertEquals;
                        import org.junit.jupiter.api.Test;

                        class RetryPolicyTest {
                            @Test
                            void triesThreeTimesWithDoublingPauses() {
                                RetryPolicy policy = new RetryPolicy();
                                assertEquals(3, policy.attempts(), "three attempts");
                                assertEquals(200L, policy.pauseMillis(1), "doubling pauses");
                            }
                        }
                        """)
                .layout();
    }

    private static CodeUnit limits(int maxAttempts) {
        return unit("com.example.retry.Limits", """
                package com.example.retry;

                public final class Limits {
                    public static final int MAX_ATTEMPTS = %d;

                    private Limits() {
                    }
                }
                """.formatted(maxAttempts), false);
    }

    private static CodeUnit backoff(String millis) {
        return unit("com.example.retry.Backoff", """
                package com.example.retry;

                public final class Backoff {
                    public static long millis(int attempt) {
                        return %s;
                    }
                }
                """.formatted(millis), false);
    }

    /**
     * A project whose surefire runs {@code *Check} classes: the round chooses among them, so the
     * wrong tax, reached only through the checkout service by {@code CheckoutCheck}, fails its round
     * on that test's assertion instead of passing a round that could not see it.
     */
    @Test
    void aRoundChoosesAmongTheTestsTheProjectsSurefireIncludesByName() throws IOException {
        Verdict round = wrongTaxRound("""
                <configuration>
                  <includes>
                    <include>**/*Check.java</include>
                  </includes>
                </configuration>
                """);

        assertFalse(round.passed(), round.toString());
        assertTrue(round.firstFailure().orElseThrow().message().contains("total with a fifth in tax"), round.toString());
        assertTrue(round.firstFailure().orElseThrow().message().contains("CheckoutCheck.addsTheTax"), round.toString());
    }

    /**
     * The same wrong tax in a project that runs its {@code *Check} classes in a second surefire
     * execution of its own, beside {@code default-test} with surefire's defaults: the round chooses
     * among what either execution runs, and fails on {@code CheckoutCheck}.
     */
    @Test
    void aRoundChoosesAmongTheTestsEverySurefireExecutionOfTheTestPhaseRuns() throws IOException {
        Verdict round = wrongTaxRound("""
                <executions>
                  <execution>
                    <id>contract-checks</id>
                    <phase>test</phase>
                    <goals><goal>test</goal></goals>
                    <configuration>
                      <includes><include>**/*Check.java</include></includes>
                    </configuration>
                  </execution>
                </executions>
                """);

        assertFalse(round.passed(), round.toString());
        assertTrue(round.firstFailure().orElseThrow().message().contains("CheckoutCheck.addsTheTax"), round.toString());
    }

    /**
     * The same wrong tax in a project that names its tests with {@code <test>} in its POM, which
     * overrides surefire's includes and excludes: the round chooses among the classes that parameter
     * names, runs its share through it, and fails on {@code CheckoutCheck}; the excludes that the
     * parameter overrides in the project's build do not hide it in the round either.
     */
    @Test
    void aRoundChoosesAmongTheTestsATestParameterInThePomNames() throws IOException {
        Verdict round = wrongTaxRound("""
                <configuration>
                  <test>*Check</test>
                  <excludes><exclude>**/Checkout*</exclude></excludes>
                </configuration>
                """);

        assertFalse(round.passed(), round.toString());
        assertTrue(round.firstFailure().orElseThrow().message().contains("CheckoutCheck.addsTheTax"), round.toString());
    }

    /**
     * A round of the wrong tax in a project whose surefire is configured with {@code surefire}: the
     * checkout service is tested by {@code CheckoutCheck}, which surefire's default names leave out,
     * and an unrelated counter by {@code CounterTest}, which they include.
     */
    private Verdict wrongTaxRound(String surefire) {
        ProjectLayout base = new TestProject(dir.resolve("project"))
                .main("com/example/shop/Checkout.java", CHECKOUT)
                .test("com/example/shop/CheckoutCheck.java", CHECKOUT_TEST.replace("class CheckoutTest",
                        "class CheckoutCheck"))
                .test("com/example/count/CounterTest.java", COUNTER_TEST)
                .main("com/example/count/Counter.java", COUNTER)
                .layout();
        String pom = withSurefire(base, surefire);
        assertTrue(pom.contains("*Check"), pom);
        SubBuildVerifier verifier = verifier(withEffectivePom(base, pom), Duration.ofMinutes(3));
        return verifier.verifyBatch(List.of(candidate("tax", WRONG_TAX))).values().iterator().next();
    }

    /**
     * Issue 21: every test of the project reaches the candidate, one through a fixture, one through
     * a service, so the round runs the project's whole test phase; when it passed, the final check
     * of exactly that code is that very build and runs no sub-build. Code that differs in one line
     * runs its own final check.
     */
    @Test
    void aFinalCheckOfTheCodeAPassingWholeRoundBuiltIsThatRoundAndRunsNoSubBuild() {
        ProjectLayout layout = new TestProject(dir.resolve("project"))
                .main("com/example/shop/Checkout.java", """
                        package com.example.shop;

                        import com.example.Money;
                        import java.util.List;

                        public final class Checkout {
                            public static Money total(List<Money> prices) {
                                Money sum = new Money(0);
                                for (Money price : prices) {
                                    sum = sum.plus(price);
                                }
                                return sum;
                            }
                        }
                        """)
                .test("com/example/shop/PriceFixtures.java", """
                        package com.example.shop;

                        import com.example.Money;
                        import java.util.List;

                        final class PriceFixtures {
                            static List<Money> basket() {
                                return List.of(new Money(150), new Money(250));
                            }
                        }
                        """)
                .test("com/example/shop/CheckoutTest.java", """
                        package com.example.shop;

                        import static org.junit.jupiter.api.Assertions.assertEquals;
                        import org.junit.jupiter.api.Test;

                        class CheckoutTest {
                            @Test
                            void sumsTheBasket() {
                                assertEquals(400, Checkout.total(PriceFixtures.basket()).cents());
                            }
                        }
                        """)
                .test("com/example/shop/EmptyBasketTest.java", """
                        package com.example.shop;

                        import static org.junit.jupiter.api.Assertions.assertEquals;
                        import java.util.List;
                        import org.junit.jupiter.api.Test;

                        class EmptyBasketTest {
                            @Test
                            void costsNothing() {
                                assertEquals(0, Checkout.total(List.of()).cents());
                            }
                        }
                        """)
                .layout();
        CodeUnit money = unit("com.example.Money", MONEY, false);
        SubBuildVerifier verifier = verifier(layout, Duration.ofMinutes(3));

        Verdict round = verifier.verifyBatch(List.of(candidate("money", money))).values().iterator().next();
        SubBuildVerifier.FinalCheck same = verifier.verifyTogether(Map.of("money", List.of(money)), true);
        int afterSame = verifier.costs().total().subBuilds();
        CodeUnit reworded = unit("com.example.Money", MONEY.replace("public record", "/** Cents. */\npublic record"),
                false);
        SubBuildVerifier.FinalCheck other = verifier.verifyTogether(Map.of("money", List.of(reworded)), true);

        assertTrue(round.passed(), round.toString());
        assertTrue(same.passed() && same.sameAsARound(), same.toString());
        assertEquals(1, afterSame, "the round's sub-build, and none for the final check of its code");
        assertTrue(other.passed() && !other.sameAsARound(), other.toString());
        assertEquals(2, verifier.costs().total().subBuilds(), "code that differs gets a final check of its own");
        assertEquals(1, verifier.costs().shares().get(SubBuildCosts.FINAL_CHECK).subBuilds());
    }

    /**
     * A round that ran only the tests its candidate can reach (here the checkout test, not the
     * counter's) is not the project's whole build: the final check runs.
     */
    @Test
    void aFinalCheckAfterARoundThatRanASelectionRunsItsOwnSubBuild() {
        ProjectLayout layout = new TestProject(dir.resolve("project"))
                .test("com/example/MoneyTest.java", MONEY_TEST)
                .test("com/example/count/CounterTest.java", COUNTER_TEST)
                .main("com/example/count/Counter.java", COUNTER)
                .layout();
        CodeUnit money = unit("com.example.Money", MONEY, false);
        SubBuildVerifier verifier = verifier(layout, Duration.ofMinutes(3));

        Verdict round = verifier.verifyBatch(List.of(candidate("money", money))).values().iterator().next();
        SubBuildVerifier.FinalCheck check = verifier.verifyTogether(Map.of("money", List.of(money)), true);

        assertTrue(round.passed(), round.toString());
        assertTrue(check.passed() && !check.sameAsARound(), check.toString());
        assertEquals(2, verifier.costs().total().subBuilds());
        assertEquals(1, verifier.costs().shares().get(SubBuildCosts.FINAL_CHECK).subBuilds());
    }

    @Test
    void aPluginTheSubBuildCannotResolveStopsTheRunInsteadOfFailingTheCandidate() {
        ProjectLayout base = new TestProject(dir.resolve("project")).layout();
        ProjectLayout layout = new ProjectLayout(base.baseDirectory(), base.javaRelease(), base.mainSourceRoots(),
                base.testSourceRoots(), base.dependencies(), Map.of(),
                Optional.empty(), base.compiler(), new ProjectLayout.BuildModel(base.build().effectivePom()
                        .replace("<version>3.5.3</version>", "<version>0.0.0-missing</version>"),
                        base.buildDirectory(), base.build().selfPlugin()));
        SubBuildSettings offline = new SubBuildSettings(settings(Duration.ofMinutes(2)).mavenHome(),
                TestProject.localRepository(), null, null, true, Duration.ofMinutes(2), null);
        SubBuildVerifier verifier = new SubBuildVerifier(layout, owner -> List.of(), new InProcessCompiler(layout, owner -> List.of()),
                offline, dir.resolve("state/subbuild"), null, false);
        Candidate candidate = new Candidate("money", 1, List.of(unit("com.example.Money", MONEY, false)));

        SubBuildException stop = assertThrows(SubBuildException.class, () -> verifier.verifyBatch(List.of(candidate)));

        assertTrue(stop.getMessage().contains("could not resolve"), stop.getMessage());
        assertTrue(stop.getMessage().contains("offline mode"), stop.getMessage());
    }

    @Test
    void safeEnvironmentKeepsTheUsersVariablesWithoutSecrets() {
        Map<String, String> safe = SubBuildLaunch.safeEnvironment(Map.of("PATH", "/usr/bin", "HOME", "/home/me",
                "OPENAI_API_KEY", "sk-test", "GITHUB_TOKEN", "t", "DB_PASSWORD", "p", "LANG", "C.UTF-8",
                "DOCKER_HOST", "tcp://docker:2375"));

        assertEquals(Map.of("PATH", "/usr/bin", "HOME", "/home/me", "LANG", "C.UTF-8", "DOCKER_HOST", "tcp://docker:2375"),
                safe);
    }

    @Test
    void requestNeitherInheritsTheShellEnvironmentNorRunsAutocoderAgain() {
        ProjectLayout layout = new TestProject(dir.resolve("project")).layout();
        var request = verifier(layout, Duration.ofSeconds(30)).request(dir, 2);

        assertFalse(request.isShellEnvironmentInherited());
        assertFalse(request.getShellEnvironments().containsKey("OPENAI_API_KEY"));
        assertEquals("true", request.getProperties().getProperty("autocoder.skip"));
        assertTrue(request.isBatchMode());
        assertTrue(request.getMavenOpts().contains("-Xmx"), "Maven's JVM has a heap bound");
    }

    /**
     * Verifies the right Money in a project whose {@code .mvn/jvm.config} says {@code jvmConfig},
     * keeping the sub-build folder, and returns that folder once the round passed.
     */
    private Path passingRoundWithJvmConfig(String jvmConfig) throws IOException {
        ProjectLayout layout = new TestProject(dir.resolve("project")).test("com/example/MoneyTest.java", MONEY_TEST)
                .layout();
        Path file = Files.writeString(Files.createDirectories(dir.resolve("project/.mvn")).resolve("jvm.config"),
                jvmConfig);
        SubBuildSettings outer = settings(Duration.ofMinutes(3));
        SubBuildSettings withJvmConfig = new SubBuildSettings(outer.mavenHome(), outer.localRepository(),
                outer.userSettings(), outer.globalSettings(), outer.offline(), outer.timeout(), outer.javaHome(),
                null, file);
        Path work = dir.resolve("state/subbuild");
        SubBuildVerifier verifier = new SubBuildVerifier(layout, owner -> List.of(),
                new InProcessCompiler(layout, owner -> List.of()), withJvmConfig, work, null, true);

        Verdict round = verifier.verify(candidate("money", unit("com.example.Money", MONEY, false)));

        assertTrue(round.passed(), round.toString());
        return onlyFolder(work);
    }

    @Test
    void mavensJvmInTheSubBuildGetsTheProjectsJvmConfigWithoutAutocodersOptions() throws IOException {
        Path folder = passingRoundWithJvmConfig("-XX:+PrintCommandLineFlags -Dautocoder.apiKey=sk-jvm-SECRET-123\n"
                + "-Xss3m\n");

        String log = Files.readString(folder.resolve("build.log"));
        assertTrue(log.contains("-XX:ThreadStackSize=3072"), "jvm.config's -Xss reached Maven's JVM:\n" + log);
        assertEquals("-XX:+PrintCommandLineFlags\n-Xss3m\n", Files.readString(folder.resolve(".mvn/jvm.config")));
        assertFalse(log.contains("sk-jvm-SECRET-123"));
    }

    @Test
    void aJvmConfigThatPicksItsCollectorAndHeapVerifiesWithThoseLeftAlone() throws IOException {
        Path folder = passingRoundWithJvmConfig("-XX:+UseG1GC -Xmx512m\n-XX:+PrintCommandLineFlags\n");

        String log = Files.readString(folder.resolve("build.log"));
        assertFalse(log.contains("Multiple garbage collectors"), log);
        assertTrue(log.contains("-XX:+UseG1GC"), "the project's collector:\n" + log);
        assertFalse(log.contains("-XX:+UseSerialGC"), "no second collector:\n" + log);
        assertTrue(log.contains("-XX:MaxHeapSize=536870912"), "the project's heap:\n" + log);
        assertTrue(log.contains("-XX:TieredStopAtLevel=1"), "the sub-build's other options still apply:\n" + log);
    }

    @Test
    void aRoundsSelectionAndTestFailureIgnoreHoldWhenSurefireIsConfiguredOnlyInAnExecution() throws IOException {
        TestProject project = new TestProject(dir.resolve("project")).test("com/example/legacy/LedgerCheck.java", """
                package com.example.legacy;

                import static org.junit.jupiter.api.Assertions.fail;
                import org.junit.jupiter.api.Test;

                class LedgerCheck {
                    @Test
                    void needsTheLedgerDatabase() {
                        fail("no ledger database on this machine");
                    }
                }
                """);
        ProjectLayout base = project.layout();
        String pom = withSurefire(base, """
                <executions>
                  <execution>
                    <id>default-test</id>
                    <configuration>
                      <includes>
                        <include>**/*Check.java</include>
                        <include>**/*Test.java</include>
                      </includes>
                      <test>com.example.legacy.LedgerCheck</test>
                      <testFailureIgnore>false</testFailureIgnore>
                      <trimStackTrace>true</trimStackTrace>
                    </configuration>
                  </execution>
                </executions>
                """);
        assertTrue(pom.contains("<id>default-test</id>"), pom);
        ProjectLayout layout = withEffectivePom(base, pom);
        Path work = dir.resolve("state/subbuild");
        SubBuildVerifier verifier = new SubBuildVerifier(layout, owner -> List.of(),
                new InProcessCompiler(layout, owner -> List.of()), settings(Duration.ofMinutes(3)), work, null, true);
        Candidate money = candidate("money", unit("com.example.Money", MONEY, false),
                unit("com.example.MoneyTest", MONEY_TEST, true));
        Candidate wrong = candidate("wrong", unit("com.example.tax.Tax", """
                package com.example.tax;

                public final class Tax {
                    public static long of(long cents) {
                        return cents / 10;
                    }
                }
                """, false), unit("com.example.tax.TaxTest", """
                package com.example.tax;

                import static org.junit.jupiter.api.Assertions.assertEquals;
                import org.junit.jupiter.api.Test;

                class TaxTest {
                    @Test
                    void isAFifth() {
                        assertEquals(20, Tax.of(100), "a fifth");
                    }
                }
                """, true));

        Map<Candidate, Verdict> verdicts = verifier.verifyBatch(List.of(wrong, money));

        assertTrue(verdicts.get(money).passed(), verdicts.get(money).toString());
        Verdict failed = verdicts.get(wrong);
        assertFalse(failed.passed());
        assertTrue(failed.feedback().stream().filter(Feedback::blocking)
                .allMatch(feedback -> feedback.stage() == Feedback.Stage.TEST), failed.toString());
        assertTrue(failed.firstFailure().orElseThrow().message().contains("a fifth"), failed.toString());
        Path folder = onlyFolder(work);
        try (Stream<Path> reports = Files.list(folder.resolve("c1/target/surefire-reports"))) {
            List<String> ran = reports.map(report -> report.getFileName().toString())
                    .filter(name -> name.startsWith("TEST-")).toList();
            assertEquals(List.of("TEST-com.example.MoneyTest.xml"), ran, "the round's selection, not the execution's");
        }
        String log = Files.readString(folder.resolve("build.log"));
        assertFalse(log.contains("LedgerCheck"), log);
        assertTrue(log.contains("BUILD SUCCESS"), "testFailureIgnore held in the execution:\n" + log);
        assertTrue(failed.firstFailure().orElseThrow().message().contains("TaxTest.isAFifth(TaxTest.java"),
                "trimStackTrace=false held in the execution: " + failed);
    }

    /**
     * Apache Commons Text leaves tests that need the network out with surefire's excludes. A round
     * selected those tests through surefire's test parameter, which overrides excludes and
     * excludesFile, so a test the project's own build never runs failed the candidate's round.
     */
    @Test
    void aTestTheProjectsSurefireExcludesStaysOutOfTheRoundThatSelectsIt() throws IOException {
        TestProject project = new TestProject(dir.resolve("project")).test("com/example/MoneyOnlineTest.java", """
                package com.example;

                import static org.junit.jupiter.api.Assertions.fail;
                import org.junit.jupiter.api.Test;

                class MoneyOnlineTest {
                    @Test
                    void fetchesTheRate() {
                        fail("no network here: " + Money.class.getSimpleName());
                    }
                }
                """);
        ProjectLayout base = project.layout();
        String pom = withSurefire(base, """
                <configuration>
                  <excludes>
                    <exclude>**/*OnlineTest.java</exclude>
                  </excludes>
                </configuration>
                """);
        assertTrue(pom.contains("*OnlineTest.java"), pom);
        ProjectLayout layout = withEffectivePom(base, pom);
        Path work = dir.resolve("state/subbuild");
        SubBuildVerifier verifier = new SubBuildVerifier(layout, owner -> List.of(),
                new InProcessCompiler(layout, owner -> List.of()), settings(Duration.ofMinutes(3)), work, null, true);
        Candidate money = candidate("money", unit("com.example.Money", MONEY, false),
                unit("com.example.MoneyTest", MONEY_TEST, true));

        Verdict verdict = verifier.verify(money);

        assertTrue(verdict.passed(), verdict.toString());
        try (Stream<Path> reports = Files.list(onlyFolder(work).resolve("c0/target/surefire-reports"))) {
            List<String> ran = reports.map(report -> report.getFileName().toString())
                    .filter(name -> name.startsWith("TEST-")).toList();
            assertEquals(List.of("TEST-com.example.MoneyTest.xml"), ran, "the selection less the project's excludes");
        }
    }

    /**
     * Apache Commons Text's parent configures checkstyle with files its source jars do not carry.
     * The checkstyle goal on the candidate failed before it wrote a finding and left an empty report,
     * and reading that report threw instead of giving a verdict. Now the goal's own failure is the
     * verdict: the project's, naming the goal, with nothing for the model.
     */
    @Test
    void aCheckstyleGoalThatFailsBeforeWritingItsReportGivesAVerdictNotACrash() throws IOException {
        TestProject project = new TestProject(dir.resolve("project"));
        ProjectLayout base = project.layout();
        String pom = withPlugin(base, """
                <plugin>
                  <groupId>org.apache.maven.plugins</groupId>
                  <artifactId>maven-checkstyle-plugin</artifactId>
                  <version>3.6.0</version>
                  <configuration>
                    <suppressionsLocation>src/conf/checkstyle-suppressions.xml</suppressionsLocation>
                  </configuration>
                </plugin>
                """);
        assertTrue(pom.contains("checkstyle-suppressions.xml"), pom);
        ProjectLayout layout = withEffectivePom(base, pom);
        SubBuildVerifier verifier = new SubBuildVerifier(layout, owner -> List.of(),
                new InProcessCompiler(layout, owner -> List.of()), settings(Duration.ofMinutes(3)),
                dir.resolve("state/subbuild"), null, true);

        Verdict verdict = verifier.verify(candidate("money", unit("com.example.Money", MONEY, false),
                unit("com.example.MoneyTest", MONEY_TEST, true)));

        assertFalse(verdict.passed(), verdict.toString());
        Feedback failure = verdict.projectFailure().orElseThrow(() -> new AssertionError(verdict.toString()));
        assertTrue(failure.message().contains("maven-checkstyle-plugin"), failure.message());
    }

    /**
     * Issue 21: two tasks' candidates in one round build the same code (each with the other's as
     * published), so they share one module: one compile, one test JVM. The project's tests reach the
     * generated classes only through its own classes (a checkout service, a test helper); each task
     * is charged only what its selection ran, as in a module of its own.
     */
    @Test
    void candidatesThatBuildTheSameCodeShareOneModuleAndKeepTheirOwnVerdicts() throws IOException {
        ProjectLayout layout = new TestProject(dir.resolve("project"))
                .main("com/example/shop/Checkout.java", CHECKOUT)
                .test("com/example/shop/Orders.java", """
                        package com.example.shop;

                        final class Orders {
                            static long shippingFor(long cents) {
                                return Shipping.of(cents);
                            }
                        }
                        """)
                .test("com/example/shop/CheckoutTest.java", CHECKOUT_TEST)
                .test("com/example/shop/FreeShippingTest.java", """
                        package com.example.shop;

                        import static org.junit.jupiter.api.Assertions.assertEquals;
                        import org.junit.jupiter.api.Test;

                        class FreeShippingTest {
                            @Test
                            void bigOrdersShipFree() {
                                assertEquals(0, Orders.shippingFor(200));
                                assertEquals(5, Orders.shippingFor(100));
                            }
                        }
                        """)
                .layout();
        CodeUnit wrongTax = WRONG_TAX;
        CodeUnit shipping = SHIPPING;
        // Both are published: each builds with the other's code, as a round of two tasks does.
        java.util.function.Function<String, List<CodeUnit>> published = task -> task.equals("tax")
                ? List.of(shipping) : List.of(wrongTax);
        Path work = dir.resolve("state/subbuild");
        SubBuildVerifier verifier = new SubBuildVerifier(layout, published, new InProcessCompiler(layout, published),
                settings(Duration.ofMinutes(3)), work, null, true);
        Candidate tax = candidate("tax", wrongTax);
        Candidate ships = candidate("shipping", shipping);

        Map<Candidate, Verdict> verdicts = verifier.verifyBatch(List.of(tax, ships));

        Verdict charged = verdicts.get(tax);
        assertFalse(charged.passed());
        assertEquals(Feedback.Stage.TEST, charged.firstFailure().orElseThrow().stage(), charged.toString());
        assertTrue(charged.firstFailure().orElseThrow().message()
                .startsWith("CheckoutTest.addsTheTax: total with a fifth in tax ==> expected: <120> but was: <110>"),
                charged.toString());
        Verdict clean = verdicts.get(ships);
        assertTrue(clean.passed(), clean.toString());
        assertTrue(clean.feedback().stream().noneMatch(f -> f.message().contains("CheckoutTest")),
                "a test shipping's selection left out is not shipping's: " + clean);
        assertEquals(List.of(), verifier.projectTestFailures(), "no baseline blamed the project");
        assertEquals(2, verifier.sharedModulePlans());
        // The round's folder: the first one built (the tax's failing test then ran in a baseline of its own).
        Path folder = firstFolder(work);
        assertFalse(Files.exists(folder.resolve("c1")), "one module for both candidates");
        try (Stream<Path> reports = Files.list(folder.resolve("c0/target/surefire-reports"))) {
            assertEquals(Set.of("TEST-com.example.shop.CheckoutTest.xml", "TEST-com.example.shop.FreeShippingTest.xml"),
                    reports.map(report -> report.getFileName().toString()).filter(name -> name.startsWith("TEST-"))
                            .collect(java.util.stream.Collectors.toSet()));
        }
        String log = Files.readString(folder.resolve("build.log"));
        assertEquals(1, log.lines().filter(line -> line.contains("maven-surefire-plugin") && line.contains("(default-test)"))
                .count(), "one test JVM:\n" + log);
    }

    /**
     * Issue 21: a checkout service needs both tasks' classes, so neither test can run without either
     * candidate and leaving a candidate out proves nothing. The failing test runs again with each
     * candidate's behaviour taken out: with the tax's methods throwing it fails another way, so it is
     * the tax's; with the shipping's methods throwing it fails just the same, so shipping waits for
     * the other code to change instead of being sent a failure it did not cause.
     */
    @Test
    void aTestThatFailsTheSameWithTheCandidatesBehaviourTakenOutMakesItWaitInsteadOfPaying() throws IOException {
        ProjectLayout layout = new TestProject(dir.resolve("project"))
                .main("com/example/shop/Checkout.java", CHECKOUT_WITH_SHIPPING)
                .test("com/example/shop/CheckoutTest.java", CHECKOUT_TEST)
                .layout();
        verifyTaxAndShippingInOneRound(layout);
    }

    /**
     * A round of the wrong tax and the right shipping, each built with the other's code: the tax
     * pays for the checkout test, and the shipping, whose code that test never runs, waits.
     */
    private void verifyTaxAndShippingInOneRound(ProjectLayout layout) {
        TaxAndShipping round = taxAndShippingRound(layout);
        Verdict charged = round.tax();
        Verdict waits = round.shipping();
        assertEquals(Feedback.Stage.TEST, charged.firstFailure().orElseThrow().stage(), charged.toString());
        assertTrue(charged.firstFailure().orElseThrow().message().startsWith("CheckoutTest.addsTheTax"),
                charged.toString());
        assertFalse(waits.passed());
        assertTrue(waits.waiting(), "shipping's only finding is a wait, which no model call is spent on: " + waits);
        assertTrue(waits.firstFailure().orElseThrow().message().startsWith(Feedback.FAILS_WHATEVER_IT_DOES
                + "CheckoutTest.addsTheTax: total with a fifth in tax"), waits.toString());
        assertEquals(List.of(), round.verifier().projectTestFailures(), "nothing was blamed on the project");
        // Shipping comes first in task order: its stubbed baseline cleared it, so the tax's ran next.
        SubBuildCosts costs = round.verifier().costs();
        assertEquals(3, costs.total().subBuilds(), "the round and two stubbed baselines, one after the other");
        assertEquals(2, costs.shares().get("tax").subBuilds());
        assertEquals(2, costs.shares().get("shipping").subBuilds());
    }

    /**
     * Found on the Spring bench: three tasks' candidates shared a module, a test ran all three and
     * failed on one of them, and each candidate's stubbed baseline failed another way, since the
     * test runs every one of them. No run can tell whose code the test fails on, and all three were
     * sent the failure: two model calls for what one candidate caused. Now one is sent it, and the
     * other waits for that code to change; when the same test fails again, the other is sent it.
     */
    @Test
    void aTestThatRunsEveryCandidateOfASharedModuleIsSentToOneOfThemAtATime() throws IOException {
        ProjectLayout layout = new TestProject(dir.resolve("project"))
                .main("com/example/shop/Checkout.java", """
                        package com.example.shop;

                        public final class Checkout {
                            public long total(long cents) {
                                return cents + Tax.of(cents) + Shipping.of(cents);
                            }
                        }
                        """)
                .test("com/example/shop/CheckoutTest.java", """
                        package com.example.shop;

                        import static org.junit.jupiter.api.Assertions.assertEquals;
                        import org.junit.jupiter.api.Test;

                        class CheckoutTest {
                            @Test
                            void addsTaxAndShipping() {
                                assertEquals(125, new Checkout().total(100), "a fifth in tax and 5 for shipping");
                            }
                        }
                        """)
                .layout();
        TaxAndShipping round = taxAndShippingRound(layout);

        // Neither can be cleared: stubbed out, the test fails another way. The first in task order is sent it.
        assertOneSentTheOtherWaits(round.shipping(), round.tax());
        // Only the one sent it paid for its stubbed baseline (issue 21): the round, and one baseline module.
        SubBuildCosts costs = round.verifier().costs();
        assertEquals(2, costs.total().subBuilds(), "the round and shipping's stubbed baseline");
        assertEquals(2, costs.shares().get("shipping").subBuilds());
        assertEquals(1, costs.shares().get("tax").subBuilds(), "the tax, which waits, ran no baseline yet");
        Candidate tax = candidate("tax", WRONG_TAX);
        Candidate ships = candidate("shipping", SHIPPING);
        Map<Candidate, Verdict> again = round.verifier().verifyBatch(List.of(tax, ships));
        assertOneSentTheOtherWaits(again.get(tax), again.get(ships));
        assertEquals(List.of(), round.verifier().projectTestFailures(), "nothing was blamed on the project");
        // Now the tax is sent it, after its own stubbed baseline.
        assertEquals(4, costs.total().subBuilds());
        assertEquals(3, costs.shares().get("tax").subBuilds());
        assertEquals(3, costs.shares().get("shipping").subBuilds());
    }

    /** {@code sent} is charged with the checkout test, and {@code waits} only waits for the other's code. */
    private static void assertOneSentTheOtherWaits(Verdict sent, Verdict waits) {
        assertEquals(Feedback.Stage.TEST, sent.firstFailure().orElseThrow().stage(), sent.toString());
        assertTrue(sent.firstFailure().orElseThrow().message().startsWith("CheckoutTest.addsTaxAndShipping"),
                sent.toString());
        assertTrue(waits.waiting(), "no model call is spent on it: " + waits);
        assertTrue(waits.firstFailure().orElseThrow().takesTurns(), waits.toString());
        assertTrue(waits.firstFailure().orElseThrow().message().startsWith(Feedback.ANOTHER_IS_SENT_IT_FIRST
                + "CheckoutTest.addsTaxAndShipping"), waits.toString());
    }

    /** The verdicts of one round of the wrong tax and the right shipping, and the verifier that gave them. */
    private record TaxAndShipping(SubBuildVerifier verifier, Verdict tax, Verdict shipping) { }

    /** A round of the wrong tax and the right shipping, each built with the other's code, as published. */
    private TaxAndShipping taxAndShippingRound(ProjectLayout layout) {
        java.util.function.Function<String, List<CodeUnit>> published = task -> task.equals("tax")
                ? List.of(SHIPPING) : List.of(WRONG_TAX);
        SubBuildVerifier verifier = new SubBuildVerifier(layout, published, new InProcessCompiler(layout, published),
                settings(Duration.ofMinutes(3)), dir.resolve("state/subbuild"), null, false);
        Candidate tax = candidate("tax", WRONG_TAX);
        Candidate ships = candidate("shipping", SHIPPING);
        Map<Candidate, Verdict> verdicts = verifier.verifyBatch(List.of(tax, ships));
        return new TaxAndShipping(verifier, verdicts.get(tax), verdicts.get(ships));
    }

    /**
     * Issue 21, measured on Spring PetClinic: its last round ran 44 of its 54 tests in 26.4 s, and
     * the final check of the same code ran all 54 in 26.7 s. A round whose selection leaves out only
     * tests that were cheap in the project's own last build runs the whole build with nothing left
     * out, and when it passes with every task's code, no final check runs again.
     */
    @Test
    void aRoundThatWouldLeaveOutOnlyCheapTestsRunsTheWholeBuildAndIsTheFinalCheck() throws IOException {
        RoundAndCheck run = taxRoundAndFinalCheck("0.01");

        assertTrue(run.ranGreeting(), "the round ran the test its selection would have left out");
        assertTrue(run.check().passed(), run.check().toString());
        assertTrue(run.check().sameAsARound(), "the round was the final check: " + run.check());
    }

    /** The same with a test the selection leaves out that took 30 s: the round leaves it out, and the final check runs. */
    @Test
    void aRoundLeavesOutATestThatWasExpensiveAndTheFinalCheckRunsIt() throws IOException {
        RoundAndCheck run = taxRoundAndFinalCheck("30.0");

        assertFalse(run.ranGreeting(), "the round left the expensive test out");
        assertTrue(run.check().passed(), run.check().toString());
        assertFalse(run.check().sameAsARound(), run.check().toString());
    }

    /** Whether a round ran the greeting test, and the final check that followed it. */
    private record RoundAndCheck(boolean ranGreeting, SubBuildVerifier.FinalCheck check) {
    }

    /** A round of the right tax, then the final check of it, with the greeting test taking {@code greetingSeconds}. */
    private RoundAndCheck taxRoundAndFinalCheck(String greetingSeconds) throws IOException {
        Path work = dir.resolve("state/subbuild");
        SubBuildVerifier verifier = keptVerifier(checkoutAndGreeting(greetingSeconds), work);

        assertTrue(verifier.verify(candidate("tax", RIGHT_TAX)).passed());
        boolean ranGreeting = Files.exists(
                firstFolder(work).resolve("c0/target/surefire-reports/TEST-com.example.other.GreetingTest.xml"));
        // The run's footer compares with the same reports, read once: both tests' times, untouched by the round.
        assertEquals(java.util.OptionalLong.of(Math.round((2.5 + Double.parseDouble(greetingSeconds)) * 1000)),
                verifier.projectTestMillis(), "the project's own last test time");
        return new RoundAndCheck(ranGreeting, verifier.verifyTogether(Map.of("tax", List.of(RIGHT_TAX)), true));
    }

    /**
     * A checkout service with its test, and a greeting test the tax can never affect, with surefire
     * reports of the project's own last build: the checkout test took 2.5 s, the greeting test
     * {@code greetingSeconds}.
     */
    private ProjectLayout checkoutAndGreeting(String greetingSeconds) throws IOException {
        ProjectLayout layout = new TestProject(dir.resolve("project"))
                .main("com/example/shop/Checkout.java", CHECKOUT)
                .test("com/example/shop/CheckoutTest.java", CHECKOUT_TEST)
                .test("com/example/other/GreetingTest.java", """
                        package com.example.other;

                        import static org.junit.jupiter.api.Assertions.assertEquals;
                        import org.junit.jupiter.api.Test;

                        class GreetingTest {
                            @Test
                            void greets() {
                                assertEquals("hi", "h" + "i");
                            }
                        }
                        """)
                .layout();
        Path reports = Files.createDirectories(layout.buildDirectory().resolve("surefire-reports"));
        Map.of("com.example.shop.CheckoutTest", "2.5", "com.example.other.GreetingTest", greetingSeconds)
                .forEach((test, seconds) -> {
                    try {
                        Files.writeString(reports.resolve("TEST-" + test + ".xml"), "<?xml version=\"1.0\"?>\n"
                                + "<testsuite name=\"" + test + "\" time=\"" + seconds + "\" tests=\"1\"/>\n");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        return layout;
    }

    /** A verifier that keeps every sub-build folder below {@code work}. */
    private SubBuildVerifier keptVerifier(ProjectLayout layout, Path work) {
        return new SubBuildVerifier(layout, owner -> List.of(), new InProcessCompiler(layout, owner -> List.of()),
                settings(Duration.ofMinutes(3)), work, null, true);
    }

    /**
     * Found on Spring PetClinic: a test selected for one task (here by the name it loads) fails
     * because of another task's wrong candidate of the same round, and fails the same way in the
     * baseline without the first task's code, which still holds the other's. That failure is not
     * the first task's, and it is not the project's either: the user was told "the project's own
     * test fails with or without the generated code" about a test the run then made pass.
     */
    @Test
    void aTestThatFailsTheSameWithoutTheCandidateButWithAnotherTasksCodeIsNotCalledTheProjects() {
        ProjectLayout layout = new TestProject(dir.resolve("project"))
                .main("com/example/shop/Checkout.java", CHECKOUT)
                .test("com/example/shop/CheckoutTest.java", """
                        package com.example.shop;

                        import static org.junit.jupiter.api.Assertions.assertEquals;
                        import static org.junit.jupiter.api.Assertions.assertNotNull;
                        import org.junit.jupiter.api.Test;

                        class CheckoutTest {
                            @Test
                            void addsTheTax() {
                                assertEquals(120, new Checkout().total(100), "total with a fifth in tax");
                            }

                            @Test
                            void shipsWithTheShippingItLoads() throws ClassNotFoundException {
                                assertNotNull(Class.forName("com.example.shop.Shipping"));
                            }
                        }
                        """)
                .layout();
        TaxAndShipping round = taxAndShippingRound(layout);

        Verdict charged = round.tax();
        assertTrue(charged.firstFailure().orElseThrow().message().startsWith("CheckoutTest.addsTheTax"),
                charged.toString());
        Verdict shipping = round.shipping();
        assertTrue(shipping.passed(), "the tax's failure is not the shipping's: " + shipping);
        assertTrue(shipping.feedback().stream().anyMatch(f -> f.message().contains("CheckoutTest.addsTheTax")
                && f.message().contains("with the other tasks' code")), shipping.toString());
        assertEquals(List.of(), round.verifier().projectTestFailures(), "the project was not blamed for the tax's failure");
    }

    /**
     * A baseline asks how tests end without a candidate's behaviour; the project's gates cannot
     * change that. Here a checkstyle gate at {@code validate} (one statement per line) rejects the
     * stub's bodies, which were placed where the gate looks: the baseline's build stopped before
     * its tests, nothing was learnt, and the task whose code the test never runs was charged and
     * would have been sent to the model. A baseline's code now stays out of the project's gates.
     */
    @Test
    void aGateOfTheProjectDoesNotStopABaselineFromRunningItsTests() throws IOException {
        Path base = dir.resolve("project");
        Files.createDirectories(base);
        Path rules = Files.writeString(base.resolve("checkstyle.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE module PUBLIC "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN"
                    "https://checkstyle.org/dtds/configuration_1_3.dtd">
                <module name="Checker">
                  <module name="TreeWalker">
                    <module name="OneStatementPerLine"/>
                  </module>
                </module>
                """);
        ProjectLayout plain = new TestProject(base).main("com/example/shop/Checkout.java", CHECKOUT_WITH_SHIPPING)
                .test("com/example/shop/CheckoutTest.java", CHECKOUT_TEST)
                .layout();
        String pom = withPlugin(plain, """
                <plugin>
                  <groupId>org.apache.maven.plugins</groupId>
                  <artifactId>maven-checkstyle-plugin</artifactId>
                  <version>3.6.0</version>
                  <executions>
                    <execution>
                      <id>style</id>
                      <phase>validate</phase>
                      <goals>
                        <goal>check</goal>
                      </goals>
                      <configuration>
                        <configLocation>%s</configLocation>
                        <consoleOutput>true</consoleOutput>
                      </configuration>
                    </execution>
                  </executions>
                </plugin>
                """.formatted(rules));
        assertTrue(pom.contains("<id>style</id>"), pom);

        verifyTaxAndShippingInOneRound(withEffectivePom(plain, pom));
    }

    private static Path firstFolder(Path work) throws IOException {
        try (Stream<Path> folders = Files.list(work)) {
            return folders.filter(Files::isDirectory).min(java.util.Comparator.comparing(folder -> {
                try {
                    return Files.getLastModifiedTime(folder.resolve("build.log"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).orElseThrow();
        }
    }

    private static Path onlyFolder(Path work) throws IOException {
        try (Stream<Path> folders = Files.list(work)) {
            return folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    @Test
    void onlyAutocodersOwnOptionsLeaveTheJvmConfig() {
        assertEquals("-Xss3m --add-exports jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED\n -Dfoo-Dautocoder.x=1\n",
                SubBuildVerifier.withoutOwnOptions("-Xss3m -Dautocoder.apiKey=sk-1 --add-exports"
                        + " jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED\n-Dautocoder.model=x -Dfoo-Dautocoder.x=1\n"));
    }

    @Test
    void requestPointsMavenAtTheOuterBuildsSettingsSecurityFile() {
        ProjectLayout layout = new TestProject(dir.resolve("project")).layout();
        SubBuildSettings outer = settings(Duration.ofSeconds(30));
        Path security = dir.resolve("security/settings-security.xml");
        SubBuildSettings withSecurity = new SubBuildSettings(outer.mavenHome(), outer.localRepository(),
                outer.userSettings(), outer.globalSettings(), outer.offline(), outer.timeout(), outer.javaHome(),
                security, null);

        var plain = verifier(layout, Duration.ofSeconds(30)).request(dir, 1);
        var pointed = new SubBuildVerifier(layout, owner -> List.of(), new InProcessCompiler(layout, owner -> List.of()),
                withSecurity, dir.resolve("state/subbuild"), null, false).request(dir, 1);

        assertFalse(plain.getProperties().containsKey("settings.security"), "Maven's default file");
        assertEquals(security.toString(), pointed.getProperties().getProperty("settings.security"));
    }

    @Test
    void candidateWhoseTestExitsTheJvmFailsAloneAndTheOthersStillGetVerdicts() {
        ProjectLayout layout = new TestProject(dir.resolve("project")).layout();
        Candidate first = candidate("first", unit("com.example.Money", MONEY, false),
                unit("com.example.MoneyTest", MONEY_TEST, true));
        Candidate exiting = candidate("exiting", unit("com.example.Quit", """
                package com.example;

                public class Quit {
                    public static void now() {
                        System.exit(0);
                    }
                }
                """, false), unit("com.example.QuitTest", """
                package com.example;

                import org.junit.jupiter.api.Test;

                class QuitTest {
                    @Test
                    void quits() {
                        Quit.now();
                    }
                }
                """, true));
        Candidate wrong = candidate("wrong", unit("com.example.Money", MONEY.replace("cents + other.cents", "cents"), false),
                unit("com.example.MoneyTest", MONEY_TEST, true));

        Map<Candidate, Verdict> verdicts = verifier(layout, Duration.ofMinutes(3)).verifyBatch(List.of(first, exiting, wrong));

        assertTrue(verdicts.get(first).passed(), verdicts.get(first).toString());
        Verdict exited = verdicts.get(exiting);
        assertEquals(Feedback.Stage.TEST, exited.firstFailure().orElseThrow().stage(), exited.toString());
        assertTrue(exited.firstFailure().orElseThrow().message().contains("System.exit"), exited.toString());
        Verdict failing = verdicts.get(wrong);
        assertTrue(failing.firstFailure().orElseThrow().message().startsWith("MoneyTest.adds:"), failing.toString());
    }

    /**
     * A session that turns on every change to the log's look, as {@code .mvn/maven.config} (the
     * session's user properties) and {@code .mvn/jvm.config} can: the sub-build's log keeps its
     * fixed format, so a failing candidate is charged with its test's file and line, a passing one
     * verifies, and a project file that does not compile is named with its file and line.
     */
    @Test
    void aSessionWithTimestampsColoursAndThreadNamesStillGetsVerdictsWithFileAndLine() throws IOException {
        SubBuildSettings.Session loud = new SubBuildSettings.Session(Map.of("style.color", "always",
                "org.slf4j.simpleLogger.showDateTime", "true", "org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss,SSS",
                "org.slf4j.simpleLogger.showThreadName", "true"), List.of(), List.of(), null, null);
        Path work = dir.resolve("state/subbuild");
        ProjectLayout layout = new TestProject(dir.resolve("project")).test("com/example/count/CounterTest.java",
                COUNTER_TEST).layout();
        Candidate money = candidate("money", unit("com.example.Money", MONEY, false),
                unit("com.example.MoneyTest", MONEY_TEST, true));
        Candidate counter = candidate("counter", unit("com.example.count.Counter", """
                package com.example.count;

                public class Counter {
                    private int value;

                    public void increment() {
                        value = 1;
                    }

                    public int value() {
                        return value;
                    }
                }
                """, false));

        Map<Candidate, Verdict> verdicts = loudVerifier(layout, loud, work).verifyBatch(List.of(money, counter));

        assertTrue(verdicts.get(money).passed(), verdicts.get(money).toString());
        Feedback failure = verdicts.get(counter).firstFailure().orElseThrow(() -> new AssertionError(verdicts.toString()));
        assertEquals(Feedback.Stage.TEST, failure.stage(), failure.toString());
        assertTrue(failure.message().startsWith("CounterTest.countsTwice: two increments count two"), failure.message());
        assertTrue(failure.message().contains("(CounterTest.java:12)"), failure.message());
        try (Stream<Path> logs = Files.find(work, 2, (path, attributes) -> path.endsWith("build.log"))) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log);
                assertTrue(text.contains("\n[INFO] BUILD "), "Maven's own format:\n" + text);
                assertFalse(text.contains("[main]") || text.contains("ExecutionEventLogger"), "no thread or logger names:\n" + text);
                assertFalse(text.lines().anyMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d,\\d+ .*")),
                        "no timestamps:\n" + text);
                assertFalse(text.replace("\u001B[0m", "").contains("\u001B["), "no colours:\n" + text);
            }
        }

        ProjectLayout legacy = new TestProject(dir.resolve("legacy")).main("com/example/legacy/Legacy.java",
                "package com.example.legacy;\npublic class Legacy {\n    int broken() {\n        return \"text\";\n"
                        + "    }\n}\n").layout();
        Verdict project = loudVerifier(legacy, loud, dir.resolve("state/legacy"))
                .verify(candidate("money", unit("com.example.Money", MONEY, false)));

        assertTrue(project.projectFailure().orElseThrow(() -> new AssertionError(project.toString())).message()
                .startsWith("src/main/java/com/example/legacy/Legacy.java:4: incompatible types"), project.toString());
    }

    /** A verifier whose outer session is {@code session} and whose jvm.config turns on logger names too. */
    private SubBuildVerifier loudVerifier(ProjectLayout layout, SubBuildSettings.Session session, Path work)
            throws IOException {
        Path jvmConfig = Files.writeString(Files.createDirectories(layout.baseDirectory().resolve(".mvn"))
                .resolve("jvm.config"), "-Dorg.slf4j.simpleLogger.showLogName=true -Dstyle.color=always\n");
        SubBuildSettings outer = settings(Duration.ofMinutes(3));
        SubBuildSettings settings = new SubBuildSettings(outer.mavenHome(), outer.localRepository(),
                outer.userSettings(), outer.globalSettings(), outer.offline(), outer.timeout(), outer.javaHome(),
                null, jvmConfig, session);
        return new SubBuildVerifier(layout, owner -> List.of(), new InProcessCompiler(layout, owner -> List.of()),
                settings, work, null, true);
    }
}

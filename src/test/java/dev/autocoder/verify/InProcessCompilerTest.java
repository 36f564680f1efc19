package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.MONEY;
import static dev.autocoder.verify.TestProject.MONEY_TEST;
import static dev.autocoder.verify.TestProject.candidate;
import static dev.autocoder.verify.TestProject.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.project.ProjectLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessCompilerTest {

    private static final String INVOICE_TEST = """
            package com.example.billing;

            import com.example.Money;
            import org.junit.jupiter.api.Test;

            class InvoiceTest {
                @Test
                void totals() {
                    Invoice invoice = new Invoice();
                    invoice.add(new Money(1));
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void compilingCandidatePassesAndRunsItsAcceptanceTest() {
        InProcessCompiler compiler = new InProcessCompiler(new TestProject(dir).test("com/example/MoneyTest.java", MONEY_TEST)
                .layout(), owner -> List.of());

        InProcessCompiler.Outcome outcome = compiler.check(candidate("money", unit("com.example.Money", MONEY, false)));

        assertTrue(outcome.verdict().passed(), outcome.verdict().toString());
        assertEquals(List.of("com/example/MoneyTest.java"),
                outcome.compilingProjectTests().stream().map(SourceFile::displayName).toList());
    }

    /**
     * Issue 23: javac copies a constant's value into the class that uses it, so no class file of the
     * project names the generated {@code Limits}: the selection still reaches it through the
     * project's service (a test of the service) and through an annotation's value, and leaves out
     * the test that reaches neither.
     */
    @Test
    void testsThatReachAGeneratedConstantThroughTheProjectsCodeOrAnAnnotationAreSelected() {
        InProcessCompiler compiler = new InProcessCompiler(new TestProject(dir)
                .main("com/example/retry/RetryPolicy.java", """
                        package com.example.retry;

                        public final class RetryPolicy {
                            public int attempts() {
                                return Limits.MAX_ATTEMPTS;
                            }
                        }
                        """)
                .test("com/example/retry/RetryPolicyTest.java", """
                        package com.example.retry;

                        import static org.junit.jupiter.api.Assertions.assertEquals;
                        import org.junit.jupiter.api.Test;

                        class RetryPolicyTest {
                            @Test
                            void triesThreeTimes() {
                                assertEquals(3, new RetryPolicy().attempts());
                            }
                        }
                        """)
                .test("com/example/retry/SlowCallTest.java", """
                        package com.example.retry;

                        import org.junit.jupiter.api.Test;
                        import org.junit.jupiter.api.Timeout;

                        class SlowCallTest {
                            @Test
                            @Timeout(Limits.TIMEOUT_SECONDS)
                            void endsInTime() {
                            }
                        }
                        """)
                .test("com/example/MoneyTest.java", MONEY_TEST)
                .main("com/example/Money.java", MONEY)
                .layout(), owner -> List.of());
        CodeUnit limits = unit("com.example.retry.Limits", """
                package com.example.retry;

                public final class Limits {
                    public static final int MAX_ATTEMPTS = 3;
                    public static final long TIMEOUT_SECONDS = 5;

                    private Limits() {
                    }
                }
                """, false);

        InProcessCompiler.Outcome outcome = compiler.check(candidate("limits", limits));

        assertTrue(outcome.verdict().passed(), outcome.verdict().toString());
        TestSelection selection = outcome.selection().orElseThrow();
        assertEquals(java.util.Set.of("com.example.retry.RetryPolicyTest", "com.example.retry.SlowCallTest"),
                selection.select(selection.defaultTestClasses(), List.of("com.example.retry.Limits")).testClasses());
    }

    /**
     * Issue 21: a run keeps javac's view of the classpath (every jar's index) open from one compile
     * to the next. Kept open, it judges each candidate exactly as a compiler that opens it afresh
     * for that compile: one that passes, one that does not compile, one whose main code uses a
     * test-scoped jar (which only the main classpath refuses), and a passing one again.
     */
    @Test
    void aCompilerThatKeepsTheClasspathOpenJudgesEveryCandidateAsAFreshOneDoes() {
        ProjectLayout layout = new TestProject(dir).test("com/example/MoneyTest.java", MONEY_TEST).layout();
        InProcessCompiler warm = new InProcessCompiler(layout, owner -> List.of());
        List<String> sources = List.of(MONEY, MONEY.replace("cents + other.cents", "cents + other.amount"),
                "package com.example;\npublic class Money { org.junit.jupiter.api.Test t; }\n",
                MONEY.replace("cents + other.cents", "other.cents + cents"));
        List<Boolean> passed = new ArrayList<>();
        for (String source : sources) {
            Candidate candidate = candidate("money", unit("com.example.Money", source, false));
            InProcessCompiler.Outcome fresh;
            try (InProcessCompiler cold = new InProcessCompiler(layout, owner -> List.of(), message -> { }, false)) {
                fresh = cold.check(candidate);
            }

            InProcessCompiler.Outcome kept = warm.check(candidate);

            assertEquals(fresh.verdict(), kept.verdict(), source);
            assertEquals(fresh.excludedProjectTests(), kept.excludedProjectTests(), source);
            assertEquals(fresh.compilingProjectTests(), kept.compilingProjectTests(), source);
            passed.add(kept.verdict().passed());
        }
        warm.close();
        assertEquals(List.of(true, false, false, true), passed);
    }

    /**
     * Issue 21: a run warms javac up while the model writes the first candidates. A check that comes
     * while the warm-up still compiles waits for it, and gives the verdict a compiler that never warmed
     * up gives, for a candidate that passes and one that does not compile.
     */
    @Test
    void aCheckDuringOrAfterTheWarmUpJudgesAsACheckWithoutIt() throws InterruptedException {
        ProjectLayout layout = new TestProject(dir).test("com/example/MoneyTest.java", MONEY_TEST).layout();
        for (String source : List.of(MONEY, MONEY.replace("cents + other.cents", "cents + other.amount"))) {
            Candidate candidate = candidate("money", unit("com.example.Money", source, false));
            InProcessCompiler.Outcome plain;
            try (InProcessCompiler without = new InProcessCompiler(layout, owner -> List.of())) {
                plain = without.check(candidate);
            }
            try (InProcessCompiler warmed = new InProcessCompiler(layout, owner -> List.of())) {
                Thread warmUp = new Thread(warmed::warmUp);
                warmUp.start();

                InProcessCompiler.Outcome during = warmed.check(candidate);

                warmUp.join();
                assertEquals(plain.verdict(), during.verdict(), source);
                assertEquals(plain.compilingProjectTests(), during.compilingProjectTests(), source);
            }
        }
    }

    /**
     * Issue 21: tasks' candidates arrive together, and each is compiled in process. A compile of one
     * candidate does not hold back a compile of another: here an annotation processor holds the
     * compile of {@code Held} until the test releases it, and {@code Quick} is judged meanwhile. A
     * second check of the code being compiled waits for that compile and gets its outcome.
     */
    @Test
    void checksOfDifferentCodeCompileAtOnceAndTheSameCodeOnce() throws Exception {
        Path signals = java.nio.file.Files.createDirectories(dir.resolve("signals"));
        Path processorPath = holdingProcessor(dir.resolve("processor"), signals);
        ProjectLayout layout = withProcessorPath(new TestProject(dir.resolve("project")).layout(), processorPath);
        Candidate held = candidate("held", unit("com.example.Held", "package com.example;\npublic class Held { }\n",
                false));
        Candidate quick = candidate("quick", unit("com.example.Quick",
                "package com.example;\npublic class Quick { }\n", false));
        try (InProcessCompiler compiler = new InProcessCompiler(layout, owner -> List.of())) {
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Future<InProcessCompiler.Outcome> first = threads.submit(() -> compiler.check(held));
                awaitFile(signals.resolve("holding"));
                java.util.concurrent.Future<InProcessCompiler.Outcome> again = threads.submit(() -> compiler.check(held));

                InProcessCompiler.Outcome other = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                        java.time.Duration.ofSeconds(60), () -> compiler.check(quick),
                        "Quick's check waited for Held's compile");

                assertTrue(other.verdict().passed(), other.verdict().toString());
                assertFalse(first.isDone(), "Held's compile is still held");
                java.nio.file.Files.writeString(signals.resolve("release"), "");
                InProcessCompiler.Outcome outcome = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertTrue(outcome.verdict().passed(), outcome.verdict().toString());
                org.junit.jupiter.api.Assertions.assertSame(outcome, again.get(60, java.util.concurrent.TimeUnit.SECONDS));
                assertEquals(1, java.nio.file.Files.readAllLines(signals.resolve("holding")).size(),
                        "Held was compiled once");
            } finally {
                java.nio.file.Files.writeString(signals.resolve("release"), "");
                threads.shutdownNow();
            }
        }
    }

    /**
     * Issue 21: once a task has new code, every task's check compiles the same code, the task's own
     * and the others'. A clean compile of it is done once: a check of another task whose code and
     * others' code are that same code, started while it compiles, waits for it and takes its
     * outcome. A compile that fails is judged for each task by whose file failed.
     */
    @Test
    void aCleanCompileIsDoneOnceForEveryTaskWhoseCodeItIs() throws Exception {
        Path signals = java.nio.file.Files.createDirectories(dir.resolve("signals"));
        Path processorPath = holdingProcessor(dir.resolve("processor"), signals);
        ProjectLayout layout = withProcessorPath(new TestProject(dir.resolve("project")).layout(), processorPath);
        CodeUnit held = unit("com.example.Held", "package com.example;\npublic class Held {\n"
                + "    public int size() { return 1; }\n}\n", false);
        CodeUnit user = unit("com.example.User", "package com.example;\npublic class User {\n"
                + "    public int twice() { return new Held().size() * 2; }\n}\n", false);
        CodeUnit wrongUser = unit("com.example.User", "package com.example;\npublic class User {\n"
                + "    public int twice() { return new Held().length() * 2; }\n}\n", false);
        java.util.Map<String, List<CodeUnit>> board = new java.util.concurrent.ConcurrentHashMap<>(
                java.util.Map.of("held", List.of(user), "user", List.of(held)));
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (InProcessCompiler compiler = new InProcessCompiler(layout, board::get)) {
            java.util.concurrent.Future<InProcessCompiler.Outcome> first = threads.submit(
                    () -> compiler.check(candidate("held", held)));
            awaitFile(signals.resolve("holding"));
            java.util.concurrent.Future<InProcessCompiler.Outcome> second = threads.submit(
                    () -> compiler.check(candidate("user", user)));
            Thread.sleep(500);
            assertFalse(second.isDone(), "the same code is being compiled: the second task's check waits for it");
            java.nio.file.Files.writeString(signals.resolve("release"), "");

            InProcessCompiler.Outcome outcome = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(outcome.verdict().passed() && outcome.verdict().feedback().isEmpty(), outcome.toString());
            org.junit.jupiter.api.Assertions.assertSame(outcome, second.get(60, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(1, java.nio.file.Files.readAllLines(signals.resolve("holding")).size(),
                    "Held and User were compiled together once");

            board.put("held", List.of(wrongUser));
            Verdict heldWithWrongUser = compiler.check(candidate("held", held)).verdict();
            Verdict wrongUsersOwn = compiler.check(candidate("user", wrongUser)).verdict();
            assertEquals(3, java.nio.file.Files.readAllLines(signals.resolve("holding")).size(),
                    "a compile that failed is judged again for the other task");
            assertTrue(heldWithWrongUser.feedback().stream().noneMatch(Feedback::blocking),
                    "the error is in the other task's file: " + heldWithWrongUser);
            assertFalse(wrongUsersOwn.passed(), wrongUsersOwn.toString());
            assertTrue(wrongUsersOwn.feedback().stream().anyMatch(finding -> finding.blocking()
                    && finding.message().startsWith("com/example/User.java:3: cannot find symbol")),
                    wrongUsersOwn.toString());
        } finally {
            java.nio.file.Files.writeString(signals.resolve("release"), "");
            threads.shutdownNow();
        }
    }

    /**
     * Issue 21: checks that compile at once judge as checks one after another, in a project with
     * Lombok as a {@code provided} dependency (javac finds its processor on the classpath, as in the
     * project's build). Three tasks' {@code @Value} classes, one using a getter Lombok does not
     * generate, are checked from three threads at once, three times with fresh code, and from one
     * thread on a compiler of its own.
     */
    @Test
    void checksAtOnceInALombokProjectJudgeAsChecksOneAfterAnother() throws Exception {
        Path lombokJar = Path.of(System.getProperty("autocoder.test.lombok", "target/test-jars/lombok.jar"));
        assertTrue(java.nio.file.Files.isRegularFile(lombokJar), lombokJar + " (copied by the build)");
        ProjectLayout layout = new TestProject(dir).layout(List.of(new dev.autocoder.project.Dependency(
                "org.projectlombok", "lombok", "1", "provided", true, lombokJar)));
        List<String> tasks = List.of("price", "weight", "sku");
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(tasks.size());
        try (InProcessCompiler atOnce = new InProcessCompiler(layout, owner -> List.of());
                InProcessCompiler oneByOne = new InProcessCompiler(layout, owner -> List.of())) {
            for (int round = 0; round < 3; round++) {
                List<Candidate> candidates = new ArrayList<>();
                for (String task : tasks) {
                    String type = Character.toUpperCase(task.charAt(0)) + task.substring(1);
                    String getter = task.equals("sku") ? "getMissing()" : "getAmount()";
                    candidates.add(candidate(task, unit("com.example." + type, "package com.example;\n"
                            + "@lombok.Value\npublic class " + type + " {\n    long amount;\n"
                            + "    public long twice() { return " + getter + " * 2; }\n}\n// round " + round + "\n",
                            false)));
                }
                List<java.util.concurrent.Future<Verdict>> running = new ArrayList<>();
                for (Candidate candidate : candidates) {
                    running.add(threads.submit(() -> atOnce.check(candidate).verdict()));
                }
                for (int i = 0; i < candidates.size(); i++) {
                    Verdict together = running.get(i).get(120, java.util.concurrent.TimeUnit.SECONDS);
                    Verdict alone = oneByOne.check(candidates.get(i)).verdict();

                    assertEquals(alone, together, candidates.get(i).taskName() + ", round " + round);
                    assertEquals(!tasks.get(i).equals("sku"), together.passed(), together.toString());
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** The layout with javac's processor path set to {@code processorPath}. */
    private static ProjectLayout withProcessorPath(ProjectLayout plain, Path processorPath) {
        return new ProjectLayout(plain.baseDirectory(), plain.javaRelease(), plain.mainSourceRoots(),
                plain.testSourceRoots(), plain.dependencies(), plain.pluginVersions(), plain.checkstyle(),
                new ProjectLayout.CompilerSetup(List.of(processorPath), ProjectLayout.CompilerSetup.Compile.DEFAULT,
                        ProjectLayout.CompilerSetup.Compile.DEFAULT, List.of()), plain.build());
    }

    /**
     * A processor path whose processor, in a round that has {@code Held}, appends a line to
     * {@code holding} and waits (at most a minute) for {@code release} to exist.
     */
    private static Path holdingProcessor(Path folder, Path signals) throws java.io.IOException {
        Path source = java.nio.file.Files.createDirectories(folder.resolve("src/hold")).resolve("Hold.java");
        java.nio.file.Files.writeString(source, """
                package hold;

                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                import java.util.Set;
                import javax.annotation.processing.AbstractProcessor;
                import javax.annotation.processing.RoundEnvironment;
                import javax.annotation.processing.SupportedAnnotationTypes;
                import javax.lang.model.SourceVersion;
                import javax.lang.model.element.TypeElement;

                @SupportedAnnotationTypes("*")
                public final class Hold extends AbstractProcessor {
                    private static final Path SIGNALS = Path.of("%s");

                    @Override
                    public SourceVersion getSupportedSourceVersion() {
                        return SourceVersion.latestSupported();
                    }

                    @Override
                    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                        if (round.getRootElements().stream().noneMatch(e -> e.getSimpleName().contentEquals("Held"))) {
                            return false;
                        }
                        try {
                            Files.writeString(SIGNALS.resolve("holding"), "held\\n", StandardOpenOption.CREATE,
                                    StandardOpenOption.APPEND);
                            for (int i = 0; i < 600 && !Files.exists(SIGNALS.resolve("release")); i++) {
                                Thread.sleep(100);
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return false;
                    }
                }
                """.formatted(signals.toAbsolutePath().toString().replace("\\", "\\\\")));
        Path classes = java.nio.file.Files.createDirectories(folder.resolve("classes"));
        int status = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString());
        assertEquals(0, status, "the processor compiles");
        Path services = java.nio.file.Files.createDirectories(classes.resolve("META-INF/services"));
        java.nio.file.Files.writeString(services.resolve("javax.annotation.processing.Processor"), "hold.Hold\n");
        return classes;
    }

    private static void awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 600 && !java.nio.file.Files.exists(file); i++) {
            Thread.sleep(100);
        }
        assertTrue(java.nio.file.Files.exists(file), file + " never appeared");
    }

    @Test
    void compileErrorIsReportedWithRelativePathAndLine() {
        InProcessCompiler compiler = new InProcessCompiler(new TestProject(dir).layout(), owner -> List.of());
        String broken = MONEY.replace("cents + other.cents", "cents + other.amount");

        Verdict verdict = compiler.verify(candidate("money", unit("com.example.Money", broken, false)));

        assertFalse(verdict.passed());
        Feedback finding = verdict.firstFailure().orElseThrow();
        assertEquals(Feedback.Stage.COMPILE, finding.stage());
        assertTrue(finding.message().startsWith("com/example/Money.java:5: cannot find symbol"), finding.message());
        assertFalse(finding.message().contains(dir.toString()), finding.message());
    }

    @Test
    void mainCodeCannotUseTestScopedDependencies() {
        InProcessCompiler compiler = new InProcessCompiler(new TestProject(dir).layout(), owner -> List.of());
        String usesJunit = "package com.example;\npublic class Money { org.junit.jupiter.api.Test t; }\n";

        assertFalse(compiler.verify(candidate("money", unit("com.example.Money", usesJunit, false))).passed());
    }

    @Test
    void acceptanceTestWithWrongSignatureAgainstCandidateBlocks() {
        String wrongCall = MONEY_TEST.replace("new Money(1).plus(new Money(2))", "new Money(1).add(2)");
        InProcessCompiler compiler = new InProcessCompiler(new TestProject(dir).test("com/example/MoneyTest.java", wrongCall)
                .layout(), owner -> List.of());

        Verdict verdict = compiler.verify(candidate("money", unit("com.example.Money", MONEY, false)));

        assertFalse(verdict.passed());
        assertTrue(verdict.firstFailure().orElseThrow().message().startsWith("com/example/MoneyTest.java:9: cannot find symbol"),
                verdict.toString());
    }

    /**
     * Issue 23, found on Gson: a project file needs a type the build generates (templating's
     * {@code GsonBuildConfig}), which javac here never sees, so it waits. Once a sub-build compiled
     * that code, the compiler knows the build has the type: the next check judges nothing, leaves
     * nothing out, and tells whoever waits for types to look again.
     */
    @Test
    void aTypeASubBuildHadIsTheBuildsOwnAndNoLongerWaitedFor() {
        InProcessCompiler compiler = new InProcessCompiler(new TestProject(dir)
                .main("com/example/Stamp.java", "package com.example;\n\npublic final class Stamp {\n"
                        + "    static String of(Money money) {\n        return money + \" \" + BuildInfo.VERSION;\n    }\n}\n")
                .test("com/example/MoneyTest.java", MONEY_TEST).layout(), owner -> List.of());
        java.util.concurrent.atomic.AtomicInteger woken = new java.util.concurrent.atomic.AtomicInteger();
        compiler.onGenerated(woken::incrementAndGet);
        Candidate money = candidate("money", unit("com.example.Money", MONEY, false));

        InProcessCompiler.Outcome before = compiler.check(money);
        assertEquals(List.of(Feedback.Stage.WAITING), before.verdict().feedback().stream().map(Feedback::stage).toList(),
                before.verdict().toString());
        assertTrue(before.verdict().feedback().get(0).message().contains("BuildInfo"), before.verdict().toString());

        assertFalse(compiler.learnCompiled(before, List.of(Feedback.blocking(Feedback.Stage.COMPILE,
                "com/example/Stamp.java:5: cannot find symbol (symbol: variable BuildInfo, location: class"
                        + " com.example.Stamp)"))), "a sub-build that missed it too teaches nothing");
        assertEquals(0, woken.get());
        assertTrue(compiler.learnCompiled(before, List.of()), "BuildInfo is learned as generated");
        assertFalse(compiler.learnCompiled(before, List.of()), "and only once");
        assertEquals(1, woken.get());

        InProcessCompiler.Outcome after = compiler.check(money);
        assertTrue(after.verdict().passed(), after.verdict().toString());
        assertEquals(Optional.empty(), after.selection(), "no closure without the type: the whole suite runs");
        assertEquals(List.of("com/example/MoneyTest.java"),
                after.compilingProjectTests().stream().map(SourceFile::displayName).toList(),
                "every project test is left to the sub-build, so baselines may ask about it");
        assertEquals(List.of(), after.excludedProjectTests());
        assertTrue(after.verdict().feedback().stream().noneMatch(Feedback::modelCaused), "nothing goes to the model");
    }

    /**
     * Issue 23, as Gson builds: {@code failOnWarning} with {@code -Xlint:all} (javac's {@code -Werror})
     * fails the build on a warning, and javac's own error for it names no file. The in-process
     * compile judges the warnings in their file instead: the candidate's unchecked conversion goes to
     * the model with its line, as the real build would reject it; without {@code failOnWarning} the
     * same code passes.
     */
    @Test
    void aWarningInTheCandidatesFileIsTheModelsWhereTheProjectFailsOnWarnings() {
        String raw = "package com.example;\n\nimport java.util.ArrayList;\nimport java.util.List;\n\n"
                + "public final class Names {\n    public static List<String> none() {\n"
                + "        List names = new ArrayList();\n        return names;\n    }\n}\n";
        Candidate names = candidate("names", unit("com.example.Names", raw, false));
        ProjectLayout plain = new TestProject(dir).layout();
        ProjectLayout.CompilerSetup.Compile strict = new ProjectLayout.CompilerSetup.Compile(Optional.empty(),
                List.of(), List.of(), List.of("-Xlint:all", "-Werror"));
        ProjectLayout failing = new ProjectLayout(plain.baseDirectory(), "17", plain.mainSourceRoots(),
                plain.testSourceRoots(), plain.dependencies(), Map.of(), Optional.empty(),
                new ProjectLayout.CompilerSetup(List.of(), strict, strict, List.of()), plain.build());

        Verdict lenient = new InProcessCompiler(plain, owner -> List.of()).check(names).verdict();
        Verdict verdict = new InProcessCompiler(failing, owner -> List.of()).check(names).verdict();

        assertTrue(lenient.passed(), lenient.toString());
        assertFalse(verdict.passed(), verdict.toString());
        assertTrue(verdict.feedback().stream().allMatch(finding -> finding.stage() == Feedback.Stage.COMPILE
                && finding.blocking() && finding.message().startsWith("com/example/Names.java:")), verdict.toString());
        assertTrue(verdict.feedback().stream().anyMatch(finding -> finding.message().startsWith(
                "com/example/Names.java:9: unchecked conversion")), verdict.toString());
        assertTrue(verdict.feedback().stream().anyMatch(finding -> finding.message().startsWith(
                "com/example/Names.java:8: found raw type")), "the project's -Xlint:all, rawtypes included: " + verdict);
    }

    @Test
    void testWaitingForAnotherTasksTypeIsLeftOutAsAdvice() {
        InProcessCompiler compiler = new InProcessCompiler(new TestProject(dir)
                .test("com/example/MoneyTest.java", MONEY_TEST)
                .test("com/example/billing/InvoiceTest.java", INVOICE_TEST).layout(), owner -> List.of());

        InProcessCompiler.Outcome outcome = compiler.check(candidate("money", unit("com.example.Money", MONEY, false)));

        assertTrue(outcome.verdict().passed(), outcome.verdict().toString());
        assertEquals(List.of("com/example/billing/InvoiceTest.java"), outcome.excludedProjectTests());
        assertEquals(List.of("com/example/MoneyTest.java"),
                outcome.compilingProjectTests().stream().map(SourceFile::displayName).toList());
        assertFalse(outcome.verdict().feedback().get(0).blocking());
    }

    @Test
    void verifiedUnitsAreCompiledAlongAndTheCandidateReplacesItsNamesake() {
        List<CodeUnit> verified = new CopyOnWriteArrayList<>();
        InProcessCompiler compiler = new InProcessCompiler(new TestProject(dir)
                .test("com/example/billing/InvoiceTest.java", INVOICE_TEST).layout(), owner -> verified);
        verified.add(unit("com.example.Money", MONEY.replace("plus", "minus"), false));
        String invoice = """
                package com.example.billing;

                import com.example.Money;

                public class Invoice {
                    private Money total = new Money(0);

                    public void add(Money amount) {
                        total = total.plus(amount);
                    }
                }
                """;

        Verdict stale = compiler.verify(candidate("invoice", unit("com.example.billing.Invoice", invoice, false)));
        Verdict replaced = compiler.verify(candidate("invoice", unit("com.example.billing.Invoice", invoice, false),
                unit("com.example.Money", MONEY, false)));

        assertFalse(stale.passed(), "plus does not exist on the verified Money");
        assertTrue(replaced.passed(), replaced.toString());
    }
}

package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a small project (main classes and test classes) with javac once, then selects tests over
 * its real class files.
 */
class TestSelectionTest {

    private static final String MONEY = "com.acme.Money";
    private static final String CLOCK = "com.acme.Clock";

    private static final Map<String, String> MAIN_SOURCES = Map.of(
            "com/acme/Money.java", """
                    package com.acme;

                    public final class Money {
                        public record Part(long units) {
                        }

                        private final long cents;

                        public Money(long cents) {
                            this.cents = cents;
                        }

                        public long cents() {
                            return cents;
                        }
                    }
                    """,
            "com/acme/Clock.java", """
                    package com.acme;

                    public final class Clock {
                        public long now() {
                            return 42L;
                        }
                    }
                    """,
            "com/acme/BillingService.java", """
                    package com.acme;

                    public final class BillingService {
                        public long charge(long cents) {
                            return new Money(cents).cents();
                        }
                    }
                    """,
            "com/acme/InvoiceRepository.java", """
                    package com.acme;

                    public final class InvoiceRepository {
                        static final String QUERY = "select m from Money m where m.cents > :cents";

                        public String query() {
                            return QUERY;
                        }
                    }
                    """,
            "com/acme/Plugin.java", """
                    package com.acme;

                    public interface Plugin {
                        String name();
                    }
                    """,
            "com/acme/MoneyPlugin.java", """
                    package com.acme;

                    public final class MoneyPlugin implements Plugin {
                        @Override
                        public String name() {
                            return "cents:" + new Money(1).cents();
                        }
                    }
                    """);

    private static final Map<String, String> TEST_SOURCES = Map.ofEntries(
            Map.entry("org/springframework/boot/test/context/SpringBootTest.java", """
                    package org.springframework.boot.test.context;

                    import java.lang.annotation.Retention;
                    import java.lang.annotation.RetentionPolicy;

                    @Retention(RetentionPolicy.RUNTIME)
                    public @interface SpringBootTest {
                    }
                    """),
            Map.entry("com/acme/AcmeIntegrationTest.java", """
                    package com.acme;

                    import java.lang.annotation.Retention;
                    import java.lang.annotation.RetentionPolicy;
                    import org.springframework.boot.test.context.SpringBootTest;

                    @SpringBootTest
                    @Retention(RetentionPolicy.RUNTIME)
                    public @interface AcmeIntegrationTest {
                    }
                    """),
            Map.entry("com/acme/MoneyFixtures.java", """
                    package com.acme;

                    public final class MoneyFixtures {
                        private MoneyFixtures() {
                        }

                        public static long tenEuros() {
                            return new Money(1000).cents();
                        }
                    }
                    """),
            Map.entry("com/acme/HelperUsingTest.java", """
                    package com.acme;

                    class HelperUsingTest {
                        long chargesTenEuros() {
                            return MoneyFixtures.tenEuros();
                        }
                    }
                    """),
            Map.entry("com/acme/BillingServiceTest.java", """
                    package com.acme;

                    class BillingServiceTest {
                        long chargesThroughTheService() {
                            return new BillingService().charge(5);
                        }
                    }
                    """),
            Map.entry("com/acme/AbstractMoneyTest.java", """
                    package com.acme;

                    abstract class AbstractMoneyTest {
                        protected long base() {
                            return new Money(7).cents();
                        }
                    }
                    """),
            Map.entry("com/acme/DerivedMoneyTest.java", """
                    package com.acme;

                    class DerivedMoneyTest extends AbstractMoneyTest {
                        long doubled() {
                            return base() * 2;
                        }
                    }
                    """),
            Map.entry("com/acme/ClockTest.java", """
                    package com.acme;

                    class ClockTest {
                        long ticks() {
                            return new Clock().now();
                        }
                    }
                    """),
            Map.entry("com/acme/ReflectiveMoneyTest.java", """
                    package com.acme;

                    class ReflectiveMoneyTest {
                        Object load() throws Exception {
                            return Class.forName("com.acme.Money").getDeclaredConstructor(long.class).newInstance(3L);
                        }
                    }
                    """),
            Map.entry("com/acme/InvoiceRepositoryTest.java", """
                    package com.acme;

                    class InvoiceRepositoryTest {
                        String query() {
                            return new InvoiceRepository().query();
                        }
                    }
                    """),
            Map.entry("com/acme/SpringLikeTest.java", """
                    package com.acme;

                    import org.springframework.boot.test.context.SpringBootTest;

                    @SpringBootTest
                    class SpringLikeTest {
                        long ticks() {
                            return new Clock().now();
                        }
                    }
                    """),
            Map.entry("com/acme/MetaAnnotatedTest.java", """
                    package com.acme;

                    @AcmeIntegrationTest
                    class MetaAnnotatedTest {
                        long ticks() {
                            return new Clock().now();
                        }
                    }
                    """),
            Map.entry("com/acme/PluginLoadingTest.java", """
                    package com.acme;

                    import java.util.ServiceLoader;

                    class PluginLoadingTest {
                        long plugins() {
                            return ServiceLoader.load(Plugin.class).stream().count();
                        }
                    }
                    """),
            Map.entry("com/acme/OuterTest.java", """
                    package com.acme;

                    class OuterTest {
                        class WhenCharging {
                            long charged() {
                                Runnable check = () -> new Money(2).cents();
                                check.run();
                                return 2;
                            }
                        }
                    }
                    """),
            Map.entry("com/acme/PartTest.java", """
                    package com.acme;

                    class PartTest {
                        long units() {
                            return new Money.Part(4).units();
                        }
                    }
                    """));

    private static final List<String> TESTS = List.of("com.acme.HelperUsingTest", "com.acme.BillingServiceTest",
            "com.acme.DerivedMoneyTest", "com.acme.ClockTest", "com.acme.ReflectiveMoneyTest",
            "com.acme.InvoiceRepositoryTest", "com.acme.SpringLikeTest", "com.acme.MetaAnnotatedTest",
            "com.acme.PluginLoadingTest", "com.acme.OuterTest", "com.acme.PartTest");

    @TempDir
    static Path project;

    private static Path classes;
    private static Path testClasses;
    private static TestSelection selection;

    @BeforeAll
    static void compileProject() throws IOException {
        classes = compile(project.resolve("src/main/java"), MAIN_SOURCES, project.resolve("target/classes"), null);
        testClasses = compile(project.resolve("src/test/java"), TEST_SOURCES, project.resolve("target/test-classes"),
                classes);
        selection = TestSelection.fromDirectories(classes, testClasses);
    }

    private static Path compile(Path sourceRoot, Map<String, String> sources, Path output, Path classpath)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-d", output.toString(), "--release", "17"));
        if (classpath != null) {
            arguments.addAll(List.of("-classpath", classpath.toString()));
        }
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file);
        }
        Files.createDirectories(output);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean compiled = javac.getTask(errors, fileManager, null, arguments, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            assertTrue(compiled, errors.toString());
        }
        return output;
    }

    private static Map<String, byte[]> bytesUnder(Path root) throws IOException {
        Map<String, byte[]> bytes = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                bytes.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return bytes;
    }

    private static Set<String> selectedFor(String... changed) {
        return selection.select(TESTS, Set.of(changed)).testClasses();
    }

    private static TestSelection.Selected selected(String test, String... changed) {
        return selection.select(List.of(test), Set.of(changed)).selected().stream().findFirst().orElseThrow();
    }

    @Test
    void givenTestCallingHelperThatUsesMoney_whenMoneyChanges_thenTestIsSelectedWithThePath() {
        TestSelection.Selected helperUsing = selected("com.acme.HelperUsingTest", MONEY);

        assertEquals(Set.of(MONEY), helperUsing.reachedTypes());
        assertTrue(helperUsing.reason().contains("com.acme.HelperUsingTest -> com.acme.MoneyFixtures -> com.acme.Money"),
                helperUsing.reason());
    }

    @Test
    void givenTestOfServiceMainClass_whenMoneyChanges_thenTestIsSelected() {
        assertTrue(selectedFor(MONEY).contains("com.acme.BillingServiceTest"));
    }

    @Test
    void givenTestExtendingAbstractBaseUsingMoney_whenMoneyChanges_thenSubclassIsSelected() {
        TestSelection.Selected derived = selected("com.acme.DerivedMoneyTest", MONEY);

        assertTrue(derived.reason().contains("com.acme.AbstractMoneyTest"), derived.reason());
    }

    @Test
    void givenUnrelatedTest_whenMoneyChanges_thenItIsNotSelected() {
        Set<String> chosen = selectedFor(MONEY);

        assertFalse(chosen.contains("com.acme.ClockTest"), chosen.toString());
        assertFalse(selection.select(TESTS, Set.of(MONEY)).runAll());
    }

    @Test
    void givenTestNamingMoneyOnlyInClassForName_whenMoneyChanges_thenTestIsSelectedForTheString() {
        TestSelection.Selected reflective = selected("com.acme.ReflectiveMoneyTest", MONEY);

        assertTrue(reflective.reason().contains("com.acme.ReflectiveMoneyTest -(string)-> com.acme.Money"),
                reflective.reason());
    }

    @Test
    void givenMainClassWithQueryNamingMoneyBySimpleName_whenMoneyChanges_thenItsTestIsSelected() {
        TestSelection.Selected repository = selected("com.acme.InvoiceRepositoryTest", MONEY);

        assertTrue(repository.reason().contains("string constant of com.acme.InvoiceRepository"),
                repository.reason());
    }

    @Test
    void givenSpringBootTestAnnotatedTest_whenAMainTypeChanges_thenItIsSelectedAndReachesIt() {
        TestSelection.Selected spring = selected("com.acme.SpringLikeTest", MONEY);

        assertEquals(Set.of(MONEY), spring.reachedTypes());
        assertTrue(spring.reason().contains("org.springframework.boot.test.context.SpringBootTest"), spring.reason());
    }

    @Test
    void givenTestMetaAnnotatedWithSpringBootTest_whenAMainTypeChanges_thenItIsSelected() {
        assertTrue(selectedFor(MONEY).contains("com.acme.MetaAnnotatedTest"));
    }

    @Test
    void givenSpringBootTestAnnotatedTest_whenOnlyATestHelperChanges_thenItIsNotSelected() {
        Set<String> chosen = selectedFor("com.acme.MoneyFixtures");

        assertEquals(Set.of("com.acme.HelperUsingTest"), chosen);
    }

    @Test
    void givenTestUsingServiceLoader_whenAPluginImplementationChanges_thenTestIsSelected() {
        TestSelection.Selected loading = selected("com.acme.PluginLoadingTest", "com.acme.MoneyPlugin");

        assertTrue(loading.reason().contains("java.util.ServiceLoader"), loading.reason());
    }

    @Test
    void givenNestedTestClassUsingMoney_whenMoneyChanges_thenItsTopLevelTestIsSelected() {
        Set<String> chosen = selectedFor(MONEY);

        assertTrue(chosen.contains("com.acme.OuterTest"), chosen.toString());
        assertTrue(chosen.stream().noneMatch(name -> name.contains("$")), chosen.toString());
        assertEquals(Set.of("com.acme.OuterTest"),
                selection.select(List.of("com.acme.OuterTest$WhenCharging"), Set.of(MONEY)).testClasses());
    }

    @Test
    void givenTestsUsingOuterOrNestedType_whenEitherChanges_thenBothDirectionsSelect() {
        assertTrue(selectedFor(MONEY).contains("com.acme.PartTest"));
        assertTrue(selectedFor(MONEY + "$Part").contains("com.acme.HelperUsingTest"));
    }

    @Test
    void givenSeveralCandidates_whenAskingReachedTypes_thenOnlyThoseTheTestNeedsAreReported() {
        Set<String> candidates = Set.of(MONEY, CLOCK);

        assertEquals(Set.of(MONEY), selection.reachedTypes("com.acme.HelperUsingTest", candidates));
        assertEquals(Set.of(CLOCK), selection.reachedTypes("com.acme.ClockTest", candidates));
        assertEquals(candidates, selection.reachedTypes("com.acme.SpringLikeTest", candidates));
    }

    @Test
    void givenOnlyAnUnrelatedTypeChanges_whenSelecting_thenOnlyItsTestsAndScannersAreSelected() {
        assertEquals(Set.of("com.acme.ClockTest", "com.acme.SpringLikeTest", "com.acme.MetaAnnotatedTest",
                "com.acme.PluginLoadingTest"), selectedFor(CLOCK));
    }

    @Test
    void givenInMemoryClassBytes_whenSelecting_thenResultMatchesTheDirectories() throws IOException {
        TestSelection inMemory = TestSelection.of(bytesUnder(classes), bytesUnder(testClasses));

        assertEquals(selectedFor(MONEY), inMemory.select(TESTS, Set.of(MONEY)).testClasses());
    }

    @Test
    void givenAnUnreadableClassFile_whenSelecting_thenEveryTestRunsAndTheReasonNamesIt() throws IOException {
        Map<String, byte[]> tests = bytesUnder(testClasses);
        tests.put("com/acme/Broken.class", new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2});
        TestSelection broken = TestSelection.of(bytesUnder(classes), tests);

        TestSelection.Result result = broken.select(TESTS, Set.of(MONEY));

        assertTrue(result.runAll());
        assertTrue(result.runAllReason().contains("com.acme.Broken"), result.runAllReason());
        assertEquals(Set.copyOf(TESTS), result.testClasses());
    }

    @Test
    void givenATestWithoutClassFile_whenSelecting_thenEveryTestRuns() {
        List<String> tests = new ArrayList<>(TESTS);
        tests.add("com.acme.GhostTest");

        TestSelection.Result result = selection.select(tests, Set.of(MONEY));

        assertTrue(result.runAll());
        assertTrue(result.runAllReason().contains("com.acme.GhostTest"), result.runAllReason());
        assertTrue(result.testClasses().contains("com.acme.ClockTest"));
    }

    @Test
    void givenCompiledTestClasses_whenListingDefaults_thenOnlyConcreteTopLevelSurefireNamesAreListed() {
        Set<String> defaults = selection.defaultTestClasses();

        assertEquals(Set.copyOf(TESTS), defaults);
        assertTrue(TestSelection.isDefaultTestClassName("com.acme.TestMoney"));
        assertTrue(TestSelection.isDefaultTestClassName("com/acme/MoneyTestCase.class"));
        assertFalse(TestSelection.isDefaultTestClassName("com.acme.MoneyFixtures"));
    }
}

package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.project.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A round's settings reach the executions that would otherwise override them; no Maven run. */
class SubBuildReactorExecutionsTest {

    @TempDir
    Path dir;

    @Test
    void aRoundsSettingsGoIntoEveryExecutionAsWellAsThePlugin() throws Exception {
        ProjectLayout base = new TestProject(dir.resolve("project")).layout();
        String pom = base.build().effectivePom().replace("""
                          <release>17</release>
                        </configuration>
                """, """
                          <release>17</release>
                        </configuration>
                        <executions>
                          <execution>
                            <id>default-testCompile</id>
                            <goals><goal>testCompile</goal></goals>
                            <configuration>
                              <testExcludes><testExclude>**/legacy/**</testExclude></testExcludes>
                            </configuration>
                          </execution>
                          <execution>
                            <id>default-compile</id>
                            <goals><goal>compile</goal></goals>
                          </execution>
                        </executions>
                """);
        pom = withSurefire(pom, """
                        <executions>
                          <execution>
                            <id>default-test</id>
                            <configuration>
                              <includes><include>**/*Test.java</include></includes>
                              <testFailureIgnore>false</testFailureIgnore>
                              <excludedGroups>slow</excludedGroups>
                            </configuration>
                          </execution>
                          <execution>
                            <id>contract-tests</id>
                            <goals><goal>test</goal></goals>
                          </execution>
                        </executions>
                """);
        Document module = written(base, pom, new SubBuildReactor.Plan(List.of(), List.of(),
                List.of("com/example/WaitsTest.java"), Optional.of(List.of("com.example.MoneyTest"))));
        Element surefire = plugin(module, "maven-surefire-plugin");
        List<Element> configurations = configurations(surefire);
        assertEquals(3, configurations.size(), "the plugin's and both executions'");
        for (Element configuration : configurations) {
            assertTrue(children(configuration, "test").isEmpty(), "the project names its tests by includes");
            List<Element> includes = children(configuration, "includes");
            assertEquals(1, includes.size(), "the round's selection replaces the project's includes");
            assertEquals("com/example/MoneyTest.java", only(includes.get(0), "include"));
            assertEquals("true", only(configuration, "testFailureIgnore"));
            assertEquals("false", only(configuration, "trimStackTrace"));
            assertEquals("false", only(configuration, "failIfNoSpecifiedTests"));
        }
        assertEquals("slow", only(configurations.get(1), "excludedGroups"), "the project's other settings stay");
        Element compiler = plugin(module, "maven-compiler-plugin");
        List<Element> compilerConfigurations = configurations(compiler);
        assertEquals(List.of("com/example/WaitsTest.java"), testExcludes(compilerConfigurations.get(0)));
        assertEquals(List.of("**/legacy/**", "com/example/WaitsTest.java"), testExcludes(compilerConfigurations.get(1)),
                "added to the execution's own list, which replaces the plugin's");
        assertTrue(compilerConfigurations.size() == 2 || testExcludes(compilerConfigurations.get(2)).isEmpty(),
                "an execution without a list of its own gets the plugin's");
    }

    /**
     * Issue 23: a project that runs its {@code *Check} classes in a second surefire execution. Each
     * execution of a round runs only the chosen tests among those it runs in the project's build: a
     * chosen test never runs in an execution (with that execution's settings) that never runs it.
     */
    @Test
    void eachSurefireExecutionRunsOnlyTheChosenTestsItIncludesInTheProjectsBuild() throws Exception {
        List<Element> configurations = surefireOfRound("""
                        <executions>
                          <execution>
                            <id>default-test</id>
                            <goals><goal>test</goal></goals>
                          </execution>
                          <execution>
                            <id>contract-checks</id>
                            <goals><goal>test</goal></goals>
                            <configuration>
                              <includes><include>**/*Check.java</include></includes>
                              <systemPropertyVariables><contracts>strict</contracts></systemPropertyVariables>
                            </configuration>
                          </execution>
                          <execution>
                            <id>documentation</id>
                            <goals><goal>test</goal></goals>
                            <configuration>
                              <includes><include>**/*Doc.java</include></includes>
                            </configuration>
                          </execution>
                          <execution>
                            <id>legacy</id>
                            <goals><goal>test</goal></goals>
                            <configuration>
                              <skipTests>true</skipTests>
                            </configuration>
                          </execution>
                        </executions>
                """);
        assertEquals(5, configurations.size(), "the plugin's and the four executions'");
        assertEquals(List.of("com/example/MoneyTest.java"), includes(configurations.get(0)), "surefire's defaults");
        assertEquals(List.of("com/example/MoneyTest.java"), includes(configurations.get(1)), "default-test: the same");
        assertEquals(List.of("com/example/PriceCheck.java"), includes(configurations.get(2)), "its own *Check");
        assertEquals("strict", only(children(configurations.get(2), "systemPropertyVariables").get(0), "contracts"));
        List<String> skipTests = configurations.stream().map(configuration -> only(configuration, "skipTests")).toList();
        assertEquals(List.of("false", "false", "false", "true", "true"), skipTests,
                "an execution that includes no chosen test, and one the project skips, run nothing; the others"
                        + " say so themselves rather than take the plugin's setting");
    }

    /**
     * Issue 23: an execution whose tests the project names with {@code <test>} (overriding its
     * includes and excludes) gets its share of the round in that {@code <test>}, so the same rules
     * decide what runs; one whose {@code <test>} names none of the chosen tests runs nothing.
     */
    @Test
    void aRoundNarrowsTheTestParameterThePomSetsToItsShare() throws Exception {
        List<Element> configurations = surefireOfRound("""
                        <executions>
                          <execution>
                            <id>default-test</id>
                            <configuration>
                              <test>*Check</test>
                              <excludes><exclude>**/Price*</exclude></excludes>
                            </configuration>
                          </execution>
                          <execution>
                            <id>ledger</id>
                            <goals><goal>test</goal></goals>
                            <configuration>
                              <test>com.example.legacy.LedgerCheck</test>
                            </configuration>
                          </execution>
                        </executions>
                """);
        assertEquals(List.of("com/example/MoneyTest.java"), includes(configurations.get(0)),
                "the plugin's own configuration names no test: surefire's defaults");
        assertEquals("com/example/PriceCheck", only(configurations.get(1), "test"),
                "the chosen *Check, by the parameter that overrides the excludes, as in the project's build");
        assertEquals(List.of(), includes(configurations.get(1)));
        assertEquals("false", only(configurations.get(1), "skipTests"));
        assertEquals("true", only(configurations.get(2), "skipTests"), "the ledger execution runs no chosen test");
    }

    /** A class the project's {@code <test>} excludes ({@code !}) is never in a round's share of that execution. */
    @Test
    void aRoundNeverRunsATestThePomsTestParameterExcludes() throws Exception {
        List<Element> configurations = surefireOfRound("""
                        <executions>
                          <execution>
                            <id>default-test</id>
                            <configuration>
                              <test>*Check, *Test, !Price*</test>
                            </configuration>
                          </execution>
                        </executions>
                """);
        assertEquals("com/example/MoneyTest", only(configurations.get(1), "test"),
                "PriceCheck was chosen, but the project's build never runs it");
    }

    /**
     * Surefire's configurations (the plugin's, then each execution's) in the module POM of a round
     * that chose {@code MoneyTest} and {@code PriceCheck}.
     */
    private List<Element> surefireOfRound(String surefireConfiguration) throws Exception {
        ProjectLayout base = new TestProject(dir.resolve("project")).layout();
        return surefireOfRound(base, withSurefire(base.build().effectivePom(), surefireConfiguration));
    }

    private List<Element> surefireOfRound(ProjectLayout base, String pom) throws Exception {
        Document module = written(base, pom, new SubBuildReactor.Plan(List.of(), List.of(), List.of(),
                Optional.of(List.of("com.example.MoneyTest", "com.example.PriceCheck"))));
        return configurations(plugin(module, "maven-surefire-plugin"));
    }

    private static List<String> includes(Element configuration) {
        List<String> files = new ArrayList<>();
        for (Element list : children(configuration, "includes")) {
            children(list, "include").forEach(file -> files.add(file.getTextContent().strip()));
        }
        return files;
    }

    /** The effective POM with {@code executions} (XML, indented as a plugin's child) added to surefire. */
    private static String withSurefire(String pom, String executions) {
        String plugin = """
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.3</version>
                """;
        return pom.replace(plugin, plugin + executions);
    }

    /** The module POM a sub-build writes for {@code plan} in a project whose effective POM is {@code pom}. */
    private Document written(ProjectLayout base, String pom, SubBuildReactor.Plan plan) throws Exception {
        ProjectLayout layout = new ProjectLayout(base.baseDirectory(), base.javaRelease(), base.mainSourceRoots(),
                base.testSourceRoots(), base.dependencies(), Map.of(), Optional.empty(), base.compiler(),
                new ProjectLayout.BuildModel(pom, base.buildDirectory(), base.build().selfPlugin()));
        Path folder = Files.createDirectories(dir.resolve("build"));
        new SubBuildReactor(layout, null, null).write(folder, List.of(plan));
        return parse(folder.resolve("c0/pom.xml"));
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static Element plugin(Document pom, String artifactId) {
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (!children(plugin, "artifactId").isEmpty()
                    && children(plugin, "artifactId").get(0).getTextContent().strip().equals(artifactId)) {
                return plugin;
            }
        }
        throw new AssertionError("no " + artifactId);
    }

    /** The plugin's configuration, then each execution's, in order. */
    private static List<Element> configurations(Element plugin) {
        List<Element> found = new ArrayList<>(children(plugin, "configuration"));
        for (Element executions : children(plugin, "executions")) {
            for (Element execution : children(executions, "execution")) {
                found.addAll(children(execution, "configuration"));
            }
        }
        return found;
    }

    private static String only(Element configuration, String tag) {
        List<Element> found = children(configuration, tag);
        assertEquals(1, found.size(), tag);
        return found.get(0).getTextContent().strip();
    }

    private static List<String> testExcludes(Element configuration) {
        List<String> files = new ArrayList<>();
        for (Element list : children(configuration, "testExcludes")) {
            children(list, "testExclude").forEach(file -> files.add(file.getTextContent().strip()));
        }
        return files;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }
}

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
                """).replace("""
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.3</version>
                """, """
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.3</version>
                        <executions>
                          <execution>
                            <id>default-test</id>
                            <configuration>
                              <test>com.example.legacy.LedgerCheck</test>
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
        ProjectLayout layout = new ProjectLayout(base.baseDirectory(), base.javaRelease(), base.mainSourceRoots(),
                base.testSourceRoots(), base.dependencies(), Map.of(), Optional.empty(), base.compiler(),
                new ProjectLayout.BuildModel(pom, base.buildDirectory(), base.build().selfPlugin()));
        Path folder = Files.createDirectories(dir.resolve("build"));

        new SubBuildReactor(layout, null, null).write(folder, List.of(new SubBuildReactor.Plan(List.of(), List.of(),
                List.of("com/example/WaitsTest.java"), Optional.of(List.of("com.example.MoneyTest")))));

        Document module = parse(folder.resolve("c0/pom.xml"));
        Element surefire = plugin(module, "maven-surefire-plugin");
        List<Element> configurations = configurations(surefire);
        assertEquals(3, configurations.size(), "the plugin's and both executions'");
        for (Element configuration : configurations) {
            assertTrue(children(configuration, "test").isEmpty(), "surefire's test parameter overrides excludes");
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

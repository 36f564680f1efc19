package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class RoundTrimmingTest {

    private static final String CLASSES = "/p/target/classes";

    /** An effective POM's project with these plugins, and optionally a filtered resource folder. */
    private static Element plugins(String plugins, boolean filtered) throws Exception {
        String xml = """
                <project>
                  <groupId>com.example</groupId>
                  <build>
                    <outputDirectory>%s</outputDirectory>
                    <resources><resource><directory>/p/src/main/resources</directory>%s</resource></resources>
                    <plugins>%s</plugins>
                  </build>
                </project>
                """.formatted(CLASSES, filtered ? "<filtering>true</filtering>" : "", plugins);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return (Element) document.getElementsByTagName("plugins").item(0);
    }

    private static String plugin(String group, String artifact, String id, String configuration, String... goals) {
        StringBuilder list = new StringBuilder();
        for (String goal : goals) {
            list.append("<goal>").append(goal).append("</goal>");
        }
        return "<plugin><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId><version>1</version>"
                + "<executions><execution><id>" + id + "</id><goals>" + list + "</goals>"
                + "<configuration>" + configuration + "</configuration></execution></executions></plugin>";
    }

    /** Adds a project property; returns the project element. */
    private static Element define(Element plugins, String name, String value) {
        Document document = plugins.getOwnerDocument();
        Element properties = document.createElement("properties");
        Element property = document.createElement(name);
        property.setTextContent(value);
        properties.appendChild(property);
        document.getDocumentElement().appendChild(properties);
        return document.getDocumentElement();
    }

    private static final String JACOCO = plugin("org.jacoco", "jacoco-maven-plugin", "agent", "", "prepare-agent",
            "report");
    private static final String ENFORCER = plugin("org.apache.maven.plugins", "maven-enforcer-plugin", "enforce-java",
            "<rules><requireJavaVersion><version>17</version></requireJavaVersion></rules>", "enforce");
    private static final String SBOM = plugin("org.cyclonedx", "cyclonedx-maven-plugin", "sbom", "", "makeAggregateBom");
    private static final String GIT = plugin("io.github.git-commit-id", "git-commit-id-maven-plugin", "git", "",
            "revision");
    private static final String BUILD_NUMBER = plugin("org.codehaus.mojo", "buildnumber-maven-plugin", "bn", "",
            "create");

    @Test
    void aRoundLeavesOutTheKnownVerdictNeutralGoalsAndKeepsTheOtherGoalsOfTheirExecutions() throws Exception {
        Element plugins = plugins(JACOCO + ENFORCER + SBOM + GIT + BUILD_NUMBER, false);

        List<String> removed = RoundTrimming.forRounds(List.of()).apply(plugins);

        assertEquals(List.of("org.jacoco:jacoco-maven-plugin:prepare-agent (agent)",
                "org.apache.maven.plugins:maven-enforcer-plugin:enforce (enforce-java)",
                "org.cyclonedx:cyclonedx-maven-plugin:makeAggregateBom (sbom)",
                "io.github.git-commit-id:git-commit-id-maven-plugin:revision (git)",
                "org.codehaus.mojo:buildnumber-maven-plugin:create (bn)"), removed);
        assertEquals(1, plugins.getElementsByTagName("execution").getLength(), "only jacoco's execution keeps a goal");
        assertEquals("report", plugins.getElementsByTagName("goal").item(0).getTextContent());
        Element project = plugins.getOwnerDocument().getDocumentElement();
        assertEquals(1, project.getElementsByTagName("argLine").getLength(),
                "an empty argLine keeps surefire's @{argLine} resolvable without the agent");
    }

    @Test
    void theFinalCheckLeavesEverythingIn() throws Exception {
        Element plugins = plugins(JACOCO + ENFORCER + SBOM, false);

        assertEquals(List.of(), RoundTrimming.NONE.apply(plugins));
        assertEquals(3, plugins.getElementsByTagName("execution").getLength());
    }

    @Test
    void goalsWhoseOutputTheTestsCanReadStay() throws Exception {
        String gitFile = plugin("io.github.git-commit-id", "git-commit-id-maven-plugin", "git",
                "<generateGitPropertiesFile>true</generateGitPropertiesFile>", "revision");
        String sbomOnClassPath = plugin("org.cyclonedx", "cyclonedx-maven-plugin", "sbom",
                "<outputDirectory>" + CLASSES + "/META-INF/sbom</outputDirectory>", "makeAggregateBom");
        assertEquals(List.of(), RoundTrimming.forRounds(List.of()).apply(plugins(gitFile + sbomOnClassPath, false)));

        assertEquals(List.of("org.apache.maven.plugins:maven-enforcer-plugin:enforce (enforce-java)"),
                RoundTrimming.forRounds(List.of()).apply(plugins(GIT + BUILD_NUMBER + ENFORCER, true)),
                "filtered resources can carry git and build number properties");

        Element referenced = plugins(GIT, false);
        define(referenced, "app.version", "${git.commit.id.abbrev}");
        assertEquals(List.of(), RoundTrimming.forRounds(List.of()).apply(referenced));
    }

    @Test
    void theAgentsOwnPropertyIsDefinedOnlyWhenTheProjectHasNone() throws Exception {
        Element plugins = plugins(plugin("org.jacoco", "jacoco-maven-plugin", "agent",
                "<propertyName>coverageArgs</propertyName>", "prepare-agent"), false);
        Element project = define(plugins, "coverageArgs", "-Xmx256m");

        RoundTrimming.forRounds(List.of()).apply(plugins);

        assertEquals(1, project.getElementsByTagName("coverageArgs").getLength());
        assertEquals("-Xmx256m", project.getElementsByTagName("coverageArgs").item(0).getTextContent());
    }

    @Test
    void aProjectNamesMoreGoalsOrWholePlugins() throws Exception {
        String spotless = plugin("com.diffplug.spotless", "spotless-maven-plugin", "fmt", "", "check", "apply");
        String license = plugin("com.mycila", "license-maven-plugin", "headers", "", "check");
        Element plugins = plugins(spotless + license, false);

        List<String> removed = RoundTrimming.forRounds(RoundTrimming.parse(
                " com.diffplug.spotless:spotless-maven-plugin:check , com.mycila:license-maven-plugin ,")).apply(plugins);

        assertEquals(List.of("com.diffplug.spotless:spotless-maven-plugin:check (fmt)",
                "com.mycila:license-maven-plugin:check (headers)"), removed);
        assertEquals("apply", plugins.getElementsByTagName("goal").item(0).getTextContent());
    }

    @Test
    void aMalformedEntryIsRefusedNamingTheParameterAndTheEntry() {
        for (String entry : List.of("spotless", "a:b:c:d", "a::check", "a:b c")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RoundTrimming.parse("org.jacoco:jacoco-maven-plugin," + entry));
            assertTrue(e.getMessage().startsWith("roundSkips entry `" + entry + "` is not groupId:artifactId"),
                    e.getMessage());
        }
        assertEquals(new RoundTrimming.Goal("g", "a", Optional.of("x")), RoundTrimming.Goal.parse("g:a:x"));
    }
}

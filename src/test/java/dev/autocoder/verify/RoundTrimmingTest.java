package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Model;
import org.apache.maven.model.PluginExecution;
import org.junit.jupiter.api.Test;

class RoundTrimmingTest {

    private static final String CLASSES = "/p/target/classes";

    /** An effective POM's project with these plugins, and optionally a filtered resource folder. */
    private static Model plugins(String plugins, boolean filtered) {
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
        return PomModel.parse(xml);
    }

    /** Every execution left in the model's build plugins. */
    private static List<PluginExecution> executions(Model model) {
        return PomModel.plugins(model).stream().flatMap(plugin -> plugin.getExecutions().stream()).toList();
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

    /** Adds a project property. */
    private static void define(Model model, String name, String value) {
        model.getProperties().setProperty(name, value);
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
        Model plugins = plugins(JACOCO + ENFORCER + SBOM + GIT + BUILD_NUMBER, false);

        List<String> removed = RoundTrimming.forRounds(List.of()).apply(plugins);

        assertEquals(List.of("org.jacoco:jacoco-maven-plugin:prepare-agent (agent)",
                "org.apache.maven.plugins:maven-enforcer-plugin:enforce (enforce-java)",
                "org.cyclonedx:cyclonedx-maven-plugin:makeAggregateBom (sbom)",
                "io.github.git-commit-id:git-commit-id-maven-plugin:revision (git)",
                "org.codehaus.mojo:buildnumber-maven-plugin:create (bn)"), removed);
        assertEquals(1, executions(plugins).size(), "only jacoco's execution keeps a goal");
        assertEquals(List.of("report"), executions(plugins).get(0).getGoals());
        assertEquals("", plugins.getProperties().getProperty("argLine"),
                "an empty argLine keeps surefire's @{argLine} resolvable without the agent");
        assertTrue(PomModel.write(plugins).contains("<argLine></argLine>"), "and the module's POM defines it");
    }

    @Test
    void theFinalCheckLeavesEverythingIn() throws Exception {
        Model plugins = plugins(JACOCO + ENFORCER + SBOM, false);

        assertEquals(List.of(), RoundTrimming.NONE.apply(plugins));
        assertEquals(3, executions(plugins).size());
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

        Model referenced = plugins(GIT, false);
        define(referenced, "app.version", "${git.commit.id.abbrev}");
        assertEquals(List.of(), RoundTrimming.forRounds(List.of()).apply(referenced));
    }

    @Test
    void theAgentsOwnPropertyIsDefinedOnlyWhenTheProjectHasNone() throws Exception {
        Model plugins = plugins(plugin("org.jacoco", "jacoco-maven-plugin", "agent",
                "<propertyName>coverageArgs</propertyName>", "prepare-agent"), false);
        define(plugins, "coverageArgs", "-Xmx256m");

        RoundTrimming.forRounds(List.of()).apply(plugins);

        assertEquals("-Xmx256m", plugins.getProperties().getProperty("coverageArgs"));
        assertEquals(null, plugins.getProperties().getProperty("argLine"), "the agent's own property only");
    }

    @Test
    void aProjectNamesMoreGoalsOrWholePlugins() throws Exception {
        String spotless = plugin("com.diffplug.spotless", "spotless-maven-plugin", "fmt", "", "check", "apply");
        String license = plugin("com.mycila", "license-maven-plugin", "headers", "", "check");
        Model plugins = plugins(spotless + license, false);

        List<String> removed = RoundTrimming.forRounds(RoundTrimming.parse(
                " com.diffplug.spotless:spotless-maven-plugin:check , com.mycila:license-maven-plugin ,")).apply(plugins);

        assertEquals(List.of("com.diffplug.spotless:spotless-maven-plugin:check (fmt)",
                "com.mycila:license-maven-plugin:check (headers)"), removed);
        assertEquals(List.of(List.of("apply")), executions(plugins).stream().map(PluginExecution::getGoals).toList());
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

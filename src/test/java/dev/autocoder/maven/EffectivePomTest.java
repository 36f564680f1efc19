package dev.autocoder.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectivePomTest {

    @TempDir
    Path dir;

    /**
     * As Apache Commons Text's POM: RAT excludes two test data files by their paths. Made absolute,
     * RAT matched them against nothing, and every sub-build failed RAT as the project's own build.
     */
    @Test
    void anExcludeNamingAnExistingFileStaysAPatternWhileAFileSettingIsMadeAbsolute() throws Exception {
        Files.createDirectories(dir.resolve("src/test/resources"));
        Files.writeString(dir.resolve("src/test/resources/data.txt"), "no license header");
        Files.createDirectories(dir.resolve("src/conf"));
        Files.writeString(dir.resolve("src/conf/checkstyle.xml"), "<module name=\"Checker\"/>");
        Plugin rat = plugin("org.apache.rat", "apache-rat-plugin", "<configuration><excludes>"
                + "<exclude>src/test/resources/data.txt</exclude></excludes>"
                + "<includes><include>src/conf/checkstyle.xml</include></includes></configuration>");
        Plugin checkstyle = plugin("org.apache.maven.plugins", "maven-checkstyle-plugin",
                "<configuration><configLocation>src/conf/checkstyle.xml</configLocation></configuration>");
        Model model = new Model();
        model.setGroupId("org.example");
        model.setArtifactId("lib");
        model.setVersion("1");
        model.setBuild(new Build());
        model.getBuild().setPlugins(List.of(rat, checkstyle));
        MavenProject project = new MavenProject(model);
        project.setFile(dir.resolve("pom.xml").toFile());

        String pom = EffectivePom.write(project, List.of(project), "dev.autocoder:autocoder-maven-plugin:1");

        assertTrue(pom.contains("<exclude>src/test/resources/data.txt</exclude>"), pom);
        assertTrue(pom.contains("<include>src/conf/checkstyle.xml</include>"), pom);
        assertTrue(pom.contains("<configLocation>" + dir.resolve("src/conf/checkstyle.xml") + "</configLocation>"), pom);
    }

    /**
     * As Apache Commons' parent POM: build-helper's parse-version adds {@code javaTarget.qualifier?}
     * while the build runs, a name no XML element may have. Written into the sub-build's POM, it made
     * the POM unreadable and the whole plugin run crash.
     */
    @Test
    void aPropertyNoPomCanHoldIsLeftOutAndTheRestStay() throws Exception {
        Model model = new Model();
        model.setGroupId("org.example");
        model.setArtifactId("lib");
        model.setVersion("1");
        model.addProperty("javaTarget.qualifier?", "");
        model.addProperty("javaTarget.majorVersion", "1");
        model.addProperty("bell", "ring \u0007");
        model.addProperty("project.build.sourceEncoding", "ISO-8859-1");
        MavenProject project = new MavenProject(model);
        project.setFile(dir.resolve("pom.xml").toFile());

        String pom = EffectivePom.write(project, List.of(project), "dev.autocoder:autocoder-maven-plugin:1");

        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(pom)));
        assertTrue(pom.contains("<javaTarget.majorVersion>1</javaTarget.majorVersion>"), pom);
        assertTrue(pom.contains("<project.build.sourceEncoding>ISO-8859-1</project.build.sourceEncoding>"), pom);
        assertFalse(pom.contains("qualifier?"), pom);
        assertFalse(pom.contains("<bell>"), pom);
        assertTrue(project.getModel().getProperties().containsKey("javaTarget.qualifier?"),
                "the outer build's own model is untouched");
    }

    private static Plugin plugin(String group, String artifact, String configuration) throws Exception {
        Plugin plugin = new Plugin();
        plugin.setGroupId(group);
        plugin.setArtifactId(artifact);
        plugin.setVersion("1");
        plugin.setConfiguration(Xpp3DomBuilder.build(new java.io.StringReader(configuration)));
        return plugin;
    }
}

package dev.autocoder.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.core.AutocoderConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** How the mojo's inputs depend on the execution and on who runs the build. */
class PluginInputsTest {

    private static final Path TARGET = Path.of("/work/project/target");

    /** A mojo in an execution with the given id, in a build whose request has the system property. */
    @SuppressWarnings("deprecation")
    private static GenerateMojo mojo(String executionId, String systemProperty) {
        GenerateMojo mojo = new GenerateMojo(null, null, null);
        MavenProject project = new MavenProject();
        project.getModel().setBuild(new Build());
        project.getBuild().setDirectory(TARGET.toString());
        mojo.project = project;
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        if (systemProperty != null) {
            request.getSystemProperties().setProperty(systemProperty, "2.6.0");
        }
        mojo.session = new MavenSession(null, null, request, null);
        mojo.mojoExecution = new MojoExecution(new MojoDescriptor(), executionId);
        return mojo;
    }

    @Test
    void theDefaultExecutionWritesToTheUsualFoldersAndAnotherToItsOwn() {
        assertEquals(TARGET.resolve("generated-sources/autocoder"),
                new PluginInputs(mojo("default", null), null).outputDirectory());
        assertEquals(TARGET.resolve("generated-sources/autocoder"),
                new PluginInputs(mojo("default-cli", null), null).outputDirectory());
        assertEquals(TARGET.resolve("generated-test-sources/autocoder-second"),
                new PluginInputs(mojo("second", null), null).testOutputDirectory());
    }

    @Test
    void theSubBuildGetsTheProjectsJvmConfigWhenTheProjectHasOne(@TempDir Path root) throws Exception {
        GenerateMojo mojo = mojo("default", null);
        mojo.session.getRequest().setLocalRepositoryPath(root.resolve("repository").toFile());
        mojo.session.getRequest().setMultiModuleProjectDirectory(root.toFile());
        mojo.subBuildTimeoutSeconds = 300;

        assertNull(new PluginInputs(mojo, null).subBuildSettings().jvmConfig(), "no .mvn/jvm.config");
        assertNull(new PluginInputs(mojo, null).subBuildSettings().mvnFolder(), "no .mvn");
        Path jvmConfig = Files.writeString(Files.createDirectories(root.resolve(".mvn")).resolve("jvm.config"), "-Xss4m");
        assertEquals(jvmConfig, new PluginInputs(mojo, null).subBuildSettings().jvmConfig());
        assertEquals(root.resolve(".mvn"), new PluginInputs(mojo, null).subBuildSettings().mvnFolder(),
                "the folder whose extensions.xml the outer build loaded");
    }

    @Test
    void theSubBuildGetsTheSessionsUserPropertiesProfilesAndToolchains(@TempDir Path root) throws Exception {
        GenerateMojo mojo = mojo("default", null);
        MavenExecutionRequest request = mojo.session.getRequest();
        request.setLocalRepositoryPath(root.resolve("repository").toFile());
        request.setBaseDirectory(root.toFile());
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/checks.xml"), "<module/>");
        request.getUserProperties().setProperty("excludedGroups", "slow");
        request.getUserProperties().setProperty("checkstyle.config.location", "config/checks.xml");
        request.getUserProperties().setProperty("release.notes", "not/a/file.txt");
        request.addActiveProfile("ci");
        request.addInactiveProfile("local-db");
        Path toolchains = Files.writeString(root.resolve("toolchains.xml"), "<toolchains/>");
        request.setUserToolchainsFile(toolchains.toFile());
        request.setGlobalToolchainsFile(root.resolve("missing-toolchains.xml").toFile());
        mojo.subBuildTimeoutSeconds = 300;

        var session = new PluginInputs(mojo, null).subBuildSettings().session();

        assertEquals("slow", session.userProperties().get("excludedGroups"));
        assertEquals(root.resolve("config/checks.xml").toAbsolutePath().toString(),
                session.userProperties().get("checkstyle.config.location"), "the sub-build starts in another folder");
        assertEquals("not/a/file.txt", session.userProperties().get("release.notes"));
        assertEquals(java.util.List.of("ci"), session.activeProfiles());
        assertEquals(java.util.List.of("local-db"), session.inactiveProfiles());
        assertEquals(toolchains, session.userToolchains());
        assertNull(session.globalToolchains(), "Maven's default when the file does not exist");
    }

    @Test
    void aConfiguredOutputDirectoryWinsOverTheDefault() {
        GenerateMojo mojo = mojo("second", null);
        mojo.outputDirectory = new File("/elsewhere/gen");

        assertEquals(Path.of("/elsewhere/gen"), new PluginInputs(mojo, null).outputDirectory());
    }

    @Test
    void anEclipseBuildIsLockedUnlessTheGoalRunsByItselfOrTheModeIsSet() {
        assertEquals(Optional.of("m2e.version"), new PluginInputs(mojo("default", "m2e.version"), null).ideBuild());
        assertEquals(AutocoderConfig.Mode.LOCKED, new PluginInputs(mojo("default", "m2e.version"), null).mode());
        assertEquals(AutocoderConfig.Mode.LIVE, new PluginInputs(mojo("default-cli", "m2e.version"), null).mode());
        GenerateMojo explicit = mojo("default", "idea.version");
        explicit.mode = "record";
        assertEquals(AutocoderConfig.Mode.RECORD, new PluginInputs(explicit, null).mode());
    }

    @Test
    void anIntellijBuildIsLockedAndAPlainOneIsLive() {
        assertEquals(AutocoderConfig.Mode.LOCKED, new PluginInputs(mojo("default", "idea.version"), null).mode());
        assertEquals(AutocoderConfig.Mode.LIVE, new PluginInputs(mojo("default", null), null).mode());
    }

    @Test
    void thePluginJarTellsEclipseNotToRunTheGoalOnIncrementalBuilds() throws Exception {
        Document metadata;
        try (var in = PluginInputsTest.class.getResourceAsStream("/META-INF/m2e/lifecycle-mapping-metadata.xml")) {
            metadata = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }

        assertEquals("generate", metadata.getElementsByTagName("goal").item(0).getTextContent());
        assertEquals("false", metadata.getElementsByTagName("runOnIncremental").item(0).getTextContent());
        assertTrue(metadata.getElementsByTagName("runOnConfiguration").item(0).getTextContent().equals("true"));
    }
}

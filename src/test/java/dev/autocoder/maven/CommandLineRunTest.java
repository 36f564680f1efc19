package dev.autocoder.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.core.AutocoderConfig;
import dev.autocoder.state.Fingerprint;
import dev.autocoder.state.LockFile;
import dev.autocoder.verify.CodeUnit;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn autocoder:generate} in a POM that binds the goal: one execution is the run's own, with
 * its configuration, folders and lock entries; several make the user name one.
 */
@MojoTest
class CommandLineRunTest {

    private static final String PROMPT = "Write `com.example.Money`.";

    private final SettingsDecrypter decrypter = GenerateMojoTest.UNCALLED_DECRYPTER;

    @Inject
    private ProjectFixture fixture;

    @TempDir
    private Path dir;

    @Provides
    SettingsDecrypter decrypter() {
        return decrypter;
    }

    /** The project of a POM whose autocoder plugin has {@code executions}, run as execution {@code runAs}. */
    private void project(GenerateMojo mojo, String runAs, String executions) throws Exception {
        fixture.localRepository(dir.resolve("repository"));
        MavenProject project = fixture.build(ProjectFixture.write(dir.resolve("app/pom.xml"),
                ProjectFixture.pom("com.example", "app", "1.0", """
                        <build><plugins><plugin>
                          <groupId>dev.autocoder</groupId>
                          <artifactId>autocoder-maven-plugin</artifactId>
                          <version>0.1.0-SNAPSHOT</version>
                          <configuration><maxRetries>5</maxRetries><model>plugin-level</model></configuration>
                          <executions>%s</executions>
                        </plugin></plugins></build>
                        """.formatted(executions))));
        mojo.project = project;
        mojo.session = fixture.session(project);
        mojo.specDirectory = new File(project.getBasedir(), "src/main/autocoder");
        mojo.mojoExecution = new MojoExecution(mojo.mojoExecution.getMojoDescriptor(), runAs);
    }

    private static String execution(String id, String configuration) {
        return "<execution><id>" + id + "</id><goals><goal>generate</goal></goals><configuration>" + configuration
                + "</configuration></execution>";
    }

    private static final String AUTOCODER = execution("autocoder",
            "<prompt>" + PROMPT + "</prompt><maxDepth>4</maxDepth><model>execution-level</model>");

    @Test
    @InjectMojo(goal = "generate")
    void theCommandLineRunIsThePomsOneExecutionWithItsConfigurationAndFolders(GenerateMojo mojo) throws Exception {
        project(mojo, "default-cli", AUTOCODER);

        Optional<CommandLineRun.Shared> shared = CommandLineRun.shared(mojo.project, mojo.mojoExecution);
        assertEquals("autocoder", shared.orElseThrow().id());
        CommandLineRun.configure(mojo, shared.get(), lookupConfigurator(mojo));

        assertEquals(PROMPT, mojo.prompt);
        assertEquals(4, mojo.maxDepth);
        assertEquals("execution-level", mojo.model, "the execution's value over the plugin-level one");
        assertEquals(5, mojo.maxRetries, "the plugin-level value where the execution sets none");
        PluginInputs inputs = new PluginInputs(mojo, decrypter, shared.get().id());
        File target = new File(mojo.project.getBuild().getDirectory());
        assertEquals(new File(target, "generated-sources/autocoder-autocoder").toPath(), inputs.outputDirectory());
        assertEquals(new File(target, "generated-test-sources/autocoder-autocoder").toPath(),
                inputs.testOutputDirectory());
        AutocoderConfig config = inputs.config();
        assertEquals("autocoder", config.executionKey(), "the bound execution's lock entries");
        assertEquals("autocoder", config.executionId(), "and its state folder");
        assertEquals(Optional.empty(), inputs.ideBuild(), "still the user's own run, never an IDE's");
    }

    @Test
    @InjectMojo(goal = "generate")
    void aPropertyOnTheCommandLineWinsOverTheExecution(GenerateMojo mojo) throws Exception {
        project(mojo, "default-cli", AUTOCODER);
        mojo.session.getUserProperties().setProperty("autocoder.maxDepth", "7");
        mojo.maxDepth = 7;

        CommandLineRun.configure(mojo, CommandLineRun.shared(mojo.project, mojo.mojoExecution).orElseThrow(),
                lookupConfigurator(mojo));

        assertEquals(7, mojo.maxDepth);
        assertEquals(PROMPT, mojo.prompt);
    }

    @Test
    @InjectMojo(goal = "generate")
    void anExecutionWithoutGoalsCountsAsOne(GenerateMojo mojo) throws Exception {
        project(mojo, "default-cli", "<execution><id>only</id><configuration><maxDepth>2</maxDepth></configuration>"
                + "</execution>");

        assertEquals("only", CommandLineRun.shared(mojo.project, mojo.mojoExecution).orElseThrow().id());
    }

    @Test
    @InjectMojo(goal = "generate")
    void aBoundRunAndAPomWithoutExecutionsAreLeftAsThey(GenerateMojo mojo) throws Exception {
        project(mojo, "autocoder", AUTOCODER + execution("second", "<maxDepth>2</maxDepth>"));
        assertEquals(Optional.empty(), CommandLineRun.shared(mojo.project, mojo.mojoExecution),
                "a bound run, or one named with @id, is its own execution");

        project(mojo, "default-cli", "");
        assertEquals(Optional.empty(), CommandLineRun.shared(mojo.project, mojo.mojoExecution));
        assertEquals("default", new PluginInputs(mojo, decrypter).config().executionKey());
    }

    @Test
    @InjectMojo(goal = "generate")
    void aDeclaredDefaultCliExecutionIsTheCommandLineRunsOwn(GenerateMojo mojo) throws Exception {
        project(mojo, "default-cli", AUTOCODER + execution("default-cli", "<maxDepth>2</maxDepth>"));

        assertEquals(Optional.empty(), CommandLineRun.shared(mojo.project, mojo.mojoExecution),
                "Maven configured the run with it already");
    }

    @Test
    @InjectMojo(goal = "generate")
    void withSeveralExecutionsTheCommandLineRunNamesThemAndGeneratesNothing(GenerateMojo mojo) throws Exception {
        project(mojo, "default-cli", AUTOCODER + execution("second", "<maxDepth>2</maxDepth>"));

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().startsWith("mvn autocoder:generate does not know which execution to run:"
                + " app's POM declares 2 executions of autocoder:generate (`autocoder`, `second`)"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("Run one by its id: mvn autocoder:generate@autocoder or"
                + " mvn autocoder:generate@second"), failure.getMessage());
        assertTrue(mojo.project.getCompileSourceRoots().stream().noneMatch(root -> root.contains("autocoder")),
                mojo.project.getCompileSourceRoots().toString());
        assertFalse(new File(mojo.project.getBuild().getDirectory()).exists(), "nothing was written");
        assertNull(mojo.prompt, "nor configured");
    }

    /** A lock file with one task under {@code execution}, as a run of that execution writes it. */
    private Path lockWith(String... executions) throws Exception {
        Path file = dir.resolve("app/src/main/autocoder/autocoder.lock.json");
        LockFile lock = LockFile.empty();
        for (String execution : executions) {
            lock = lock.with(LockFile.Entry.of(execution, "greeting", Fingerprint.builder().put("spec", "s").build(),
                    Fingerprint.builder().put("java", "17").build(), List.of(new CodeUnit("", "G", "class G {}", false))));
        }
        Files.createDirectories(file.getParent());
        lock.write(file);
        return file;
    }

    private static List<String> executionsIn(Path lockFile) throws Exception {
        return LockFile.read(lockFile).entries().stream().map(LockFile.Entry::execution).toList();
    }

    @Test
    @InjectMojo(goal = "generate")
    void entriesTheCommandLineWroteAsDefaultBelongToThePomsOneExecution(GenerateMojo mojo) throws Exception {
        project(mojo, "autocoder", AUTOCODER);
        Path lock = lockWith("default");

        assertEquals(List.of("greeting"), CommandLineRun.adoptCommandLineEntries(mojo.project,
                mojo.mojoExecution.getMojoDescriptor(), "autocoder", lock));
        assertEquals(List.of("autocoder"), executionsIn(lock));
        assertEquals(List.of(), CommandLineRun.adoptCommandLineEntries(mojo.project,
                mojo.mojoExecution.getMojoDescriptor(), "autocoder", lock), "once");
    }

    @Test
    @InjectMojo(goal = "generate")
    void defaultEntriesStayWhereTheyMayBeAnotherExecutionsOwn(GenerateMojo mojo) throws Exception {
        project(mojo, "autocoder", AUTOCODER + execution("second", "<maxDepth>2</maxDepth>"));
        Path lock = lockWith("default");
        assertEquals(List.of(), CommandLineRun.adoptCommandLineEntries(mojo.project,
                mojo.mojoExecution.getMojoDescriptor(), "autocoder", lock), "two executions: whose is unknown");

        project(mojo, "autocoder", AUTOCODER);
        lock = lockWith("autocoder", "default");
        assertEquals(List.of(), CommandLineRun.adoptCommandLineEntries(mojo.project,
                mojo.mojoExecution.getMojoDescriptor(), "autocoder", lock), "the execution has entries of its own");
        assertEquals(List.of("autocoder", "default"), executionsIn(lock));
    }

    private static org.codehaus.plexus.component.configurator.ComponentConfigurator lookupConfigurator(
            GenerateMojo mojo) throws IllegalAccessException {
        return org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject(mojo, "configurator");
    }
}

package dev.autocoder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.report.PriceTable;
import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.ItSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run refuses to send: a spec's secret-looking context file, and any request quoting the key. */
class ContextDisclosureTest {

    @TempDir
    Path dir;

    private TinyProject project;

    @BeforeEach
    void writeASpecNamingTheDotEnvFile() throws Exception {
        project = TinyProject.create(dir, "alpha");
        Files.writeString(dir.resolve("src/main/autocoder/alpha.md"), "---\ncontext: .env\n---\nWrite `tiny.Alpha`.\n");
        Files.writeString(dir.resolve(".env"), "OPENAI_API_KEY=" + TinyProject.KEY + "\n");
    }

    @Test
    void aSpecNamingDotEnvStopsTheRunBeforeAnyRequest() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(TinyProject.answerEverything())) {
            ConfigurationException failure = assertThrows(ConfigurationException.class,
                    () -> project.run(server.baseUrl(), new CollectingRunLog()));

            assertTrue(failure.getMessage().startsWith("context file '.env' is not sent to the model"),
                    failure.getMessage());
            assertTrue(failure.getMessage().contains("<allowContextFiles><file>.env</file></allowContextFiles>"),
                    failure.getMessage());
            assertEquals(0, server.requestCount());
        }
    }

    @Test
    void anAllowedFileThatQuotesTheKeyIsStillNeverSent() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(TinyProject.answerEverything())) {
            AutocoderConfig config = project.config(server.baseUrl());
            AutocoderConfig.Paths paths = config.paths();
            AutocoderConfig allowing = new AutocoderConfig(new AutocoderConfig.Paths(paths.baseDirectory(),
                    paths.specDirectory(), paths.specDirectoryExplicit(), paths.outputDirectory(),
                    paths.testOutputDirectory(), paths.stateDirectory(), paths.lockFile(), paths.cassette(),
                    paths.checkstyleConfig(), Set.of(".env")), config.model(), config.limits(), config.prompt(),
                    config.answers(), config.force(), config.executionId(), config.pluginVersion());

            TasksFailedException failure = assertThrows(TasksFailedException.class, () -> new Autocoder(allowing, project.layout(),
                    TinyProject.subBuild(), new CollectingRunLog(), Optional.empty(), PriceTable.defaults()).run());

            assertTrue(failure.getMessage().contains("message contains the API key"), failure.getMessage());
            assertFalse(failure.getMessage().contains(TinyProject.KEY), failure.getMessage());
            assertEquals(0, server.requestCount());
            assertEquals(List.of(), ItSupport.filesContaining(dir.resolve("target").toFile(), TinyProject.KEY),
                    "nor does the refused request reach the state or the journal");
        }
    }
}

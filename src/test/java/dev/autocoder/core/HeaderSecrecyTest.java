package dev.autocoder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.model.Provider;
import dev.autocoder.model.RequestHeaders;
import dev.autocoder.report.PriceTable;
import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import dev.autocoder.testing.ItSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run against an Azure-style endpoint that demands an {@code api-key} header: the header
 * reaches every request, and neither its value nor the key reaches a file or a log line.
 */
class HeaderSecrecyTest {

    private static final String AZURE_KEY = "azure-it-SECRET-3e1f0a";

    @TempDir
    Path dir;

    @Test
    void theApiKeyHeaderReachesEveryRequestAndNoFileOrLogLine() throws Exception {
        TinyProject project = TinyProject.create(dir, "alpha");
        // Replies without code: the task runs its conversation, journal, state and report, but no sub-build.
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("Here is my plan, no code yet.").always())
                .requireHeader("api-key", AZURE_KEY)) {
            AutocoderConfig config = project.config(server.baseUrl());
            AutocoderConfig.ModelOptions m = config.model();
            AutocoderConfig.ModelOptions withHeader = new AutocoderConfig.ModelOptions(m.baseUrl(), m.modelName(),
                    m.apiKey(), m.timeoutSeconds(), m.maxRetries(), m.retryBaseSeconds(), m.retryMaxSeconds(),
                    m.maxConcurrentRequests(), m.maxModelCalls(), m.maxTokens(), m.maxPromptTokens(), m.mode(),
                    RequestHeaders.of(Map.of("api-key", AZURE_KEY)), Optional.empty(), Provider.OPENAI);
            AutocoderConfig azure = new AutocoderConfig(config.paths(), withHeader, config.limits(), config.prompt(),
                    config.answers(), config.force(), config.executionId(), config.pluginVersion());
            CollectingRunLog log = new CollectingRunLog();

            assertThrows(TasksFailedException.class, () -> new Autocoder(azure, project.layout(),
                    TinyProject.subBuild(), log, Optional.empty(), PriceTable.defaults()).run());

            assertTrue(server.requestCount() > 1, "requests: " + server.requestCount());
            assertTrue(server.requests().stream().allMatch(request -> AZURE_KEY.equals(request.header("api-key"))));
            assertEquals(List.of(), ItSupport.filesContaining(dir.toFile(), AZURE_KEY));
            assertEquals(List.of(), ItSupport.filesContaining(dir.toFile(), TinyProject.KEY));
            assertTrue(Files.isRegularFile(project.stateDirectory().resolve("report.json")), "the run wrote its files");
            assertTrue(Files.isRegularFile(project.stateDirectory().resolve("default/journal.jsonl")));
            assertFalse(log.contains(AZURE_KEY), log.text());
            assertFalse(azure.toString().contains(AZURE_KEY), azure.toString());
        }
    }
}

package dev.autocoder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.model.ModelException;
import dev.autocoder.state.LockFile;
import dev.autocoder.testing.FakeOpenAiServer;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A spent budget stops a run cleanly: work kept, spending reported, the next run continues. */
class AutocoderBudgetIT {

    @RegisterExtension
    final TinyProjectExtension tiny = new TinyProjectExtension();

    @Test
    void aSpentCallBudgetStopsTheRunWithStateSavedAndTheNextRunContinues() throws Exception {
        FakeOpenAiServer server = tiny.serve(TinyProject.answerEverything());
        TinyProject project = tiny.project("alpha", "beta");
        CollectingRunLog log = new CollectingRunLog();

        ModelException stopped = assertThrows(ModelException.class,
                () -> project.run(withCallBudget(project.config(server.baseUrl()), 2), log));

        assertEquals(ModelException.Kind.BUDGET_EXHAUSTED, stopped.kind());
        assertTrue(stopped.getMessage().contains("the budget of 2 model calls is spent"), stopped.getMessage());
        assertEquals(2, server.requestCount(), "alpha's code and review; beta's request was never sent");
        assertTrue(Files.readString(project.stateFile("alpha")).contains("VERIFIED"));
        assertTrue(Files.isRegularFile(project.output("Alpha")), "verified work is written, not lost");
        assertTrue(log.contains("1/2 verified"), "the summary shows what was spent and what remains:\n" + log.text());
        assertEquals(List.of("alpha"), LockFile.read(project.lockFile()).entries().stream().map(LockFile.Entry::task)
                .toList(), "alpha was locked the moment it verified");

        CollectingRunLog next = new CollectingRunLog();
        project.run(server.baseUrl(), next);

        assertEquals(4, server.requestCount(), "only beta's code and review were asked for");
        assertTrue(Files.isRegularFile(project.output("Beta")));
    }

    private static AutocoderConfig withCallBudget(AutocoderConfig config, long calls) {
        AutocoderConfig.ModelOptions m = config.model();
        AutocoderConfig.ModelOptions budgeted = new AutocoderConfig.ModelOptions(m.baseUrl(), m.modelName(),
                m.apiKey(), m.timeoutSeconds(), m.maxRetries(), m.retryBaseSeconds(),
                m.retryMaxSeconds(), m.maxConcurrentRequests(), calls, m.maxTokens(), m.maxPromptTokens(), m.mode());
        return new AutocoderConfig(config.paths(), budgeted, config.limits(), config.prompt(), config.answers(),
                config.force(), config.executionId(), config.pluginVersion());
    }
}

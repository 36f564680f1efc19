package dev.autocoder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.model.Provider;
import dev.autocoder.model.RequestHeaders;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutocoderConfigTest {

    @Test
    void roundSkipsAreReadAndAMalformedEntryIsRefusedNamingTheParameterAndTheEntry() {
        AutocoderConfig.Rounds rounds = AutocoderConfig.Rounds.parse(
                "com.diffplug.spotless:spotless-maven-plugin:check, com.mycila:license-maven-plugin", true);
        assertEquals("[com.diffplug.spotless:spotless-maven-plugin:check, com.mycila:license-maven-plugin]",
                rounds.roundSkips().toString());
        assertTrue(rounds.profile());
        assertEquals(java.util.List.of(), AutocoderConfig.Rounds.parse(null, false).roundSkips());

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> AutocoderConfig.Rounds.parse("org.jacoco:jacoco-maven-plugin,spotless", false));
        assertEquals("roundSkips", e.parameter());
        assertTrue(e.getMessage().contains("roundSkips entry `spotless` is not groupId:artifactId"), e.getMessage());
    }

    @Test
    void zeroOrNegativeLimitsNameTheParameter() {
        assertEquals("maxDepth", assertThrows(ConfigurationException.class,
                () -> new AutocoderConfig.Limits(0, 10, 2, 1, 60, 100)).parameter());
        assertEquals("maxConversationLength", assertThrows(ConfigurationException.class,
                () -> new AutocoderConfig.Limits(10, 2, 2, 1, 60, 100)).parameter());
        assertEquals("parallelism", assertThrows(ConfigurationException.class,
                () -> new AutocoderConfig.Limits(10, 10, 2, 0, 60, 100)).parameter());
        assertEquals("subBuildTimeoutSeconds", assertThrows(ConfigurationException.class,
                () -> new AutocoderConfig.Limits(10, 10, 2, 1, 0, 100)).parameter());
        assertEquals("maxRetries", assertThrows(ConfigurationException.class,
                () -> new AutocoderConfig.ModelOptions(URI.create("http://h/v1"), "m", Optional.empty(), 30, -1,
                        1, 2, 1, 0, 0, 0, AutocoderConfig.Mode.LIVE)).parameter());
        assertEquals("retryMaxSeconds", assertThrows(ConfigurationException.class,
                () -> new AutocoderConfig.ModelOptions(URI.create("http://h/v1"), "m", Optional.empty(), 30, 1,
                        5, 2, 1, 0, 0, 0, AutocoderConfig.Mode.LIVE)).parameter());
        assertEquals("maxPromptTokens", assertThrows(ConfigurationException.class,
                () -> new AutocoderConfig.ModelOptions(URI.create("http://h/v1"), "m", Optional.empty(), 30, 1,
                        1, 2, 1, 0, 0, 10, AutocoderConfig.Mode.LIVE)).parameter());
    }

    @Test
    void maxPromptTokensFollowsTheModelUnlessSet() {
        assertEquals(100_000, options("gpt-4o-mini", 0).effectiveMaxPromptTokens());
        assertEquals(8_000, options("qwen2.5-coder:14b", 0).effectiveMaxPromptTokens());
        assertEquals(12_000, options("qwen2.5-coder:14b", 12_000).effectiveMaxPromptTokens());
    }

    private static AutocoderConfig.ModelOptions options(String model, int maxPromptTokens) {
        return new AutocoderConfig.ModelOptions(URI.create("http://h/v1"), model, Optional.empty(), 30, 1, 1, 2, 1, 0,
                0, maxPromptTokens, AutocoderConfig.Mode.LIVE);
    }

    private static AutocoderConfig.ModelOptions ollama(String baseUrl, int maxPromptTokens, int numCtx) {
        return new AutocoderConfig.ModelOptions(URI.create(baseUrl), "qwen2.5-coder:14b", Optional.empty(), 600, 1, 1,
                2, 1, 0, 0, maxPromptTokens, AutocoderConfig.Mode.LIVE, RequestHeaders.none(), Optional.empty(),
                Provider.OLLAMA, numCtx);
    }

    @Test
    void withOllamaThePromptFitsThreeQuartersOfTheContextWindowItAsksFor() {
        assertEquals(16_384, ollama("http://localhost:11434", 0, 0).contextSize());
        assertEquals(12_288, ollama("http://localhost:11434", 0, 0).effectiveMaxPromptTokens());
        assertEquals(24_576, ollama("http://localhost:11434", 0, 32_768).effectiveMaxPromptTokens());
        assertEquals(20_000, ollama("http://localhost:11434", 20_000, 32_768).effectiveMaxPromptTokens());
        assertNull(options("gpt-4o-mini", 0).contextSize(), "an OpenAI endpoint fixes its own window");
    }

    @Test
    void aContextWindowThatCannotWorkNamesTheParameterAtFault() {
        ConfigurationException notOllama = assertThrows(ConfigurationException.class,
                () -> new AutocoderConfig.ModelOptions(URI.create("http://localhost:11434/v1"), "m", Optional.empty(),
                        30, 1, 1, 2, 1, 0, 0, 0, AutocoderConfig.Mode.LIVE, RequestHeaders.none(), Optional.empty(),
                        Provider.OPENAI, 16_384));
        ConfigurationException tiny = assertThrows(ConfigurationException.class,
                () -> ollama("http://localhost:11434", 0, 512));
        ConfigurationException promptTooBig = assertThrows(ConfigurationException.class,
                () -> ollama("http://localhost:11434", 20_000, 0));
        ConfigurationException openAiPath = assertThrows(ConfigurationException.class,
                () -> ollama("http://localhost:11434/v1", 0, 0));

        assertEquals("numCtx", notOllama.parameter());
        assertTrue(notOllama.getMessage().contains("OLLAMA_CONTEXT_LENGTH"), notOllama.getMessage());
        assertEquals("numCtx", tiny.parameter());
        assertEquals("maxPromptTokens", promptTooBig.parameter());
        assertTrue(promptTooBig.getMessage().contains("below numCtx (16384)"), promptTooBig.getMessage());
        assertEquals("baseUrl", openAiPath.parameter());
        assertTrue(openAiPath.getMessage().contains("drop the /v1"), openAiPath.getMessage());
    }

    @Test
    void anUnknownProviderNamesTheThree() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> AutocoderConfig.parseProvider("gemini"));

        assertEquals("provider", error.parameter());
        assertTrue(error.getMessage().contains("anthropic or ollama"), error.getMessage());
        assertEquals(Provider.OLLAMA, AutocoderConfig.parseProvider(" Ollama "));
    }

    @Test
    void aMalformedBaseUrlIsRefusedWithAnExample() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> AutocoderConfig.parseBaseUrl("localhost:11434"));

        assertEquals("baseUrl", error.parameter());
        assertTrue(error.getMessage().contains("http://localhost:11434/v1"));
    }

    @Test
    void aTrailingSlashOnTheBaseUrlIsDropped() {
        assertEquals(URI.create("https://api.openai.com/v1"), AutocoderConfig.parseBaseUrl(" https://api.openai.com/v1/ "));
    }

    @Test
    void reverifyIsCompileOrTestsAndAnythingElseNamesTheParameter() {
        assertEquals(AutocoderConfig.Reverify.COMPILE, AutocoderConfig.Reverify.parse(" compile "));
        assertEquals(AutocoderConfig.Reverify.TESTS, AutocoderConfig.Reverify.parse("TESTS"));
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> AutocoderConfig.Reverify.parse("full"));

        assertEquals("reverify", error.parameter());
        assertTrue(error.getMessage().contains("`full` is not a value of reverify; use compile"), error.getMessage());
        assertEquals(AutocoderConfig.Reverify.COMPILE, Configs.withSpecs(Path.of("/p/specs"), false).reverify(),
                "compile by default");
    }

    @Test
    void anUnknownModeNamesTheChoices() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> AutocoderConfig.Mode.parse("playback"));

        assertEquals("mode", error.parameter());
        assertTrue(error.getMessage().contains("live, record, replay or locked"));
    }

    @Test
    void theModelOptionsTextNeverShowsTheKey() {
        AutocoderConfig.ModelOptions options = new AutocoderConfig.ModelOptions(URI.create("http://h/v1"), "m",
                Optional.of("sk-secret-123"), 30, 1, 1, 2, 1, 0, 0, 0, AutocoderConfig.Mode.LIVE);

        assertFalse(options.toString().contains("sk-secret-123"));
    }
}

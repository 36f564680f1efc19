package dev.autocoder.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.core.AutocoderConfig;
import dev.autocoder.model.TokenUsage;
import java.io.File;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class GenerateMojoTest {

    /** A decrypter for tests whose settings.xml has nothing encrypted. */
    static final SettingsDecrypter UNCALLED_DECRYPTER = new SettingsDecrypter() {
        @Override
        public SettingsDecryptionResult decrypt(SettingsDecryptionRequest request) {
            throw new UnsupportedOperationException("not called by these tests");
        }
    };

    private final SettingsDecrypter decrypter = UNCALLED_DECRYPTER;

    @Inject
    private ProjectFixture fixture;

    @TempDir
    private Path dir;

    @Provides
    SettingsDecrypter decrypter() {
        return decrypter;
    }

    @Test
    @InjectMojo(goal = "generate")
    void defaultsAreTheDocumentedOnes(GenerateMojo mojo) {
        File base = mojo.project.getBasedir();
        File target = new File(mojo.project.getBuild().getDirectory());
        assertNull(mojo.model, "the provider's default: gpt-4o-mini, claude-sonnet-4-5 or qwen2.5-coder:7b");
        assertEquals("https://api.openai.com/v1", mojo.baseUrl);
        assertEquals("openai", mojo.provider);
        assertNull(mojo.mode, "live, or locked in an IDE's build: decided when the goal runs");
        assertEquals("compile", mojo.reverify);
        assertEquals(10, mojo.maxDepth);
        assertEquals(10, mojo.maxConversationLength);
        assertEquals(2, mojo.maxQuestionRounds);
        assertEquals(3, mojo.maxRetries);
        assertEquals(1.5, mojo.retryBaseSeconds);
        assertNull(mojo.timeoutSeconds, "the provider's default: 180 s, 600 s for ollama");
        assertNull(mojo.numCtx);
        assertEquals(300, mojo.subBuildTimeoutSeconds);
        assertEquals(24000, mojo.contextBudget);
        assertEquals(0, mojo.maxModelCalls);
        assertNull(mojo.parallelism);
        assertNull(mojo.apiKey);
        assertFalse(mojo.skip);
        assertTrue(mojo.checkDependents, "the final check builds the modules that depend on this one");
        assertTrue(mojo.warmMaven, "sub-builds run in a warm Maven");
        PluginInputs inputs = new PluginInputs(mojo, decrypter);
        assertEquals(new File(target, "generated-sources/autocoder").toPath(), inputs.outputDirectory());
        assertEquals(new File(target, "generated-test-sources/autocoder").toPath(), inputs.testOutputDirectory());
        assertEquals(new File(target, "autocoder"), mojo.stateDirectory);
        assertEquals(new File(base, "src/main/autocoder"), mojo.specDirectory);
        assertEquals(new File(base, "src/main/autocoder/autocoder.lock.json"), mojo.lockFile);
    }

    @Test
    @InjectMojo(goal = "generate")
    @MojoParameter(name = "maxDepth", value = "3")
    @MojoParameter(name = "model", value = "qwen2.5-coder:14b")
    void configuredValuesOverrideTheDefaults(GenerateMojo mojo) {
        assertEquals(3, mojo.maxDepth);
        assertEquals("qwen2.5-coder:14b", mojo.model);
    }

    @Test
    @InjectMojo(goal = "generate")
    @MojoParameter(name = "warmMaven", value = "false")
    void warmMavenFalseStartsMavenForEachSubBuild(GenerateMojo mojo) {
        mojo.session.getRequest().setLocalRepositoryPath(new File(mojo.project.getBuild().getDirectory(), "repository"));

        assertFalse(new PluginInputs(mojo, decrypter).subBuildSettings().warmMaven());
        mojo.warmMaven = true;
        assertTrue(new PluginInputs(mojo, decrypter).subBuildSettings().warmMaven());
    }

    @Test
    @InjectMojo(goal = "generate")
    void settingsDecrypterArrivesThroughTheConstructor(GenerateMojo mojo) throws IllegalAccessException {
        SettingsDecrypter injected = MojoExtension.getVariableValueFromObject(mojo, "decrypter");
        assertSame(decrypter, injected);
    }

    @Test
    @InjectMojo(goal = "generate")
    @MojoParameter(name = "mode", value = "rewind")
    void ownParameterIsNamedWithItsProperty(GenerateMojo mojo) {
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("<mode> (-Dautocoder.mode): `rewind` is not a mode; use live, record, replay or locked",
                failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate")
    @MojoParameter(name = "reverify", value = "always")
    void anUnknownReverifyValueIsNamedWithItsPropertyAndTheChoices(GenerateMojo mojo) {
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("<reverify> (-Dautocoder.reverify): `always` is not a value of reverify; use compile (the"
                + " default: compile the locked code with the changed project, no sub-build) or tests (run the"
                + " project's whole build and test suite with it in a sub-build)", failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate")
    @MojoParameter(name = "reverify", value = "Tests")
    void reverifyTestsIsReadWhateverItsCase(GenerateMojo mojo) throws Exception {
        withoutSettings(mojo);
        assertEquals(AutocoderConfig.Reverify.TESTS, new PluginInputs(mojo, decrypter).config().reverify());
    }

    @Test
    @InjectMojo(goal = "generate")
    @MojoParameter(name = "provider", value = "bedrock")
    void anUnknownProviderIsNamedWithTheOnesThatExist(GenerateMojo mojo) {
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("<provider> (-Dautocoder.provider): `bedrock` is not a provider; use openai (OpenAI and every"
                + " OpenAI-compatible endpoint), anthropic or ollama", failure.getMessage());
    }

    /** A command-line run in a session whose settings.xml is empty, as on a machine without one. */
    private static void withoutSettings(GenerateMojo mojo) {
        mojo.session = new MavenSession(null, null, new DefaultMavenExecutionRequest(),
                new DefaultMavenExecutionResult());
        mojo.mojoExecution = new MojoExecution(mojo.mojoExecution.getMojoDescriptor(), "default-cli");
    }

    @Test
    @InjectMojo(goal = "generate")
    @MojoParameter(name = "provider", value = "ollama")
    void providerOllamaBringsItsOwnDefaultsAndNeedsNoKey(GenerateMojo mojo) {
        withoutSettings(mojo);
        PluginInputs inputs = new PluginInputs(mojo, decrypter);
        AutocoderConfig.ModelOptions model = inputs.config().model();

        assertEquals("qwen2.5-coder:7b", model.modelName());
        assertEquals(URI.create("http://localhost:11434"), model.baseUrl());
        assertEquals(600, model.timeoutSeconds());
        assertEquals(16_384, model.contextSize());
        assertEquals(12_288, model.effectiveMaxPromptTokens());
        assertEquals(0, BigDecimal.ZERO.compareTo(inputs.prices(model.provider()).cost("qwen2.5-coder:7b",
                new TokenUsage(1_000_000, 1_000_000)).orElseThrow()), "a local model costs nothing");
    }

    @Test
    @InjectMojo(goal = "generate")
    void withoutAModelEachProviderAsksForItsOwnDefault(GenerateMojo mojo) {
        withoutSettings(mojo);

        assertEquals("gpt-4o-mini", new PluginInputs(mojo, decrypter).config().model().modelName());
        mojo.provider = "anthropic";
        assertEquals("claude-sonnet-4-5", new PluginInputs(mojo, decrypter).config().model().modelName());
    }

    @Test
    @InjectMojo(goal = "generate")
    @MojoParameter(name = "provider", value = "ollama")
    @MojoParameter(name = "numCtx", value = "32768")
    @MojoParameter(name = "timeoutSeconds", value = "900")
    void ollamasContextWindowAndTimeoutAreSetFromThePom(GenerateMojo mojo) {
        withoutSettings(mojo);
        AutocoderConfig.ModelOptions model = new PluginInputs(mojo, decrypter).config().model();

        assertEquals(32_768, model.contextSize());
        assertEquals(24_576, model.effectiveMaxPromptTokens());
        assertEquals(900, model.timeoutSeconds());
    }

    @Test
    @InjectMojo(goal = "generate")
    @MojoParameter(name = "numCtx", value = "32768")
    void numCtxOnAnOpenAiEndpointIsRefusedSayingWhereTheWindowIsSet(GenerateMojo mojo) {
        withoutSettings(mojo);
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().startsWith("<numCtx> (-Dautocoder.numCtx): numCtx applies to provider"
                + " ollama only"), failure.getMessage());
        assertTrue(failure.getMessage().contains("OLLAMA_CONTEXT_LENGTH"), failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate")
    void aParameterWithoutPropertyIsNamedAlone(GenerateMojo mojo) {
        mojo.headers = Map.of("Authorization", "Bearer sk-header-SECRET-1");

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().startsWith("<headers>: the Authorization header carries the API key"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains("sk-header-SECRET-1"), failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate")
    void anotherPluginsParameterIsNamedWithoutAnAutocoderProperty(GenerateMojo mojo) throws Exception {
        fixture.localRepository(dir.resolve("repository"));
        MavenProject project = fixture.build(ProjectFixture.write(dir.resolve("pom.xml"),
                ProjectFixture.pom("com.example", "app", "1.0", """
                        <build><plugins><plugin>
                          <artifactId>maven-compiler-plugin</artifactId>
                          <version>3.14.0</version>
                          <configuration><annotationProcessorPaths><path>
                            <groupId>org.projectlombok</groupId><artifactId>lombok</artifactId>
                          </path></annotationProcessorPaths></configuration>
                        </plugin></plugins></build>
                        """)));
        mojo.project = project;
        mojo.session = fixture.session(project);
        mojo.specDirectory = new File(project.getBasedir(), "src/main/autocoder");
        mojo.mojoExecution = new MojoExecution(mojo.mojoExecution.getMojoDescriptor(), "default");

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().startsWith("maven-compiler-plugin <annotationProcessorPaths>: "
                + "org.projectlombok:lombok has no <version>"), failure.getMessage());
    }
}

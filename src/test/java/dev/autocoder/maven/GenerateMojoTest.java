package dev.autocoder.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
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

    private final SettingsDecrypter decrypter = new SettingsDecrypter() {
        @Override
        public SettingsDecryptionResult decrypt(SettingsDecryptionRequest request) {
            throw new UnsupportedOperationException("not called by these tests");
        }
    };

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
        assertEquals("gpt-4o-mini", mojo.model);
        assertEquals("https://api.openai.com/v1", mojo.baseUrl);
        assertEquals("openai", mojo.provider);
        assertNull(mojo.mode, "live, or locked in an IDE's build: decided when the goal runs");
        assertEquals(10, mojo.maxDepth);
        assertEquals(10, mojo.maxConversationLength);
        assertEquals(2, mojo.maxQuestionRounds);
        assertEquals(3, mojo.maxRetries);
        assertEquals(1.5, mojo.retryBaseSeconds);
        assertEquals(180, mojo.timeoutSeconds);
        assertEquals(300, mojo.subBuildTimeoutSeconds);
        assertEquals(24000, mojo.contextBudget);
        assertEquals(0, mojo.maxModelCalls);
        assertNull(mojo.parallelism);
        assertNull(mojo.apiKey);
        assertFalse(mojo.skip);
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
    @MojoParameter(name = "provider", value = "bedrock")
    void anUnknownProviderIsNamedWithTheOnesThatExist(GenerateMojo mojo) {
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("<provider> (-Dautocoder.provider): `bedrock` is not a provider; use openai (OpenAI and every"
                + " OpenAI-compatible endpoint) or anthropic", failure.getMessage());
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

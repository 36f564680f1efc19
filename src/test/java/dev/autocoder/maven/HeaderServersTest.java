package dev.autocoder.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.core.AutocoderConfig;
import dev.autocoder.model.ApiKey;
import dev.autocoder.model.ChatMessage;
import dev.autocoder.model.ChatRequest;
import dev.autocoder.model.ModelException;
import dev.autocoder.model.ModelSettings;
import dev.autocoder.model.LangChain4jChatPort;
import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.io.DefaultSettingsReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * {@code <headerServers>}: a header whose value is a settings.xml server's password, encrypted with a
 * settings-security.xml master password and decrypted by Maven's own decrypter, reaching an endpoint
 * that demands it; and the errors a user sees when the server is not usable.
 */
@MojoTest
class HeaderServersTest {

    private static final String HEADER = "X-Gateway-Token";
    private static final String TOKEN = "gateway-token-S3CRET-91";
    private static final String MASTER = "master-S3CRET";
    private static final DefaultPlexusCipher CIPHER = new DefaultPlexusCipher();

    @TempDir
    static Path dir;

    private static Path security;

    @BeforeAll
    static void masterPassword() throws Exception {
        security = Files.writeString(dir.resolve("settings-security.xml"), "<settingsSecurity><master>"
                + CIPHER.encryptAndDecorate(MASTER, "settings.security") + "</master></settingsSecurity>");
    }

    @Provides
    SettingsDecrypter decrypter() {
        return new DefaultSettingsDecrypter(new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(),
                security.toString()));
    }

    /** Gives the mojo a session whose settings.xml holds {@code servers}. */
    private static void settings(GenerateMojo mojo, String servers) throws Exception {
        Path file = Files.writeString(dir.resolve("settings.xml"), "<settings><servers>" + servers
                + "</servers></settings>");
        Settings settings = new DefaultSettingsReader().read(file.toFile(), null);
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        settings.getServers().forEach(request::addServer);
        mojo.session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        mojo.mojoExecution = new MojoExecution(mojo.mojoExecution.getMojoDescriptor(), "default");
    }

    private static String server(String id, String password) throws Exception {
        return "<server><id>" + id + "</id>" + (password == null ? ""
                : "<password>" + CIPHER.encryptAndDecorate(password, MASTER) + "</password>") + "</server>";
    }

    private static LangChain4jChatPort port(AutocoderConfig.ModelOptions options) {
        return new LangChain4jChatPort(ModelSettings.of("gpt-test", ApiKey.of("sk-header-servers-key"))
                .withBaseUrl(options.baseUrl()).withTimeout(Duration.ofSeconds(5))
                .withRetries(0, Duration.ofMillis(10), Duration.ofMillis(20))
                .withNetwork(options.headers(), null), notice -> { });
    }

    private static ChatRequest asking(String text) {
        return new ChatRequest("generate", "money", List.of(ChatMessage.user(text)));
    }

    @Test
    @InjectMojo(goal = "generate")
    void theServersDecryptedPasswordIsSentAsTheHeaderBesideTheLiteralOnes(GenerateMojo mojo) throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("ok")).requireHeader(HEADER, TOKEN)) {
            settings(mojo, server("corp-gateway", TOKEN));
            mojo.baseUrl = server.baseUrl();
            mojo.headers = Map.of("OpenAI-Project", "proj-billing");
            mojo.headerServers = Map.of(HEADER, "corp-gateway");

            AutocoderConfig config = new PluginInputs(mojo, decrypter()).config();

            assertEquals("ok", port(config.model()).chat(asking("Write Money.java")).text());
            assertEquals(TOKEN, server.requests().get(0).header(HEADER));
            assertEquals("proj-billing", server.requests().get(0).header("OpenAI-Project"));
            assertFalse(config.toString().contains(TOKEN), config.toString());
        }
    }

    @Test
    @InjectMojo(goal = "generate")
    void oneServerGivesAzureBothTheBearerKeyAndTheApiKeyHeader(GenerateMojo mojo) throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("ok")).requireHeader("api-key", TOKEN)) {
            settings(mojo, server("azure-openai", TOKEN));
            mojo.baseUrl = server.baseUrl();
            mojo.serverId = "azure-openai";
            mojo.headerServers = Map.of("api-key", "azure-openai");
            AutocoderConfig.ModelOptions options = new PluginInputs(mojo, decrypter()).config().model();

            LangChain4jChatPort port = new LangChain4jChatPort(ModelSettings.of("gpt-test", ApiKey.of(options.apiKey().orElseThrow()))
                    .withBaseUrl(options.baseUrl()).withRetries(0, Duration.ofMillis(10), Duration.ofMillis(20))
                    .withNetwork(options.headers(), null), notice -> { });

            assertEquals("ok", port.chat(asking("Write Money.java")).text());
            assertEquals("Bearer " + TOKEN, server.requests().get(0).authorization());
        }
    }

    @Test
    @InjectMojo(goal = "generate")
    void aRequestCarryingTheServersPasswordIsRefusedBeforeItIsSent(GenerateMojo mojo) throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("never"))) {
            settings(mojo, server("corp-gateway", TOKEN));
            mojo.baseUrl = server.baseUrl();
            mojo.headerServers = Map.of(HEADER, "corp-gateway");
            AutocoderConfig config = new PluginInputs(mojo, decrypter()).config();

            ModelException refused = assertThrows(ModelException.class,
                    () -> port(config.model()).chat(asking("the token is " + TOKEN)));

            assertTrue(refused.getMessage().contains("the value of header `" + HEADER + "`"), refused.getMessage());
            assertFalse(refused.getMessage().contains(TOKEN), refused.getMessage());
            assertEquals(0, server.requestCount());
        }
    }

    /** Why execute fails when settings.xml holds {@code servers} and {@code header} comes from server corp-gateway. */
    private static String failure(GenerateMojo mojo, String servers, String header) throws Exception {
        settings(mojo, servers);
        mojo.headerServers = Map.of(header, "corp-gateway");
        String message = assertThrows(MojoFailureException.class, mojo::execute).getMessage();
        assertFalse(message.contains("S3CRET"), message);
        return message;
    }

    @Test
    @InjectMojo(goal = "generate")
    void aMissingServerIsNamedWithTheParameter(GenerateMojo mojo) throws Exception {
        assertEquals("<headerServers>: there is no <server> with id `corp-gateway` in settings.xml; add one whose"
                + " <password> is the value of header `X-Gateway-Token`", failure(mojo, server("other", TOKEN), HEADER));
    }

    @Test
    @InjectMojo(goal = "generate")
    void aServerWithoutPasswordIsNamed(GenerateMojo mojo) throws Exception {
        assertEquals("<headerServers>: <server> `corp-gateway` in settings.xml has no <password>; put the value of"
                + " header `X-Gateway-Token` there", failure(mojo, server("corp-gateway", null), HEADER));
    }

    @Test
    @InjectMojo(goal = "generate")
    void anUndecryptablePasswordIsNamedWithoutThePassword(GenerateMojo mojo) throws Exception {
        String message = failure(mojo,
                "<server><id>corp-gateway</id><password>{notBase64AtAll-S3CRET}</password></server>", HEADER);

        assertTrue(message.startsWith("<headerServers>: cannot decrypt the password of <server> `corp-gateway` in"
                + " settings.xml"), message);
    }

    @Test
    @InjectMojo(goal = "generate")
    void aHeaderInBothMapsIsAnErrorNamingBoth(GenerateMojo mojo) throws Exception {
        mojo.headers = Map.of("x-gateway-token", "literal-S3CRET-value");

        assertEquals("<headerServers>: header `X-Gateway-Token` is set both in <headers> and in <headerServers>;"
                + " keep one of them", failure(mojo, server("corp-gateway", TOKEN), HEADER));
    }

    @Test
    @InjectMojo(goal = "generate")
    void anAuthorizationHeaderFromAServerIsRefusedLikeALiteralOne(GenerateMojo mojo) throws Exception {
        String message = failure(mojo, server("corp-gateway", TOKEN), "Authorization");

        assertTrue(message.startsWith("<headerServers>: the Authorization header carries the API key"), message);
    }
}

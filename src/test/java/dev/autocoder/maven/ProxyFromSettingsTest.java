package dev.autocoder.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.core.ConfigurationException;
import dev.autocoder.model.ApiKey;
import dev.autocoder.model.ChatMessage;
import dev.autocoder.model.ChatRequest;
import dev.autocoder.model.ModelException;
import dev.autocoder.model.ModelSettings;
import dev.autocoder.model.LangChain4jChatPort;
import dev.autocoder.model.ProxySettings;
import dev.autocoder.model.RequestHeaders;
import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import dev.autocoder.testing.ForwardProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.io.DefaultSettingsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * The proxy of a real settings.xml, its password encrypted with a settings-security.xml master
 * password and decrypted by Maven's own decrypter, carrying model calls.
 */
class ProxyFromSettingsTest {

    private static final String PASSWORD = "proxy-pass-S3CRET-42";
    private static final String MASTER = "master-S3CRET";
    private static final ChatRequest REQUEST = new ChatRequest("generate", "money",
            List.of(ChatMessage.user("Write Money.java")));

    @TempDir
    Path dir;

    private final DefaultPlexusCipher cipher = new DefaultPlexusCipher();

    /** The adapter's proxy for {@code endpoint} from a settings.xml holding {@code proxies}. */
    private Optional<ProxySettings> proxyFor(String endpoint, String proxies) throws Exception {
        Path security = Files.writeString(dir.resolve("settings-security.xml"), "<settingsSecurity><master>"
                + cipher.encryptAndDecorate(MASTER, "settings.security") + "</master></settingsSecurity>");
        Path settingsXml = Files.writeString(dir.resolve("settings.xml"),
                "<settings><proxies>" + proxies + "</proxies></settings>");
        Settings settings = new DefaultSettingsReader().read(settingsXml.toFile(), null);
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        settings.getProxies().forEach(request::addProxy);
        DefaultSettingsDecrypter decrypter = new DefaultSettingsDecrypter(
                new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(), security.toString()));
        GenerateMojo mojo = new GenerateMojo(decrypter, null, null);
        mojo.session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        return new PluginInputs(mojo, decrypter).proxy(URI.create(endpoint));
    }

    private static String proxy(String id, String protocol, int port, String more) {
        return "<proxy><id>" + id + "</id><protocol>" + protocol + "</protocol><host>127.0.0.1</host><port>" + port
                + "</port>" + more + "</proxy>";
    }

    private String credentials(String password) throws Exception {
        return "<username>alice</username><password>" + cipher.encryptAndDecorate(password, MASTER) + "</password>";
    }

    private static LangChain4jChatPort port(String baseUrl, ProxySettings proxy) {
        return new LangChain4jChatPort(ModelSettings.of("gpt-test", ApiKey.of("sk-proxy-test-key"))
                .withBaseUrl(URI.create(baseUrl)).withTimeout(Duration.ofSeconds(5))
                .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(20))
                .withNetwork(RequestHeaders.none(), proxy), notice -> { });
    }

    @Test
    void anEncryptedProxyPasswordIsDecryptedAndCarriesTheCalls() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("ok"));
                ForwardProxy forward = ForwardProxy.requiring("alice", PASSWORD)) {
            ProxySettings proxy = proxyFor(server.baseUrl(),
                    proxy("corp", "http", forward.port(), credentials(PASSWORD))).orElseThrow();

            assertEquals("ok", port(server.baseUrl().replace("127.0.0.1", "model.test"), proxy).chat(REQUEST).text());

            assertEquals(1, forward.seen().size());
        }
    }

    @Test
    void aWrongEncryptedPasswordFailsNamingTheProxyIdOnly() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("never"));
                ForwardProxy forward = ForwardProxy.requiring("alice", PASSWORD)) {
            String wrong = "wrong-S3CRET-password";
            ProxySettings proxy = proxyFor(server.baseUrl(),
                    proxy("corp", "http", forward.port(), credentials(wrong))).orElseThrow();

            ModelException failure = assertThrows(ModelException.class,
                    () -> port(server.baseUrl().replace("127.0.0.1", "model.test"), proxy).chat(REQUEST));

            assertTrue(failure.getMessage().contains("proxy `corp`"), failure.getMessage());
            assertFalse(failure.getMessage().contains(wrong), failure.getMessage());
            assertFalse(failure.getMessage().contains("S3CRET"), failure.getMessage());
            assertEquals(0, server.requestCount());
        }
    }

    @Test
    void theEndpointsProtocolChoosesTheProxyAndHttpServesHttpsWhenAlone() throws Exception {
        String both = proxy("plain", "http", 3128, "") + proxy("secure", "https", 3129, "");

        assertEquals("secure", proxyFor("https://api.openai.com/v1", both).orElseThrow().id());
        assertEquals("plain", proxyFor("http://localhost:11434/v1", both).orElseThrow().id());
        assertEquals("plain", proxyFor("https://api.openai.com/v1", proxy("plain", "http", 3128, "")).orElseThrow().id());
    }

    @Test
    void anInactiveProxyIsIgnored() throws Exception {
        assertTrue(proxyFor("https://api.openai.com/v1",
                proxy("off", "http", 3128, "<active>false</active>")).isEmpty());
    }

    @Test
    void nonProxyHostsAreSplitAsMavenWritesThem() throws Exception {
        ProxySettings proxy = proxyFor("https://api.openai.com/v1", proxy("corp", "http", 3128,
                "<nonProxyHosts>localhost|*.internal.example, 127.0.0.1</nonProxyHosts>")).orElseThrow();

        assertEquals(List.of("localhost", "*.internal.example", "127.0.0.1"), proxy.nonProxyHosts());
    }

    @Test
    void anUndecryptablePasswordNamesTheProxyWithoutThePassword() throws Exception {
        String undecryptable = "{notBase64AtAll-S3CRET}";

        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> proxyFor("https://api.openai.com/v1", proxy("corp", "http", 3128,
                        "<username>alice</username><password>" + undecryptable + "</password>")));

        assertTrue(failure.getMessage().startsWith("cannot decrypt the password of <proxy> `corp` in settings.xml"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains("S3CRET"), failure.getMessage());
    }

    @Test
    void aProxyWithoutHostIsNamed() throws IOException {
        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> proxyFor("https://api.openai.com/v1", "<proxy><id>corp</id><port>3128</port></proxy>"));

        assertEquals("<proxy> `corp` in settings.xml cannot carry model calls: it has no <host>", failure.getMessage());
    }
}

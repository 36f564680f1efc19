package dev.autocoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import dev.autocoder.testing.ForwardProxy;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Model calls through a proxy configured the way Maven's settings.xml configures one. */
class ProxyTest {

    private static final String PASSWORD = "proxy-pass-S3CRET-42";
    private static final ChatRequest REQUEST = new ChatRequest("generate", "money",
            List.of(ChatMessage.system("You write Java."), ChatMessage.user("Write Money.java")));

    private static ProxySettings proxy(ForwardProxy proxy, List<String> nonProxyHosts, String user, String password) {
        return new ProxySettings("corp", "127.0.0.1", proxy.port(), nonProxyHosts, user, password);
    }

    /** A port for {@code model.test}: the fake server's, which only the proxy can reach by that name. */
    private static LangChain4jChatPort port(String baseUrl, ProxySettings proxy) {
        ModelSettings settings = ModelSettings.of("gpt-test", ApiKey.of(OpenAiChatPortTest.SECRET))
                .withBaseUrl(URI.create(baseUrl))
                .withTimeout(Duration.ofSeconds(5))
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(20))
                .withNetwork(RequestHeaders.none(), proxy);
        return new LangChain4jChatPort(settings, notice -> { });
    }

    private static String behindProxy(FakeOpenAiServer server) {
        return server.baseUrl().replace("127.0.0.1", "model.test");
    }

    private static void assertNoPassword(Throwable failure) {
        for (Throwable link = failure; link != null; link = link.getCause()) {
            assertFalse(String.valueOf(link).contains(PASSWORD), "password leaked: " + link);
        }
    }

    @Test
    void everyModelCallGoesThroughTheProxyToAHostOnlyItResolves() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("one"), Rule.reply("two"));
                ForwardProxy proxy = ForwardProxy.open()) {
            LangChain4jChatPort port = port(behindProxy(server), proxy(proxy, List.of(), null, null));

            assertEquals("one", port.chat(REQUEST).text());
            assertEquals("two", port.chat(REQUEST).text());

            assertEquals(2, proxy.seen().size());
            assertEquals(behindProxy(server) + "/chat/completions", proxy.seen().get(0).target());
            assertEquals(2, server.requestCount());
        }
    }

    @Test
    void aHostInNonProxyHostsIsReachedDirectly() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("direct"));
                ForwardProxy proxy = ForwardProxy.open()) {
            LangChain4jChatPort port = port(server.baseUrl(), proxy(proxy, List.of("localhost", "127.0.0.*"), null, null));

            assertEquals("direct", port.chat(REQUEST).text());

            assertTrue(proxy.seen().isEmpty(), proxy.seen().toString());
        }
    }

    @Test
    void theRightProxyPasswordPassesAndStaysWithTheProxy() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("ok"));
                ForwardProxy proxy = ForwardProxy.requiring("alice", PASSWORD)) {
            LangChain4jChatPort port = port(behindProxy(server), proxy(proxy, List.of(), "alice", PASSWORD));

            assertEquals("ok", port.chat(REQUEST).text());

            assertEquals(1, proxy.seen().size());
            assertNull(server.requests().get(0).header("Proxy-Authorization"), "the endpoint never sees it");
        }
    }

    @Test
    void aWrongProxyPasswordFailsAtOnceNamingTheProxyButNotThePassword() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("never"));
                ForwardProxy proxy = ForwardProxy.requiring("alice", "the-right-one")) {
            LangChain4jChatPort port = port(behindProxy(server), proxy(proxy, List.of(), "alice", PASSWORD));

            ModelException failure = assertThrows(ModelException.class, () -> port.chat(REQUEST));

            assertEquals(ModelException.Kind.AUTHENTICATION, failure.kind());
            assertTrue(failure.getMessage().contains("proxy `corp` (127.0.0.1:" + proxy.port() + ")"),
                    failure.getMessage());
            assertTrue(failure.getMessage().contains("HTTP 407"), failure.getMessage());
            assertTrue(failure.getMessage().contains("user `alice`"), failure.getMessage());
            assertNoPassword(failure);
            assertEquals(1, proxy.seen().size(), "a 407 is not retried");
            assertEquals(0, server.requestCount());
        }
    }

    @Test
    void aProxyRefusingAnHttpsTunnelExplainsTheJdkTunnelingSetting() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.requiring("alice", PASSWORD)) {
            LangChain4jChatPort port = port("https://model.test/v1", proxy(proxy, List.of(), "alice", PASSWORD));

            ModelException failure = assertThrows(ModelException.class, () -> port.chat(REQUEST));

            assertEquals("CONNECT", proxy.seen().get(0).method());
            assertNull(proxy.seen().get(0).proxyAuthorization(), "the JDK drops Basic credentials for tunnels");
            assertEquals(ModelException.Kind.AUTHENTICATION, failure.kind(), failure.getMessage());
            assertTrue(failure.getMessage().contains("-Djdk.http.auth.tunneling.disabledSchemes="),
                    failure.getMessage());
            assertNoPassword(failure);
        }
    }

    @Test
    void anUnreachableProxyIsNamedWithWhatToCheck() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProxySettings unreachable = new ProxySettings("corp", "127.0.0.1", closedPort, List.of(), null, null);

        ModelException failure = assertThrows(ModelException.class,
                () -> port("http://model.test/v1", unreachable).chat(REQUEST));

        assertEquals(ModelException.Kind.TRANSIENT, failure.kind());
        assertTrue(failure.getMessage().contains("through proxy `corp` (127.0.0.1:" + closedPort + ")"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("<nonProxyHosts>"), failure.getMessage());
    }

    @Test
    void withoutASettingsProxyTheJdkProxyPropertiesStillApply() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(Rule.reply("via properties"));
                ForwardProxy proxy = ForwardProxy.open()) {
            System.setProperty("http.proxyHost", "127.0.0.1");
            System.setProperty("http.proxyPort", String.valueOf(proxy.port()));
            try {
                assertEquals("via properties", port(behindProxy(server), null).chat(REQUEST).text());
            } finally {
                System.clearProperty("http.proxyHost");
                System.clearProperty("http.proxyPort");
            }

            assertEquals(1, proxy.seen().size());
        }
    }

    @Test
    void nonProxyHostsMatchLikeMavensWildcards() {
        ProxySettings settings = new ProxySettings("corp", "proxy.corp", 3128,
                List.of("*.internal.example", "LOCALHOST"), "alice", PASSWORD);

        assertTrue(settings.bypasses("models.internal.example"));
        assertTrue(settings.bypasses("localhost"));
        assertFalse(settings.bypasses("internal.example.com"));
        assertFalse(settings.bypasses("api.openai.com"));
    }

    @Test
    void proxySettingsPrintWithoutThePassword() {
        ProxySettings settings = new ProxySettings("corp", "proxy.corp", 3128, List.of(), "alice", PASSWORD);
        ModelSettings model = ModelSettings.of("m", ApiKey.of("k")).withNetwork(RequestHeaders.none(), settings);

        assertFalse(settings.toString().contains(PASSWORD), settings.toString());
        assertFalse(model.toString().contains(PASSWORD), model.toString());
        assertFalse(model.toString().contains(settings.authorization().orElseThrow()), model.toString());
    }
}

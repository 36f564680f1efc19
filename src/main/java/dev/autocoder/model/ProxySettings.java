package dev.autocoder.model;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP forward proxy that model calls go through, as a {@code <proxy>} of Maven's settings.xml
 * describes it; the password prints as {@code ****}.
 *
 * @param id the proxy's id in settings.xml, which error messages name
 * @param host the proxy's host
 * @param port the proxy's port
 * @param nonProxyHosts hosts reached directly, {@code *} matching any characters ({@code *.corp.example})
 * @param username the proxy user, or {@code null} when the proxy needs no credentials
 * @param password the proxy user's password (decrypted), or {@code null}
 */
public record ProxySettings(String id, String host, int port, List<String> nonProxyHosts, String username,
        String password) {

    public ProxySettings {
        Objects.requireNonNull(id, "id");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("it has no <host>");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("its <port> " + port + " is not a port");
        }
        nonProxyHosts = List.copyOf(nonProxyHosts);
        username = username == null || username.isEmpty() ? null : username;
    }

    /** Whether model calls to {@code targetHost} bypass the proxy, as Maven decides for repositories. */
    public boolean bypasses(String targetHost) {
        String name = targetHost == null ? "" : targetHost.toLowerCase(Locale.ROOT);
        return nonProxyHosts.stream().anyMatch(pattern -> wildcard(pattern).matcher(name).matches());
    }

    private static Pattern wildcard(String pattern) {
        String[] literals = pattern.strip().toLowerCase(Locale.ROOT).split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(literals[i]));
        }
        return Pattern.compile(regex.toString());
    }

    /** The preemptive {@code Proxy-Authorization} value, when the proxy has a user. */
    Optional<String> authorization() {
        if (username == null) {
            return Optional.empty();
        }
        String pair = username + ":" + (password == null ? "" : password);
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** Chooses this proxy for every host it does not bypass, and a direct connection for the rest. */
    ProxySelector selector() {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                if (bypasses(uri.getHost())) {
                    return List.of(Proxy.NO_PROXY);
                }
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(host, port)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {
                // There is no other proxy to fall back to; the failed call is classified and retried.
            }
        };
    }

    /** How messages name the proxy: its settings.xml id and address, never its credentials. */
    public String describe() {
        return "proxy `" + id + "` (" + host + ":" + port + ")";
    }

    @Override
    public String toString() {
        return "ProxySettings[id=" + id + ", host=" + host + ", port=" + port + ", nonProxyHosts=" + nonProxyHosts
                + ", username=" + username + ", password=" + (password == null ? "none" : "****") + "]";
    }
}

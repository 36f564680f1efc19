package dev.autocoder.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A forward HTTP proxy on 127.0.0.1 for tests. It takes absolute-URI requests for any host name and
 * connects to 127.0.0.1 at the URI's port, so a host such as {@code model.test} resolves only
 * through it; it logs every request it sees. Optionally it demands Basic credentials and answers
 * 407 without them. A {@code CONNECT} is only checked for credentials, never tunnelled.
 */
public final class ForwardProxy implements AutoCloseable {

    private final ServerSocket socket;
    private final String expectedAuthorization;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private ForwardProxy(String expectedAuthorization) throws IOException {
        this.expectedAuthorization = expectedAuthorization;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "forward-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy that lets every request through. */
    public static ForwardProxy open() throws IOException {
        return new ForwardProxy(null);
    }

    /** A proxy that answers 407 unless a request carries these Basic credentials. */
    public static ForwardProxy requiring(String username, String password) throws IOException {
        String pair = username + ":" + password;
        return new ForwardProxy("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Every request the proxy received, in arrival order. */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread handler = new Thread(() -> handle(client), "forward-proxy-request");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] requestLine = head.get(0).split(" ");
            String authorization = header(head, "Proxy-Authorization");
            seen.add(new Seen(requestLine[0], requestLine[1], authorization));
            byte[] body = in.readNBytes(contentLength(head));
            OutputStream out = client.getOutputStream();
            if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            if (requestLine[0].equals("CONNECT")) {
                out.write("HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            forward(URI.create(requestLine[1]), requestLine[0], head, body, out);
        } catch (IOException e) {
            // The client gave up (a timeout test); nothing to answer.
        }
    }

    /** Sends the request to 127.0.0.1 in origin form and copies the answer back, closing both after it. */
    private static void forward(URI target, String method, List<String> head, byte[] body, OutputStream out)
            throws IOException {
        int port = target.getPort() < 0 ? 80 : target.getPort();
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port)) {
            StringBuilder request = new StringBuilder(method).append(' ').append(target.getRawPath())
                    .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(" HTTP/1.1\r\n");
            head.stream().skip(1).filter(line -> !hopByHop(line)).forEach(line -> request.append(line).append("\r\n"));
            request.append("Connection: close\r\n\r\n");
            upstream.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            upstream.getOutputStream().write(body);
            upstream.getOutputStream().flush();
            InputStream answer = upstream.getInputStream();
            List<String> answerHead = readHead(answer);
            StringBuilder response = new StringBuilder();
            answerHead.stream().filter(line -> !hopByHop(line)).forEach(line -> response.append(line).append("\r\n"));
            // The client must not reuse this connection: the proxy serves one request per connection.
            response.append("Connection: close\r\n\r\n");
            out.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
            answer.transferTo(out);
        }
    }

    private static boolean hopByHop(String line) {
        String name = line.substring(0, Math.max(0, line.indexOf(':'))).strip().toLowerCase(Locale.ROOT);
        return name.equals("connection") || name.startsWith("proxy-") || name.equals("upgrade")
                || name.equals("http2-settings");
    }

    private static List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int lastFour = 0;
        int next;
        while ((next = in.read()) != -1) {
            bytes.write(next);
            lastFour = lastFour << 8 | next;
            if (lastFour == 0x0D0A0D0A) {
                break;
            }
        }
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String header(List<String> head, String name) {
        return head.stream().skip(1)
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst().orElse(null);
    }

    private static int contentLength(List<String> head) {
        String length = header(head, "Content-Length");
        return length == null ? 0 : Integer.parseInt(length);
    }

    /**
     * One request as the proxy saw it.
     *
     * @param method the request method, {@code CONNECT} for a tunnel
     * @param target the absolute URI, or {@code host:port} for a tunnel
     * @param proxyAuthorization the {@code Proxy-Authorization} header, or {@code null}
     */
    public record Seen(String method, String target, String proxyAuthorization) {
    }
}

package dev.autocoder.model;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * LangChain4j's JDK HTTP client with two differences: an error status is thrown as an
 * {@link HttpStatusException} that keeps the response headers, so {@code Retry-After} survives; and
 * a proxy from Maven's settings carries the calls, its credentials sent preemptively.
 *
 * <p>The credentials go preemptively as a {@code Proxy-Authorization} header rather than through an
 * {@link java.net.Authenticator}, which would cost every call a 407 round trip first. The JDK sends
 * that header to the proxy only, never to the endpoint; for an HTTPS tunnel it drops Basic
 * credentials unless the JVM runs with {@code -Djdk.http.auth.tunneling.disabledSchemes=}, which
 * {@link FailureClassifier} tells the user when such a proxy answers 407.
 *
 * <p>Blocking calls, the only kind the plugin makes, go through a {@link java.net.http.HttpClient}
 * as LangChain4j's {@code JdkHttpClient} sends them (multipart form data, which chat completions
 * never use, is refused). Streaming calls are handed unchanged
 * to whatever client LangChain4j itself would load (its JDK client, a runtime dependency of
 * langchain4j-open-ai), created on first use only.
 */
final class HeaderKeepingHttpClient implements HttpClient {

    private final java.net.http.HttpClient jdk;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final ProxySettings proxy;
    private HttpClient streaming;

    private HeaderKeepingHttpClient(java.net.http.HttpClient jdk, Duration connectTimeout, Duration readTimeout,
            ProxySettings proxy) {
        this.jdk = jdk;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.proxy = proxy;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("multipart requests are not supported: " + request.url());
        }
        URI url = URI.create(request.url());
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(url);
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        if (proxy != null && !proxy.bypasses(url.getHost())) {
            proxy.authorization().ifPresent(credentials -> builder.header("Proxy-Authorization", credentials));
        }
        builder.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        HttpResponse<byte[]> response = send(builder.build());
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            // A proxy's 407 to a tunnel's CONNECT comes back without a body.
            String body = response.body() == null ? "" : new String(response.body(), StandardCharsets.UTF_8);
            throw new HttpStatusException(status, body, response.headers().map());
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(status)
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    /**
     * Sends and reads the whole reply within the read timeout. The JDK's own request timeout stops
     * at the response headers, so a server that stalls mid-body would otherwise hang the build.
     */
    private HttpResponse<byte[]> send(java.net.http.HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> reply = jdk.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return readTimeout == null ? reply.get() : reply.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            reply.cancel(true);
            throw new TimeoutException(new HttpTimeoutException("no complete reply within " + readTimeout));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException timeout) {
                throw new TimeoutException(timeout);
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            reply.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model endpoint", e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streamingClient().execute(request, parser, listener);
    }

    private synchronized HttpClient streamingClient() {
        if (streaming == null) {
            streaming = HttpClientBuilderLoader.loadHttpClientBuilder()
                    .connectTimeout(connectTimeout)
                    .readTimeout(readTimeout)
                    .build();
        }
        return streaming;
    }

    /** Builds the client the way LangChain4j's model clients configure any {@link HttpClientBuilder}. */
    static final class Builder implements HttpClientBuilder {

        private final ProxySettings proxy;
        private Duration connectTimeout;
        private Duration readTimeout;

        /** @param proxy the proxy from Maven's settings, or {@code null} for the JDK's default selector */
        Builder(ProxySettings proxy) {
            this.proxy = proxy;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            java.net.http.HttpClient.Builder jdkBuilder = java.net.http.HttpClient.newBuilder();
            if (connectTimeout != null) {
                jdkBuilder.connectTimeout(connectTimeout);
            }
            if (proxy != null) {
                jdkBuilder.proxy(proxy.selector());
            }
            return new HeaderKeepingHttpClient(jdkBuilder.build(), connectTimeout, readTimeout, proxy);
        }
    }
}

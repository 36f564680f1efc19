package dev.autocoder.testing;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol from a script,
 * or, started with {@link #startAnthropic}, Anthropic's Messages API, or, started with
 * {@link #startOllama}, Ollama's native {@code /api/chat}.
 *
 * <p>The script is an ordered list of {@link Rule}s. For each request the first rule whose
 * {@code whenContains} text occurs in the request's messages (or that has none) and that has uses
 * left answers it. A request no rule answers gets HTTP 500 with a body saying so, and is counted,
 * so a test sees it. Integration tests load the same rules from JSON with {@link #fromScript}.
 *
 * <p>Token counts in a reply's usage are computed from what was exchanged, never from the script:
 * {@link #tokens(String)} per message content plus {@link #MESSAGE_OVERHEAD} per message for the
 * prompt, and {@link #tokens(String)} of the reply for the completion. Cached prompt tokens are those
 * of the leading messages an earlier request already sent, as a provider's prefix cache counts them.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    /** Prompt tokens the server counts for each message besides its content (role, separators). */
    public static final int MESSAGE_OVERHEAD = 4;

    private static final Gson GSON = new Gson();

    private final HttpServer server;
    private final Protocol protocol;
    private final List<Rule> rules;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Map<String, String> requiredHeader = Map.of();

    /** The API a server speaks. */
    public enum Protocol {
        OPENAI, ANTHROPIC, OLLAMA
    }

    private FakeOpenAiServer(List<Rule> rules, Protocol protocol) throws IOException {
        this.protocol = protocol;
        this.rules = new CopyOnWriteArrayList<>(rules);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-openai");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static FakeOpenAiServer start(Rule... rules) throws IOException {
        return new FakeOpenAiServer(List.of(rules), Protocol.OPENAI);
    }

    /** A server that answers with Anthropic's Messages API bodies; faults are scripted the same way. */
    public static FakeOpenAiServer startAnthropic(Rule... rules) throws IOException {
        return new FakeOpenAiServer(List.of(rules), Protocol.ANTHROPIC);
    }

    /**
     * A server that answers as Ollama's native API does: {@code /api/chat} with {@code message},
     * {@code done_reason}, {@code prompt_eval_count} and {@code eval_count}; configure it with
     * {@link #rootUrl()}.
     */
    public static FakeOpenAiServer startOllama(Rule... rules) throws IOException {
        return new FakeOpenAiServer(List.of(rules), Protocol.OLLAMA);
    }

    /**
     * Starts a server from a JSON array of rules: {@code [{"whenContains": "...", "reply": "...",
     * "times": 1}, {"status": 429, "headers": {"Retry-After": "1"}, "body": "..."}]}. A rule may also
     * say {@code "delayMillis": 500} or {@code "dropMidBody": true}.
     */
    public static FakeOpenAiServer fromScript(Path script) throws IOException {
        return fromScript(script, Protocol.OPENAI);
    }

    /** A server speaking {@code protocol}, from a JSON script as {@link #fromScript(Path)} reads it. */
    public static FakeOpenAiServer fromScript(Path script, Protocol protocol) throws IOException {
        JsonArray array = JsonParser.parseString(Files.readString(script)).getAsJsonArray();
        List<Rule> rules = new ArrayList<>();
        for (JsonElement element : array) {
            rules.add(GSON.fromJson(element, Rule.class).normalised());
        }
        return new FakeOpenAiServer(rules, protocol);
    }

    /**
     * Answers 401, as Azure OpenAI does, every request that lacks header {@code name} with
     * {@code value}; the request is still recorded.
     */
    public FakeOpenAiServer requireHeader(String name, String value) {
        requiredHeader = Map.of(name, value);
        return this;
    }

    /** The base URL to configure, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The server's root, as Ollama's {@code baseUrl} names it: {@code http://127.0.0.1:<port>}. */
    public String rootUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request received so far, in arrival order. */
    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            Recorded recorded = new Recorded(exchange.getRequestURI().getPath(), authorization, body, headers);
            requests.add(recorded);
            boolean authorized = requiredHeader.entrySet().stream()
                    .allMatch(required -> required.getValue().equals(recorded.header(required.getKey())));
            if (!authorized) {
                send(exchange, 401, Map.of(), "{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to"
                        + " invalid subscription key or wrong API endpoint.\"}}");
                return;
            }
            int cached = cachedTokens(recorded);
            Rule rule = claim(recorded.messagesText(), recorded.promptTokens());
            if (rule == null) {
                send(exchange, 500, Map.of(), "{\"error\":{\"message\":\"fake server: no rule matches this request\"}}");
                return;
            }
            if (rule.delayMillis > 0) {
                sleep(rule.delayMillis);
            }
            int promptTokens = rule.reportedPromptTokens > 0 ? rule.reportedPromptTokens : recorded.promptTokens();
            if (rule.dropMidBody) {
                dropMidBody(exchange, rule.reply != null
                        ? reply(rule, recorded.model(), promptTokens, cached)
                        : rule.body == null ? "" : rule.body);
            } else if (rule.reply != null) {
                send(exchange, 200, Map.of(), reply(rule, recorded.model(), promptTokens, cached));
            } else {
                send(exchange, rule.status, rule.headers, rule.body == null ? "" : rule.body);
            }
        }
    }

    private synchronized Rule claim(String messages, int promptTokens) {
        for (Rule rule : rules) {
            boolean matches = (rule.whenContains == null || messages.contains(rule.whenContains))
                    && promptTokens > rule.abovePromptTokens;
            if (matches && (rule.times == 0 || rule.used < rule.times)) {
                rule.used++;
                return rule;
            }
        }
        return null;
    }

    private String reply(Rule rule, String model, int promptTokens, int cachedTokens) {
        return switch (protocol) {
            case OPENAI -> completion(rule, model, promptTokens, cachedTokens);
            case ANTHROPIC -> message(rule, model, promptTokens);
            case OLLAMA -> ollamaChat(rule, model, promptTokens);
        };
    }

    /** An Ollama {@code /api/chat} reply with {@code "stream": false}. */
    private static String ollamaChat(Rule rule, String model, int promptTokens) {
        JsonObject message = new JsonObject();
        message.addProperty("role", "assistant");
        message.addProperty("content", rule.reply);
        JsonObject root = new JsonObject();
        root.addProperty("model", model);
        root.addProperty("created_at", "2026-11-27T00:00:00Z");
        root.add("message", message);
        root.addProperty("done", true);
        root.addProperty("done_reason", rule.finishReason == null ? "stop" : rule.finishReason);
        root.addProperty("prompt_eval_count", promptTokens);
        root.addProperty("eval_count", tokens(rule.reply));
        return root.toString();
    }

    /** An Anthropic Messages API reply: one text block, {@code stop_reason} and usage. */
    private static String message(Rule rule, String model, int promptTokens) {
        JsonObject block = new JsonObject();
        block.addProperty("type", "text");
        block.addProperty("text", rule.reply);
        JsonArray content = new JsonArray();
        content.add(block);
        JsonObject usage = new JsonObject();
        usage.addProperty("input_tokens", promptTokens);
        usage.addProperty("output_tokens", tokens(rule.reply));
        JsonObject root = new JsonObject();
        root.addProperty("id", "msg_fake");
        root.addProperty("type", "message");
        root.addProperty("role", "assistant");
        root.addProperty("model", model);
        root.add("content", content);
        root.addProperty("stop_reason", "length".equals(rule.finishReason) ? "max_tokens" : "end_turn");
        root.add("usage", usage);
        return root.toString();
    }

    /** The tokens of the leading messages that an earlier request sent in the same order. */
    private int cachedTokens(Recorded request) {
        List<String> contents = request.contents();
        int best = 0;
        for (Recorded earlier : requests) {
            if (earlier == request) {
                break;
            }
            List<String> before = earlier.contents();
            int tokens = 0;
            for (int i = 0; i < Math.min(before.size(), contents.size()) && before.get(i).equals(contents.get(i)); i++) {
                tokens += tokens(contents.get(i)) + MESSAGE_OVERHEAD;
            }
            best = Math.max(best, tokens);
        }
        return best;
    }

    /** The fake's tokenizer: one token per started group of four characters. */
    public static int tokens(String text) {
        return (text.length() + 3) / 4;
    }

    private static String completion(Rule rule, String model, int promptTokens, int cachedTokens) {
        String text = rule.reply;
        String finishReason = rule.finishReason;
        JsonObject message = new JsonObject();
        message.addProperty("role", "assistant");
        message.addProperty("content", text);
        JsonObject choice = new JsonObject();
        choice.addProperty("index", 0);
        choice.add("message", message);
        choice.addProperty("finish_reason", finishReason == null ? "stop" : finishReason);
        JsonArray choices = new JsonArray();
        choices.add(choice);
        JsonObject usage = new JsonObject();
        usage.addProperty("prompt_tokens", promptTokens);
        usage.addProperty("completion_tokens", tokens(text));
        usage.addProperty("total_tokens", promptTokens + tokens(text));
        JsonObject details = new JsonObject();
        details.addProperty("cached_tokens", Math.min(cachedTokens, promptTokens));
        usage.add("prompt_tokens_details", details);
        JsonObject root = new JsonObject();
        root.addProperty("id", "chatcmpl-fake");
        root.addProperty("object", "chat.completion");
        root.addProperty("created", 1_700_000_000L);
        root.addProperty("model", model);
        root.add("choices", choices);
        root.add("usage", usage);
        return root.toString();
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Announces the whole body, sends half of it, then closes the connection. */
    private static void dropMidBody(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        // Closing a short body throws; letting that escape the handler makes the JDK server close the
        // connection, which is the fault we want the client to see.
        out.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One scripted answer. Either {@code reply} (a 200 completion) or {@code status} and {@code body}. */
    public static final class Rule {
        String whenContains;
        String reply;
        String finishReason;
        int status = 200;
        Map<String, String> headers = Map.of();
        String body;
        int times = 1;
        long delayMillis;
        boolean dropMidBody;
        int abovePromptTokens = -1;
        int reportedPromptTokens;
        transient int used;

        /** A completion whose assistant message is {@code text}. */
        public static Rule reply(String text) {
            Rule rule = new Rule();
            rule.reply = text;
            return rule;
        }

        /**
         * OpenAI's answer to a prompt longer than {@code limit} tokens: HTTP 400
         * {@code context_length_exceeded}. It answers only requests above the limit, as often as they come.
         */
        public static Rule contextLimit(int limit) {
            Rule rule = status(400, "{\"error\":{\"message\":\"This model's maximum context length is " + limit
                    + " tokens. Please reduce the length of the messages.\",\"type\":\"invalid_request_error\","
                    + "\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}");
            rule.abovePromptTokens = limit;
            return rule.always();
        }

        /** A raw HTTP answer, for faults. */
        public static Rule status(int status, String body) {
            Rule rule = new Rule();
            rule.status = status;
            rule.body = body;
            return rule;
        }

        public Rule whenContains(String text) {
            this.whenContains = text;
            return this;
        }

        public Rule times(int count) {
            this.times = count;
            return this;
        }

        /** Answers every matching request, however many. */
        public Rule always() {
            this.times = 0;
            return this;
        }

        public Rule header(String name, String value) {
            Map<String, String> copy = new java.util.HashMap<>(headers);
            copy.put(name, value);
            this.headers = copy;
            return this;
        }

        public Rule finishReason(String reason) {
            this.finishReason = reason;
            return this;
        }

        /** Reports this many prompt tokens whatever was sent, as a server that cut the prompt does. */
        public Rule reportingPromptTokens(int tokens) {
            this.reportedPromptTokens = tokens;
            return this;
        }

        public Rule delayMillis(long millis) {
            this.delayMillis = millis;
            return this;
        }

        /** Starts a 200 answer, then drops the connection halfway through its body. */
        public Rule dropMidBody() {
            this.dropMidBody = true;
            return this;
        }

        private Rule normalised() {
            if (headers == null) {
                headers = Map.of();
            }
            return this;
        }
    }

    /** A request as the server saw it; {@code headers} are keyed case-insensitively. */
    public record Recorded(String path, String authorization, String body, Map<String, List<String>> headers) {

        /** The first value of header {@code name}, or {@code null}. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The request body's JSON. */
        public JsonObject json() {
            try {
                return JsonParser.parseString(body).getAsJsonObject();
            } catch (RuntimeException e) {
                return new JsonObject();
            }
        }

        public String model() {
            JsonElement model = json().get("model");
            return model == null ? "unknown" : model.getAsString();
        }

        /**
         * All message contents joined by newlines, which rules match against: plain strings, and the
         * text blocks and separate {@code system} field of Anthropic's requests.
         */
        public String messagesText() {
            StringBuilder text = new StringBuilder();
            contents().forEach(content -> text.append(content).append('\n'));
            return text.toString();
        }

        /** Each message's text, in order; Anthropic's separate {@code system} field comes first. */
        public List<String> contents() {
            List<String> contents = new ArrayList<>();
            JsonElement system = json().get("system");
            if (system != null) {
                contents.add(text(system));
            }
            JsonElement messages = json().get("messages");
            if (messages == null || !messages.isJsonArray()) {
                return contents;
            }
            for (JsonElement message : messages.getAsJsonArray()) {
                contents.add(text(message.getAsJsonObject().get("content")));
            }
            return contents;
        }

        /** The prompt tokens this request holds, by the fake's own count. */
        public int promptTokens() {
            return contents().stream().mapToInt(content -> tokens(content) + MESSAGE_OVERHEAD).sum();
        }

        /** A message's content: a plain string, or the joined text blocks of Anthropic's requests. */
        private static String text(JsonElement content) {
            if (content == null) {
                return "";
            }
            if (content.isJsonPrimitive()) {
                return content.getAsString();
            }
            StringBuilder text = new StringBuilder();
            if (content.isJsonArray()) {
                for (JsonElement block : content.getAsJsonArray()) {
                    if (block.isJsonObject() && block.getAsJsonObject().get("text") != null) {
                        text.append(text.length() == 0 ? "" : "\n").append(block.getAsJsonObject().get("text").getAsString());
                    }
                }
            }
            return text.toString();
        }
    }
}

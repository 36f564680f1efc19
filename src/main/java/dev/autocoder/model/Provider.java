package dev.autocoder.model;

import java.net.URI;

/**
 * The protocol a model endpoint speaks, each through its LangChain4j module, with the defaults that
 * fit it: endpoint, key variable, reply length, call timeout and context size.
 */
public enum Provider {

    /** OpenAI's chat completions: OpenAI, Azure OpenAI, gateways, vLLM, Ollama's {@code /v1}, LM Studio. */
    OPENAI("OPENAI_API_KEY", true, ModelSettings.OPENAI_BASE_URL, "gpt-4o-mini", null, 180, null),

    /** Anthropic's Messages API, which requires a reply length; 8192 tokens holds a class and its tests. */
    ANTHROPIC("ANTHROPIC_API_KEY", true, URI.create("https://api.anthropic.com/v1"), "claude-sonnet-4-5", 8192, 180,
            null),

    /**
     * Ollama's native API, where the context size ({@code num_ctx}) is part of each request. A local
     * server needs no key; {@code OLLAMA_API_KEY}, when set, is sent as a bearer token (ollama.com, or
     * a gateway in front of a server). A local model is slow and loads on its first call, so a call
     * may take 600 s; the context of 16,384 tokens holds the default prompt and a reply.
     */
    OLLAMA("OLLAMA_API_KEY", false, URI.create("http://localhost:11434"), "qwen2.5-coder:7b", null, 600, 16_384);

    private final String keyVariable;
    private final boolean requiresKey;
    private final URI defaultBaseUrl;
    private final String defaultModel;
    private final Integer defaultMaxOutputTokens;
    private final int defaultTimeoutSeconds;
    private final Integer defaultContextSize;

    Provider(String keyVariable, boolean requiresKey, URI defaultBaseUrl, String defaultModel,
            Integer defaultMaxOutputTokens, int defaultTimeoutSeconds, Integer defaultContextSize) {
        this.keyVariable = keyVariable;
        this.requiresKey = requiresKey;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
        this.defaultMaxOutputTokens = defaultMaxOutputTokens;
        this.defaultTimeoutSeconds = defaultTimeoutSeconds;
        this.defaultContextSize = defaultContextSize;
    }

    /** The environment variable that holds this provider's key. */
    public String keyVariable() {
        return keyVariable;
    }

    /** Whether a live run needs a key; a local Ollama server takes none. */
    public boolean requiresKey() {
        return requiresKey;
    }

    /**
     * The endpoint to call: {@code configured}, unless it is the plugin's default (OpenAI's), which
     * stands for this provider's own default.
     */
    public URI endpoint(URI configured) {
        return ModelSettings.OPENAI_BASE_URL.equals(configured) ? defaultBaseUrl : configured;
    }

    /** The model asked when {@code model} is not set: a capable, inexpensive one of this provider's. */
    public String defaultModel() {
        return defaultModel;
    }

    /** The reply's token limit when none is configured, or {@code null} for the endpoint's own. */
    public Integer defaultMaxOutputTokens() {
        return defaultMaxOutputTokens;
    }

    /** How long one model call may take when {@code timeoutSeconds} is not set. */
    public int defaultTimeoutSeconds() {
        return defaultTimeoutSeconds;
    }

    /**
     * The context window to ask the server for: {@code configured} when it is set (positive), else
     * this provider's default; {@code null} where the protocol has no such setting (the server or the
     * model fixes it).
     */
    public Integer contextSize(Integer configured) {
        if (!takesContextSize()) {
            return null;
        }
        return configured != null && configured > 0 ? configured : defaultContextSize;
    }

    /** Whether the context size can be set per request ({@code numCtx}). */
    public boolean takesContextSize() {
        return defaultContextSize != null;
    }
}

package dev.autocoder.model;

import java.net.URI;

/** The protocol a model endpoint speaks, each through its LangChain4j module. */
public enum Provider {

    /** OpenAI's chat completions: OpenAI, Azure OpenAI, gateways, vLLM, Ollama's {@code /v1}, LM Studio. */
    OPENAI("OPENAI_API_KEY", ModelSettings.OPENAI_BASE_URL, null),

    /** Anthropic's Messages API, which requires a reply length; 8192 tokens holds a class and its tests. */
    ANTHROPIC("ANTHROPIC_API_KEY", URI.create("https://api.anthropic.com/v1"), 8192);

    private final String keyVariable;
    private final URI defaultBaseUrl;
    private final Integer defaultMaxOutputTokens;

    Provider(String keyVariable, URI defaultBaseUrl, Integer defaultMaxOutputTokens) {
        this.keyVariable = keyVariable;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultMaxOutputTokens = defaultMaxOutputTokens;
    }

    /** The environment variable that holds this provider's key. */
    public String keyVariable() {
        return keyVariable;
    }

    /**
     * The endpoint to call: {@code configured}, unless it is the plugin's default (OpenAI's), which
     * stands for this provider's own default.
     */
    public URI endpoint(URI configured) {
        return ModelSettings.OPENAI_BASE_URL.equals(configured) ? defaultBaseUrl : configured;
    }

    /** The reply's token limit when none is configured, or {@code null} for the endpoint's own. */
    public Integer defaultMaxOutputTokens() {
        return defaultMaxOutputTokens;
    }
}

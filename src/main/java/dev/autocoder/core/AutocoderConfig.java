package dev.autocoder.core;

import dev.autocoder.model.PromptLimits;
import dev.autocoder.model.Provider;
import dev.autocoder.model.ProxySettings;
import dev.autocoder.model.RequestHeaders;
import dev.autocoder.verify.RoundTrimming;
import dev.autocoder.verify.SubBuildSlots;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a run is configured with, validated on construction so that a wrong value fails with
 * the parameter's name before any request is sent.
 *
 * @param paths where things are read and written
 * @param model how to reach the model and what it may cost
 * @param limits how far the engine may go
 * @param prompt an inline task, or empty
 * @param answers configured answers to clarifying questions, for every task
 * @param force regenerate even when the inputs are unchanged
 * @param executionId the Maven execution id, which keys state so executions never share it
 * @param pluginVersion this plugin's version, part of every fingerprint
 * @param keepSubBuilds keep every verification sub-build folder, for debugging
 * @param reverify how locked code is checked when only its verification inputs changed
 * @param rounds what rounds leave out and whether their time is profiled
 * @param subBuilds where sub-builds go and how the project's gates see the generated code
 */
public record AutocoderConfig(Paths paths, ModelOptions model, Limits limits, Optional<String> prompt,
        Map<String, String> answers, boolean force, String executionId, String pluginVersion, boolean keepSubBuilds,
        Reverify reverify, Rounds rounds, SubBuilds subBuilds) {

    /**
     * A configuration whose rounds leave out the known verdict-neutral goals only, unprofiled, and
     * whose sub-builds go to the default folder, with strict gates.
     */
    public AutocoderConfig(Paths paths, ModelOptions model, Limits limits, Optional<String> prompt,
            Map<String, String> answers, boolean force, String executionId, String pluginVersion,
            boolean keepSubBuilds, Reverify reverify) {
        this(paths, model, limits, prompt, answers, force, executionId, pluginVersion, keepSubBuilds, reverify,
                Rounds.DEFAULT, SubBuilds.DEFAULT);
    }

    /** A configuration with these rounds, whose sub-builds go to the default folder, with strict gates. */
    public AutocoderConfig(Paths paths, ModelOptions model, Limits limits, Optional<String> prompt,
            Map<String, String> answers, boolean force, String executionId, String pluginVersion,
            boolean keepSubBuilds, Reverify reverify, Rounds rounds) {
        this(paths, model, limits, prompt, answers, force, executionId, pluginVersion, keepSubBuilds, reverify,
                rounds, SubBuilds.DEFAULT);
    }

    /** A configuration with these sub-builds, whose rounds leave out the known goals only, unprofiled. */
    public AutocoderConfig(Paths paths, ModelOptions model, Limits limits, Optional<String> prompt,
            Map<String, String> answers, boolean force, String executionId, String pluginVersion,
            boolean keepSubBuilds, Reverify reverify, SubBuilds subBuilds) {
        this(paths, model, limits, prompt, answers, force, executionId, pluginVersion, keepSubBuilds, reverify,
                Rounds.DEFAULT, subBuilds);
    }

    /**
     * How rounds run.
     *
     * @param roundSkips goals the project names for rounds to leave out, besides the known ones
     * @param profile write where each sub-build's time went next to its build.log
     */
    public record Rounds(List<RoundTrimming.Goal> roundSkips, boolean profile) {
        /** The known goals only, no profile. */
        public static final Rounds DEFAULT = new Rounds(List.of(), false);

        public Rounds {
            roundSkips = List.copyOf(roundSkips);
        }

        /**
         * Reads {@code roundSkips}: comma-separated {@code groupId:artifactId[:goal]}.
         *
         * @throws ConfigurationException naming {@code roundSkips} and the malformed entry
         */
        public static Rounds parse(String roundSkips, boolean profile) {
            try {
                return new Rounds(RoundTrimming.parse(roundSkips), profile);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("roundSkips", e.getMessage(), e);
            }
        }

        /** What a round leaves out of the project's build. */
        public RoundTrimming trimming() {
            return RoundTrimming.forRounds(roundSkips);
        }
    }

    /**
     * Where sub-builds go and how the project's gates see the generated code.
     *
     * @param directory {@code subBuildDirectory}: the folder below which each execution's sub-builds
     *     go, or empty for {@code ${java.io.tmpdir}/autocoder-<hash of the module's path>}
     * @param strictGates {@code strictGates}: the generated code lies in the sub-build copy's own
     *     source folders, where the project's gates see it as the user's code
     */
    public record SubBuilds(Optional<Path> directory, boolean strictGates) {
        /** The default folder, strict gates. */
        public static final SubBuilds DEFAULT = new SubBuilds(Optional.empty(), true);

        public SubBuilds {
            Objects.requireNonNull(directory, "directory");
        }
    }

    /** A configuration that deletes sub-build folders once they are read. */
    public AutocoderConfig(Paths paths, ModelOptions model, Limits limits, Optional<String> prompt,
            Map<String, String> answers, boolean force, String executionId, String pluginVersion) {
        this(paths, model, limits, prompt, answers, force, executionId, pluginVersion, false);
    }

    /** A configuration that compile-checks locked code whose verification inputs changed. */
    public AutocoderConfig(Paths paths, ModelOptions model, Limits limits, Optional<String> prompt,
            Map<String, String> answers, boolean force, String executionId, String pluginVersion,
            boolean keepSubBuilds) {
        this(paths, model, limits, prompt, answers, force, executionId, pluginVersion, keepSubBuilds,
                Reverify.COMPILE);
    }

    /** The smallest {@code maxPromptTokens} accepted: below it not even a short spec fits. */
    public static final int MIN_PROMPT_TOKENS = 1_000;

    /** The smallest {@code numCtx} accepted: the smallest prompt and a short reply. */
    public static final int MIN_CONTEXT_SIZE = 2_048;

    /** What the lock file calls the goal's default execution. */
    public static final String DEFAULT_EXECUTION = "default";

    /**
     * How model calls are made: against the endpoint, recording a cassette, replaying one, or never
     * (locked: restore and re-verify from the lock file only, as CI and IDE builds want).
     */
    public enum Mode {
        LIVE, RECORD, REPLAY, LOCKED;

        /** Reads {@code live}, {@code record}, {@code replay} or {@code locked}, naming the parameter when it is none. */
        public static Mode parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("mode", "`" + value
                        + "` is not a mode; use live, record, replay or locked");
            }
        }
    }

    /**
     * How locked code is checked when only what it is verified against changed (a hand-written class,
     * a test, a dependency version): {@code compile} compiles it in process with the project, in about a
     * second, and leaves the tests to the project's own test phase; {@code tests} runs the project's
     * whole build and test suite with it in a sub-build, as a run that generates does.
     */
    public enum Reverify {
        COMPILE, TESTS;

        /** Reads {@code compile} or {@code tests}, naming the parameter when it is neither. */
        public static Reverify parse(String value) {
            String name = value == null ? "" : value.strip();
            for (Reverify choice : values()) {
                if (choice.label().equalsIgnoreCase(name)) {
                    return choice;
                }
            }
            throw new ConfigurationException("reverify", "`" + value + "` is not a value of reverify; use compile"
                    + " (the default: compile the locked code with the changed project, no sub-build) or tests"
                    + " (run the project's whole build and test suite with it in a sub-build)");
        }

        /** {@code compile} or {@code tests}, as the parameter is spelled. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The ids Maven gives the goal's execution when none is configured: {@code default} in a POM,
     * {@code default-cli} on the command line. Both are the same execution to the user.
     */
    private static final Set<String> DEFAULT_EXECUTION_IDS = Set.of("default", "default-cli");

    /**
     * Where the run reads and writes.
     *
     * @param baseDirectory the module's base folder
     * @param specDirectory where {@code *.md} task specs are read
     * @param specDirectoryExplicit whether the user set {@code specDirectory} (then it must exist)
     * @param outputDirectory verified main sources
     * @param testOutputDirectory verified test sources the model wrote
     * @param stateDirectory conversation state, journal, sub-build work folders and the report
     * @param lockFile the lock file meant to be committed
     * @param cassette the cassette for record and replay
     * @param checkstyleConfig a checkstyle configuration that overrides the default, or empty
     * @param allowContextFiles project-relative files a spec's context may name although they are
     *     git-ignored or look like secrets
     */
    public record Paths(Path baseDirectory, Path specDirectory, boolean specDirectoryExplicit, Path outputDirectory,
            Path testOutputDirectory, Path stateDirectory, Path lockFile, Path cassette,
            Optional<Path> checkstyleConfig, Set<String> allowContextFiles) {

        /** Paths whose specs may name no git-ignored or secret-looking file. */
        public Paths(Path baseDirectory, Path specDirectory, boolean specDirectoryExplicit, Path outputDirectory,
                Path testOutputDirectory, Path stateDirectory, Path lockFile, Path cassette,
                Optional<Path> checkstyleConfig) {
            this(baseDirectory, specDirectory, specDirectoryExplicit, outputDirectory, testOutputDirectory,
                    stateDirectory, lockFile, cassette, checkstyleConfig, Set.of());
        }

        public Paths {
            Objects.requireNonNull(baseDirectory, "baseDirectory");
            Objects.requireNonNull(specDirectory, "specDirectory");
            Objects.requireNonNull(outputDirectory, "outputDirectory");
            Objects.requireNonNull(testOutputDirectory, "testOutputDirectory");
            Objects.requireNonNull(stateDirectory, "stateDirectory");
            Objects.requireNonNull(lockFile, "lockFile");
            Objects.requireNonNull(cassette, "cassette");
            Objects.requireNonNull(checkstyleConfig, "checkstyleConfig");
            allowContextFiles = Set.copyOf(allowContextFiles);
        }
    }

    /**
     * How to reach the model and what a run may spend.
     *
     * @param baseUrl the OpenAI-compatible endpoint, ending before {@code /chat/completions}
     * @param modelName the model
     * @param apiKey the key, empty when none was found; never logged
     * @param timeoutSeconds per model call
     * @param maxRetries retries of a failed call (429, 5xx, timeouts)
     * @param retryBaseSeconds first backoff
     * @param retryMaxSeconds longest backoff, also the cap on a server's Retry-After
     * @param maxConcurrentRequests model requests in flight at once, shared by every module of a build
     * @param maxModelCalls calls a run may make, 0 for no limit
     * @param maxTokens tokens a run may spend, 0 for no limit
     * @param maxPromptTokens the most prompt tokens one request may have, 0 for the model's default
     *     ({@link PromptLimits#defaultFor(String)})
     * @param mode live, record, replay or locked
     * @param headers headers added to every model request, secrets like the key
     * @param proxy the proxy of Maven's settings for the endpoint, or empty for the JDK's own selection
     * @param provider the protocol the endpoint speaks
     * @param numCtx the context window to ask an Ollama server for, 0 for the provider's default
     */
    public record ModelOptions(URI baseUrl, String modelName, Optional<String> apiKey,
            int timeoutSeconds, int maxRetries, double retryBaseSeconds, double retryMaxSeconds,
            int maxConcurrentRequests, long maxModelCalls, long maxTokens, int maxPromptTokens, Mode mode,
            RequestHeaders headers, Optional<ProxySettings> proxy, Provider provider, int numCtx) {

        /** Options with the provider's default context window. */
        public ModelOptions(URI baseUrl, String modelName, Optional<String> apiKey,
                int timeoutSeconds, int maxRetries, double retryBaseSeconds, double retryMaxSeconds,
                int maxConcurrentRequests, long maxModelCalls, long maxTokens, int maxPromptTokens, Mode mode,
                RequestHeaders headers, Optional<ProxySettings> proxy, Provider provider) {
            this(baseUrl, modelName, apiKey, timeoutSeconds, maxRetries, retryBaseSeconds, retryMaxSeconds,
                    maxConcurrentRequests, maxModelCalls, maxTokens, maxPromptTokens, mode, headers, proxy, provider, 0);
        }

        /** Options for an OpenAI-compatible endpoint, no extra headers, reached as the JDK's proxy properties say. */
        public ModelOptions(URI baseUrl, String modelName, Optional<String> apiKey,
                int timeoutSeconds, int maxRetries, double retryBaseSeconds, double retryMaxSeconds,
                int maxConcurrentRequests, long maxModelCalls, long maxTokens, int maxPromptTokens, Mode mode) {
            this(baseUrl, modelName, apiKey, timeoutSeconds, maxRetries, retryBaseSeconds, retryMaxSeconds,
                    maxConcurrentRequests, maxModelCalls, maxTokens, maxPromptTokens, mode, RequestHeaders.none(),
                    Optional.empty(), Provider.OPENAI);
        }

        public ModelOptions {
            require(modelName != null && !modelName.isBlank(), "model", "is empty; name the model, e.g. gpt-4o-mini");
            require(timeoutSeconds > 0, "timeoutSeconds", "must be at least 1, was " + timeoutSeconds);
            require(maxRetries >= 0, "maxRetries", "cannot be negative, was " + maxRetries);
            require(retryBaseSeconds > 0, "retryBaseSeconds", "must be above 0, was " + retryBaseSeconds);
            require(retryMaxSeconds >= retryBaseSeconds, "retryMaxSeconds",
                    "must be at least retryBaseSeconds (" + retryBaseSeconds + "), was " + retryMaxSeconds);
            require(maxConcurrentRequests > 0, "maxConcurrentRequests",
                    "must be at least 1, was " + maxConcurrentRequests);
            require(maxModelCalls >= 0, "maxModelCalls", "cannot be negative (0 means no limit), was " + maxModelCalls);
            require(maxTokens >= 0, "maxTokens", "cannot be negative (0 means no limit), was " + maxTokens);
            require(maxPromptTokens == 0 || maxPromptTokens >= MIN_PROMPT_TOKENS, "maxPromptTokens",
                    "must be at least " + MIN_PROMPT_TOKENS + " (the system prompt alone takes hundreds), or 0 for"
                            + " the model's default, was " + maxPromptTokens);
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(proxy, "proxy");
            Objects.requireNonNull(provider, "provider");
            require(provider != Provider.OLLAMA || baseUrl == null || !baseUrl.getPath().endsWith("/v1"), "baseUrl",
                    baseUrl + " is Ollama's OpenAI-compatible endpoint; provider ollama speaks Ollama's own API at the"
                            + " server's root (http://localhost:11434): drop the /v1, or use provider openai");
            require(numCtx == 0 || provider.takesContextSize(), "numCtx", "applies to provider ollama only; for "
                    + provider.name().toLowerCase(Locale.ROOT) + " the server fixes the context window (for Ollama's"
                    + " /v1 endpoint: OLLAMA_CONTEXT_LENGTH; vLLM: --max-model-len), so set maxPromptTokens below it");
            require(numCtx == 0 || numCtx >= MIN_CONTEXT_SIZE, "numCtx", "must be at least " + MIN_CONTEXT_SIZE
                    + " (a prompt of " + MIN_PROMPT_TOKENS + " tokens and room for a reply), or 0 for the provider's"
                    + " default, was " + numCtx);
            // Fields are not assigned yet in a compact constructor, so the window comes from the parameters.
            Integer window = provider.contextSize(numCtx);
            require(maxPromptTokens == 0 || window == null || maxPromptTokens < window,
                    "maxPromptTokens", "must be below numCtx (" + window + ") so that the reply fits in the"
                            + " context window too, was " + maxPromptTokens);
        }

        /** The context window an Ollama server is asked for; {@code null} where the server fixes it. */
        public Integer contextSize() {
            return provider.contextSize(numCtx);
        }

        /**
         * The bound on every request's prompt: the configured one, else three quarters of the context
         * window the server is asked for (the rest is the reply's), else the model's default.
         */
        public int effectiveMaxPromptTokens() {
            if (maxPromptTokens > 0) {
                return maxPromptTokens;
            }
            Integer window = contextSize();
            return window != null ? window - window / 4 : PromptLimits.defaultFor(modelName);
        }

        /** A masked view: the key, header values and proxy password are never part of a record's text. */
        @Override
        public String toString() {
            return "ModelOptions[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + modelName + ", apiKey="
                    + (apiKey.isPresent() ? "****" : "none") + ", mode=" + mode + ", headers=" + headers
                    + ", proxy=" + proxy.map(ProxySettings::describe).orElse("none")
                    + (contextSize() == null ? "" : ", numCtx=" + contextSize()) + "]";
        }
    }

    /**
     * How far the engine may go.
     *
     * @param maxDepth refinement rounds plus decomposition levels per task
     * @param maxConversationLength messages sent per request (the sliding window)
     * @param maxQuestionRounds clarifying rounds per conversation
     * @param parallelism tasks worked on at once
     * @param subBuildTimeoutSeconds after which a sub-build is stopped and its candidates fail
     * @param contextBudget characters of project context sent with a task
     * @param maxSubBuilds sub-builds running at once in this JVM, shared by the modules of a
     *     {@code -T} build (the first module's value counts)
     */
    public record Limits(int maxDepth, int maxConversationLength, int maxQuestionRounds, int parallelism,
            int subBuildTimeoutSeconds, int contextBudget, int maxSubBuilds) {

        /** Limits with as many sub-builds at once as this machine's processors and memory allow. */
        public Limits(int maxDepth, int maxConversationLength, int maxQuestionRounds, int parallelism,
                int subBuildTimeoutSeconds, int contextBudget) {
            this(maxDepth, maxConversationLength, maxQuestionRounds, parallelism, subBuildTimeoutSeconds,
                    contextBudget, SubBuildSlots.machineDefault());
        }

        public Limits {
            require(maxDepth > 0, "maxDepth", "must be at least 1, was " + maxDepth);
            require(maxConversationLength >= 3, "maxConversationLength",
                    "must be at least 3 (system prompt, task, newest feedback), was " + maxConversationLength);
            require(maxQuestionRounds >= 0, "maxQuestionRounds", "cannot be negative, was " + maxQuestionRounds);
            require(parallelism > 0, "parallelism", "must be at least 1, was " + parallelism);
            require(subBuildTimeoutSeconds > 0, "subBuildTimeoutSeconds",
                    "must be at least 1, was " + subBuildTimeoutSeconds);
            require(contextBudget >= 0, "contextBudget", "cannot be negative, was " + contextBudget);
            require(maxSubBuilds > 0, "maxSubBuilds", "must be at least 1, was " + maxSubBuilds);
        }
    }

    public AutocoderConfig {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(reverify, "reverify");
        Objects.requireNonNull(rounds, "rounds");
        Objects.requireNonNull(subBuilds, "subBuilds");
        answers = Map.copyOf(answers);
        require(prompt.isEmpty() || !prompt.get().isBlank(), "prompt", "is blank; describe the task or remove it");
        require(executionId != null && !executionId.isBlank(), "executionId", "is empty");
    }

    /**
     * The name this execution goes by in the lock file: {@code default} for the goal's default
     * execution, wherever it was started from, else the execution's id.
     */
    public String executionKey() {
        return executionKey(executionId);
    }

    /** The name execution {@code executionId} goes by in the lock file, as {@link #executionKey()}. */
    public static String executionKey(String executionId) {
        return isDefault(executionId) ? DEFAULT_EXECUTION : executionId;
    }

    /**
     * What default paths append for an execution, so that several executions in one module never share
     * an output folder or a report: nothing for the default execution, {@code -<id>} for any other.
     */
    public static String pathSuffix(String executionId) {
        return isDefault(executionId) ? "" : "-" + executionId;
    }

    /** The goal's default execution; a goal run outside any execution (a test harness) counts as it. */
    private static boolean isDefault(String executionId) {
        return executionId == null || DEFAULT_EXECUTION_IDS.contains(executionId);
    }

    /**
     * Reads {@code openai}, {@code anthropic} or {@code ollama}.
     *
     * @throws ConfigurationException naming {@code provider} when it is neither
     */
    public static Provider parseProvider(String value) {
        try {
            return Provider.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("provider", "`" + value + "` is not a provider; use openai (OpenAI and"
                    + " every OpenAI-compatible endpoint), anthropic or ollama", e);
        }
    }

    /**
     * Parses {@code baseUrl}: an absolute http or https URL; a trailing slash is dropped.
     *
     * @throws ConfigurationException naming {@code baseUrl} when it is not one
     */
    public static URI parseBaseUrl(String value) {
        String trimmed = value == null ? "" : value.strip();
        try {
            URI uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new ConfigurationException("baseUrl", "`" + value + "` is not an http(s) URL;"
                        + " use for example https://api.openai.com/v1 or http://localhost:11434/v1");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException("baseUrl", "`" + value + "` is not a URL: " + e.getReason(), e);
        }
    }

    private static void require(boolean condition, String parameter, String problem) {
        if (!condition) {
            throw new ConfigurationException(parameter, parameter + " " + problem);
        }
    }
}

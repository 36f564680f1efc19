package dev.autocoder.maven;

import dev.autocoder.core.AutocoderConfig;
import dev.autocoder.core.ConfigurationException;
import dev.autocoder.engine.Clarifier;
import dev.autocoder.model.Provider;
import dev.autocoder.model.ProxySettings;
import dev.autocoder.model.RequestHeaders;
import dev.autocoder.report.PriceTable;
import dev.autocoder.verify.SubBuildSettings;
import dev.autocoder.verify.SubBuildSlots;
import java.io.Console;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Turns the mojo's parameters and the Maven session into the core's configuration values. */
final class PluginInputs {

    /** Not a parameter of ours: errors about settings.xml proxies name the element themselves. */
    private static final String PROXIES = "proxies";

    /**
     * Properties whose presence marks a build run by an IDE: Eclipse m2e sets {@code m2e.version} in
     * its workspace builds, IntelliJ IDEA sets {@code idea.version} when it imports or builds a Maven
     * project. Both are looked up in the request's system and user properties and in this JVM's.
     */
    private static final List<String> IDE_MARKERS = List.of("m2e.version", "idea.version");

    private final GenerateMojo mojo;
    private final SettingsDecrypter decrypter;
    private final String executionId;

    /** The inputs of the mojo's own execution. */
    PluginInputs(GenerateMojo mojo, SettingsDecrypter decrypter) {
        this(mojo, decrypter, null);
    }

    /**
     * @param executionId the execution the run belongs to, which keys its default folders, state and
     *     lock entries: the POM's execution a command-line run stands for ({@link CommandLineRun});
     *     {@code null} for the mojo's own
     */
    PluginInputs(GenerateMojo mojo, SettingsDecrypter decrypter, String executionId) {
        this.mojo = mojo;
        this.decrypter = decrypter;
        this.executionId = executionId;
    }

    AutocoderConfig config() {
        AutocoderConfig.Reverify reverify = AutocoderConfig.Reverify.parse(mojo.reverify == null ? "compile"
                : mojo.reverify);
        Path base = mojo.project.getBasedir().toPath();
        String specDefault = base.resolve("src/main/autocoder").toAbsolutePath().normalize().toString();
        boolean specExplicit = !mojo.specDirectory.toPath().toAbsolutePath().normalize().toString().equals(specDefault);
        AutocoderConfig.Paths paths = new AutocoderConfig.Paths(base, mojo.specDirectory.toPath(), specExplicit,
                outputDirectory(), testOutputDirectory(), mojo.stateDirectory.toPath(),
                mojo.lockFile.toPath(), mojo.cassette.toPath(),
                Optional.ofNullable(mojo.checkstyleConfig).map(File::toPath),
                mojo.allowContextFiles == null ? Set.of() : Set.copyOf(mojo.allowContextFiles));
        paths.checkstyleConfig().filter(file -> !file.toFile().isFile()).ifPresent(file -> {
            throw new ConfigurationException("checkstyleConfig", "checkstyleConfig " + file + " does not exist");
        });
        Provider provider = AutocoderConfig.parseProvider(mojo.provider);
        URI endpoint = provider.endpoint(AutocoderConfig.parseBaseUrl(mojo.baseUrl));
        AutocoderConfig.ModelOptions model = new AutocoderConfig.ModelOptions(
                endpoint, mojo.model != null ? mojo.model : provider.defaultModel(), apiKey(provider),
                mojo.timeoutSeconds != null ? mojo.timeoutSeconds : provider.defaultTimeoutSeconds(),
                mojo.maxRetries, mojo.retryBaseSeconds, mojo.retryMaxSeconds,
                mojo.maxConcurrentRequests, mojo.maxModelCalls, mojo.maxTokens,
                mojo.maxPromptTokens == null ? 0 : mojo.maxPromptTokens, mode(), headers(), proxy(endpoint), provider,
                mojo.numCtx == null ? 0 : mojo.numCtx);
        int parallelism = mojo.parallelism != null ? mojo.parallelism
                : Math.min(4, Runtime.getRuntime().availableProcessors());
        AutocoderConfig.Limits limits = new AutocoderConfig.Limits(mojo.maxDepth, mojo.maxConversationLength,
                mojo.maxQuestionRounds, parallelism, mojo.subBuildTimeoutSeconds, mojo.contextBudget,
                mojo.maxSubBuilds != null ? mojo.maxSubBuilds : SubBuildSlots.machineDefault());
        return new AutocoderConfig(paths, model, limits, Optional.ofNullable(mojo.prompt),
                mojo.answers == null ? Map.of() : mojo.answers, mojo.force, executionId(),
                mojo.mojoExecution.getVersion(), mojo.keepSubBuilds, reverify,
                AutocoderConfig.Rounds.parse(mojo.roundSkips, mojo.profile), new AutocoderConfig.SubBuilds(
                        Optional.ofNullable(mojo.subBuildDirectory).map(file -> file.toPath().toAbsolutePath()),
                        mojo.strictGates));
    }

    private String executionId() {
        return executionId != null ? executionId : mojo.mojoExecution.getExecutionId();
    }

    /** {@code outputDirectory}, or its default for this execution. */
    Path outputDirectory() {
        return generatedRoot(mojo.outputDirectory, "generated-sources/autocoder");
    }

    /** {@code testOutputDirectory}, or its default for this execution. */
    Path testOutputDirectory() {
        return generatedRoot(mojo.testOutputDirectory, "generated-test-sources/autocoder");
    }

    private Path generatedRoot(File configured, String defaultBelowTarget) {
        if (configured != null) {
            return configured.toPath().toAbsolutePath();
        }
        return Path.of(mojo.project.getBuild().getDirectory())
                .resolve(defaultBelowTarget + AutocoderConfig.pathSuffix(executionId()))
                .toAbsolutePath();
    }

    /**
     * The property that marks this as an IDE's build, when the IDE decides: the goal run by itself or
     * a {@code mode} set explicitly is the user's decision, and then the IDE changes nothing.
     */
    Optional<String> ideBuild() {
        if (mojo.mode != null || CommandLineRun.EXECUTION_ID.equals(mojo.mojoExecution.getExecutionId())) {
            return Optional.empty();
        }
        MavenExecutionRequest request = mojo.session.getRequest();
        return IDE_MARKERS.stream().filter(name -> request.getSystemProperties().getProperty(name) != null
                || request.getUserProperties().getProperty(name) != null || System.getProperty(name) != null)
                .findFirst();
    }

    /** {@code mode} as set, else live, or locked in an IDE's build. */
    AutocoderConfig.Mode mode() {
        if (mojo.mode != null) {
            return AutocoderConfig.Mode.parse(mojo.mode);
        }
        return ideBuild().isPresent() ? AutocoderConfig.Mode.LOCKED : AutocoderConfig.Mode.LIVE;
    }

    SubBuildSettings subBuildSettings() {
        MavenExecutionRequest request = mojo.session.getRequest();
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome == null) {
            throw new ConfigurationException("subBuildTimeoutSeconds", "cannot verify: the system property"
                    + " maven.home is not set, so there is no Maven to run the sub-build with");
        }
        return new SubBuildSettings(Path.of(mavenHome), request.getLocalRepositoryPath().toPath(),
                existing(request.getUserSettingsFile()), existing(request.getGlobalSettingsFile()),
                mojo.session.isOffline(), Duration.ofSeconds(mojo.subBuildTimeoutSeconds), null,
                Optional.ofNullable(System.getProperty("settings.security")).map(Path::of).orElse(null),
                Optional.ofNullable(request.getMultiModuleProjectDirectory())
                        .map(root -> root.toPath().resolve(".mvn/jvm.config"))
                        .filter(Files::isRegularFile).orElse(null))
                .withSession(session(request))
                .withMvnFolder(mvnFolder(request))
                .withWarmMaven(mojo.warmMaven);
    }

    /**
     * The {@code .mvn} folder the outer build read its core extensions ({@code extensions.xml}) and
     * their configuration from: the one at the multi-module project directory, as for jvm.config;
     * null when there is none.
     */
    static Path mvnFolder(MavenExecutionRequest request) {
        return Optional.ofNullable(request.getMultiModuleProjectDirectory())
                .map(root -> root.toPath().resolve(".mvn"))
                .filter(Files::isDirectory).orElse(null);
    }

    /**
     * What the user started the outer build with: its user properties ({@code -D}, also from
     * {@code .mvn/maven.config}), its profile switches ({@code -P}) and its toolchains files. A
     * property that names an existing file relative to the folder the build was started in is made
     * absolute, because the sub-build starts in another folder. The verifier leaves out the plugin's
     * own properties and anything secret.
     */
    static SubBuildSettings.Session session(MavenExecutionRequest request) {
        Map<String, String> properties = new TreeMap<>();
        java.util.Properties user = request.getUserProperties();
        Path started = request.getBaseDirectory() != null ? Path.of(request.getBaseDirectory())
                : request.getMultiModuleProjectDirectory() != null ? request.getMultiModuleProjectDirectory().toPath()
                : null;
        if (user != null) {
            for (String name : user.stringPropertyNames()) {
                properties.put(name, absoluteIfFile(started, user.getProperty(name)));
            }
        }
        return new SubBuildSettings.Session(properties,
                request.getActiveProfiles() == null ? List.of() : request.getActiveProfiles(),
                request.getInactiveProfiles() == null ? List.of() : request.getInactiveProfiles(),
                existing(request.getUserToolchainsFile()), existing(request.getGlobalToolchainsFile()));
    }

    /** A value that names a file or folder below {@code base}, as an absolute path; any other value as it is. */
    static String absoluteIfFile(Path base, String value) {
        if (base == null || value == null || value.isBlank() || value.startsWith("-") || value.contains("${")
                || value.contains("*") || value.contains("\n") || !(value.contains("/") || value.contains(".")
                        || value.contains(File.separator))) {
            return value;
        }
        try {
            Path path = Path.of(value);
            return !path.isAbsolute() && Files.exists(base.resolve(path))
                    ? base.resolve(path).toAbsolutePath().normalize().toString() : value;
        } catch (java.nio.file.InvalidPathException notAPath) {
            return value;
        }
    }

    Optional<Clarifier.Prompter> prompter() {
        Console console = System.console();
        if (!mojo.session.getRequest().isInteractiveMode() || console == null) {
            return Optional.empty();
        }
        return Optional.of((task, question) -> {
            synchronized (PluginInputs.class) {
                String answer = console.readLine("[%s] the model asks: %s%n> ", task, question);
                return Optional.ofNullable(answer);
            }
        });
    }

    /** The price table for {@code provider}'s models, with {@code <prices>} over it. */
    PriceTable prices(Provider provider) {
        PriceTable table = provider == Provider.OLLAMA ? PriceTable.local() : PriceTable.defaults();
        if (mojo.prices != null) {
            for (Map.Entry<String, String> price : mojo.prices.entrySet()) {
                try {
                    table = table.with(price.getKey(), PriceTable.Price.parse(price.getValue()));
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException("prices", "<prices><" + price.getKey() + ">" + price.getValue()
                            + "</...> is not `input/output` or `input/output/cached` dollars per million tokens,"
                            + " e.g. 0.15/0.60/0.075", e);
                }
            }
        }
        return table;
    }

    /** The key from {@code <apiKey>}, else {@code <serverId>}, else the provider's variable; empty when none is set. */
    private Optional<String> apiKey(Provider provider) {
        if (mojo.apiKey != null && !mojo.apiKey.isBlank()) {
            return Optional.of(mojo.apiKey.strip());
        }
        if (mojo.serverId != null && !mojo.serverId.isBlank()) {
            return Optional.of(serverPassword(mojo.serverId, "serverId", "the API key"));
        }
        String variable = System.getenv(provider.keyVariable());
        return Optional.ofNullable(variable).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * The decrypted password of settings.xml's {@code <server>} {@code id}, which holds {@code what}.
     *
     * @throws ConfigurationException naming {@code parameter} when there is no such server, it has no
     *     password, or the password cannot be decrypted
     */
    private String serverPassword(String id, String parameter, String what) {
        Server server = mojo.session.getSettings().getServer(id);
        if (server == null) {
            throw new ConfigurationException(parameter, "there is no <server> with id `" + id
                    + "` in settings.xml; add one whose <password> is " + what);
        }
        SettingsDecryptionResult result = decrypted(new DefaultSettingsDecryptionRequest(server), parameter,
                "<server> `" + id + "`");
        String password = result.getServer().getPassword();
        if (password == null || password.isBlank()) {
            throw new ConfigurationException(parameter, "<server> `" + id
                    + "` in settings.xml has no <password>; put " + what + " there");
        }
        return password.strip();
    }

    private SettingsDecryptionResult decrypted(DefaultSettingsDecryptionRequest request, String parameter,
            String owner) {
        SettingsDecryptionResult result = decrypter.decrypt(request);
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new ConfigurationException(parameter, "cannot decrypt the password of " + owner + " in"
                        + " settings.xml: " + problem.getMessage());
            }
        }
        return result;
    }

    /** {@code <headers>} as given, and each header of {@code <headerServers>} with its server's password. */
    private RequestHeaders headers() {
        Map<String, String> literal = mojo.headers == null ? Map.of() : mojo.headers;
        Map<String, String> servers = mojo.headerServers == null ? Map.of() : mojo.headerServers;
        RequestHeaders checked = requestHeaders(literal, "headers");
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.putAll(checked.reveal());
        Map<String, String> fromServers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        servers.forEach((name, id) -> {
            if (all.containsKey(name)) {
                throw new ConfigurationException("headerServers", "header `" + name + "` is set both in <headers>"
                        + " and in <headerServers>; keep one of them");
            }
            if (id == null || id.isBlank()) {
                throw new ConfigurationException("headerServers", "header `" + name + "` names no <server>; give"
                        + " the id of a <server> in settings.xml whose <password> is the header's value");
            }
            fromServers.put(name, serverPassword(id.strip(), "headerServers", "the value of header `" + name + "`"));
        });
        all.putAll(requestHeaders(fromServers, "headerServers").reveal());
        return RequestHeaders.of(all);
    }

    private static RequestHeaders requestHeaders(Map<String, String> headers, String parameter) {
        try {
            return RequestHeaders.of(headers);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(parameter, e.getMessage(), e);
        }
    }

    /**
     * The first active settings.xml proxy for the endpoint's protocol, its password decrypted. As in
     * Maven's own downloads, an {@code http} proxy also carries {@code https} when none is declared for it.
     */
    Optional<ProxySettings> proxy(URI endpoint) {
        List<Proxy> active = mojo.session.getSettings().getProxies().stream().filter(Proxy::isActive).toList();
        Optional<Proxy> chosen = active.stream()
                .filter(proxy -> endpoint.getScheme().equalsIgnoreCase(proxy.getProtocol())).findFirst()
                .or(() -> active.stream().filter(proxy -> "http".equalsIgnoreCase(proxy.getProtocol())).findFirst());
        return chosen.map(proxy -> {
            Proxy plain = decrypted(new DefaultSettingsDecryptionRequest(proxy), PROXIES,
                    "<proxy> `" + proxy.getId() + "`").getProxy();
            List<String> nonProxyHosts = plain.getNonProxyHosts() == null ? List.of()
                    : Arrays.stream(plain.getNonProxyHosts().split("[|,]")).map(String::strip)
                            .filter(host -> !host.isEmpty()).toList();
            try {
                return new ProxySettings(plain.getId(), plain.getHost(), plain.getPort(), nonProxyHosts,
                        plain.getUsername(), plain.getPassword());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(PROXIES, "<proxy> `" + plain.getId() + "` in settings.xml cannot"
                        + " carry model calls: " + e.getMessage(), e);
            }
        });
    }

    private static Path existing(File file) {
        return file != null && file.isFile() ? file.toPath() : null;
    }
}

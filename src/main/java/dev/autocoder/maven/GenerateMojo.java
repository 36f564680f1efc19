package dev.autocoder.maven;

import dev.autocoder.core.Autocoder;
import dev.autocoder.core.AutocoderConfig;
import dev.autocoder.core.ConfigurationException;
import dev.autocoder.core.TasksFailedException;
import dev.autocoder.model.ModelException;
import dev.autocoder.project.ProjectLayout;
import dev.autocoder.verify.SubBuildException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.eclipse.aether.RepositorySystem;

/**
 * Generates Java sources from plain-language tasks with a chat model, and keeps only code that
 * compiled, passed checkstyle, passed the project's tests and passed a review.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class GenerateMojo extends AbstractMojo {

    /**
     * The API key. Default: the {@code OPENAI_API_KEY} environment variable ({@code ANTHROPIC_API_KEY}
     * for provider anthropic; {@code OLLAMA_API_KEY}, optional, for provider ollama). Prefer that variable or {@code serverId}: Maven itself prints
     * configured values and system properties with {@code -X}.
     */
    @Parameter(property = "autocoder.apiKey")
    String apiKey;

    /** The id of a {@code <server>} in settings.xml whose (decrypted) password is the API key. */
    @Parameter(property = "autocoder.serverId")
    String serverId;

    /**
     * The endpoint: OpenAI, a gateway, vLLM or Ollama's {@code http://localhost:11434/v1} for provider
     * openai; Anthropic's for provider anthropic; the server's root ({@code http://localhost:11434},
     * the default) for provider ollama.
     */
    @Parameter(property = "autocoder.baseUrl", defaultValue = "https://api.openai.com/v1")
    String baseUrl;

    /**
     * The protocol the endpoint speaks: {@code openai} (OpenAI and every OpenAI-compatible server),
     * {@code anthropic} (Anthropic's Messages API; {@code baseUrl} then defaults to Anthropic's) or
     * {@code ollama} (Ollama's own API, where {@code numCtx} sets the context window; no key needed).
     */
    @Parameter(property = "autocoder.provider", defaultValue = "openai")
    String provider;

    /**
     * Headers added to every model request, by name: {@code <headers><api-key>...</api-key></headers>}
     * for Azure OpenAI or a gateway. Values are secrets like the key: never logged or stored.
     */
    @Parameter
    Map<String, String> headers;

    /**
     * Headers whose value is the (decrypted) password of a {@code <server>} in settings.xml, by header
     * name: {@code <headerServers><X-Gateway-Token>corp-gateway</X-Gateway-Token></headerServers>}
     * sends that server's password as {@code X-Gateway-Token}. A header may be in this or in
     * {@code headers}, not in both.
     */
    @Parameter
    Map<String, String> headerServers;

    /**
     * Project files a spec's {@code context:} may name although they look like secrets ({@code .env*},
     * {@code *.pem}, {@code *.key}, {@code settings*.xml}, {@code *credentials*}) or {@code .gitignore}
     * ignores them: project-relative paths, {@code <file>.env.example</file>}.
     */
    @Parameter
    List<String> allowContextFiles;

    /**
     * The model to ask. Default: {@code gpt-4o-mini}; {@code claude-sonnet-4-5} for provider anthropic;
     * {@code qwen2.5-coder:7b} for provider ollama.
     */
    @Parameter(property = "autocoder.model")
    String model;

    /** One task given inline, named {@code prompt}. */
    @Parameter(property = "autocoder.prompt")
    String prompt;

    /** Every {@code *.md} file here is one task, named by its file. */
    @Parameter(property = "autocoder.specDirectory", defaultValue = "${project.basedir}/src/main/autocoder")
    File specDirectory;

    /**
     * Where verified main sources go; added as a compile source root. Default:
     * {@code ${project.build.directory}/generated-sources/autocoder} for the goal's default execution,
     * {@code .../autocoder-<executionId>} for any other, so executions never share it. The goal run by
     * itself ({@code mvn autocoder:generate}) is the POM's one execution of the goal, with its
     * configuration and folders; with several, name one: {@code mvn autocoder:generate@<id>}.
     */
    @Parameter(property = "autocoder.outputDirectory")
    File outputDirectory;

    /**
     * Where verified tests the model wrote go; added as a test source root. Default:
     * {@code ${project.build.directory}/generated-test-sources/autocoder}, with {@code -<executionId>}
     * for an execution other than the default one.
     */
    @Parameter(property = "autocoder.testOutputDirectory")
    File testOutputDirectory;

    /** Conversation state, the reply journal, sub-build folders and the report. */
    @Parameter(property = "autocoder.stateDirectory", defaultValue = "${project.build.directory}/autocoder")
    File stateDirectory;

    /** The lock file of verified sources, meant to be committed; it keeps each execution's tasks apart. */
    @Parameter(property = "autocoder.lockFile", defaultValue = "${project.basedir}/src/main/autocoder/autocoder.lock.json")
    File lockFile;

    /** The cassette that {@code record} mode writes and {@code replay} mode reads. */
    @Parameter(property = "autocoder.cassette",
            defaultValue = "${project.basedir}/src/main/autocoder/autocoder.cassette.jsonl")
    File cassette;

    /**
     * {@code live} (call the model), {@code record} (call it and write the cassette), {@code replay}
     * (answer from the cassette) or {@code locked} (restore and re-verify from the lock file, never call
     * a model). Default: live, and locked in an IDE's build unless the goal is run by itself.
     */
    @Parameter(property = "autocoder.mode")
    String mode;

    /** Refinement rounds plus decomposition levels a task may use. */
    @Parameter(property = "autocoder.maxDepth", defaultValue = "10")
    int maxDepth;

    /** Messages sent per request; older attempts slide out, the system prompt, task and newest feedback stay. */
    @Parameter(property = "autocoder.maxConversationLength", defaultValue = "10")
    int maxConversationLength;

    /** Retries of a failed model call (429, 5xx, timeouts); 401/403/404 are never retried. */
    @Parameter(property = "autocoder.maxRetries", defaultValue = "3")
    int maxRetries;

    /** The first retry's backoff in seconds, doubling per retry. */
    @Parameter(property = "autocoder.retryBaseSeconds", defaultValue = "1.5")
    double retryBaseSeconds;

    /** The longest backoff in seconds. */
    @Parameter(property = "autocoder.retryMaxSeconds", defaultValue = "10")
    double retryMaxSeconds;

    /** How long one model call may take, in seconds. Default: 180, and 600 for provider ollama (a local model is slow). */
    @Parameter(property = "autocoder.timeoutSeconds")
    Integer timeoutSeconds;

    /**
     * The context window, in tokens, to ask an Ollama server for ({@code num_ctx}); provider ollama only.
     * Default 16384. Prompts are fitted to three quarters of it unless {@code maxPromptTokens} is set.
     */
    @Parameter(property = "autocoder.numCtx")
    Integer numCtx;

    /** Clarifying question rounds per conversation before the model must proceed on assumptions. */
    @Parameter(property = "autocoder.maxQuestionRounds", defaultValue = "2")
    int maxQuestionRounds;

    /** Tasks worked on at once. Default: the number of processors, at most 4. */
    @Parameter(property = "autocoder.parallelism")
    Integer parallelism;

    /**
     * Verification sub-builds running at once, shared by every module of a multi-module build (the
     * first module's value counts). Default: one per two processors, as far as physical memory
     * allows 2 GiB each, at least one.
     */
    @Parameter(property = "autocoder.maxSubBuilds")
    Integer maxSubBuilds;

    /** Model requests in flight at once, shared by every module of a multi-module build. */
    @Parameter(property = "autocoder.maxConcurrentRequests", defaultValue = "4")
    int maxConcurrentRequests;

    /** Model calls one run may make; 0 for no limit. */
    @Parameter(property = "autocoder.maxModelCalls", defaultValue = "0")
    long maxModelCalls;

    /** Tokens (input plus output) one run may spend; 0 for no limit. */
    @Parameter(property = "autocoder.maxTokens", defaultValue = "0")
    long maxTokens;

    /**
     * The most prompt tokens one request may have. Longer requests are cut: the oldest refinement
     * turns first, then the project context from its least relevant section, then the feedback. Unset,
     * it follows the model (100000 for gpt-4o and gpt-4o-mini, 200000 for gpt-4.1 and gpt-5), is three
     * quarters of {@code numCtx} for provider ollama, and is 8000 for models it does not know, such as
     * local ones behind an OpenAI-compatible endpoint: set it below the server's context window.
     */
    @Parameter(property = "autocoder.maxPromptTokens")
    Integer maxPromptTokens;

    /** After this many seconds a verification sub-build is stopped and its candidates fail. */
    @Parameter(property = "autocoder.subBuildTimeoutSeconds", defaultValue = "300")
    int subBuildTimeoutSeconds;

    /** A checkstyle configuration file for verification, overriding the project's and the built-in one. */
    @Parameter(property = "autocoder.checkstyleConfig")
    File checkstyleConfig;

    /** Characters of project context (tests, signatures, dependencies) sent with each task. */
    @Parameter(property = "autocoder.contextBudget", defaultValue = "24000")
    int contextBudget;

    /** Answers to clarifying questions, by keyword: {@code <answers><rounding>HALF_EVEN</rounding></answers>}. */
    @Parameter
    Map<String, String> answers;

    /**
     * Prices per million tokens by model, {@code input/output} or {@code input/output/cached} in dollars:
     * {@code <gpt-4o>2.50/10.00/1.25</gpt-4o>}. OpenAI's and Anthropic's list prices are built in; with
     * provider ollama a model without a price here costs nothing.
     */
    @Parameter
    Map<String, String> prices;

    /** Regenerate even when the inputs are unchanged. */
    @Parameter(property = "autocoder.force", defaultValue = "false")
    boolean force;

    /**
     * Keep every verification sub-build folder (below {@code subBuildDirectory}), for debugging. By
     * default a folder is deleted once its verdicts are read, except the newest one of a task that
     * failed in it.
     */
    @Parameter(property = "autocoder.keepSubBuilds", defaultValue = "false")
    boolean keepSubBuilds;

    /**
     * The folder below which each execution's verification sub-builds go (in a folder named after
     * the execution). Default: {@code ${java.io.tmpdir}/autocoder-<hash of the module's path>}.
     * Keep it outside any {@code target/} or {@code generated} path, or the project's gates may skip
     * the generated code there.
     */
    @Parameter(property = "autocoder.subBuildDirectory")
    File subBuildDirectory;

    /**
     * Run the project's gates (checkstyle, formatters) on the generated code as if it lived in
     * {@code src/main/java}; {@code false} checks it where the build adds it, a generated source root.
     */
    @Parameter(property = "autocoder.strictGates", defaultValue = "true")
    boolean strictGates;

    /**
     * Run the run's sub-builds in Maven JVMs kept up until the run ends, one build at a time each,
     * so that Maven starts once per run instead of once per sub-build; {@code false} starts Maven
     * afresh for each sub-build, as {@code mvn} would.
     */
    @Parameter(property = "autocoder.warmMaven", defaultValue = "true")
    boolean warmMaven;

    /**
     * Build the reactor's modules that depend on this one in the final check, with their tests, so
     * that "verified" covers them too; {@code false} leaves them to your build, which then builds
     * them after this module (their tests run once, but a mistake only they catch is locked first).
     */
    @Parameter(property = "autocoder.checkDependents", defaultValue = "true")
    boolean checkDependents;

    /**
     * How locked code is checked when only what it is verified against changed (a hand-written class,
     * a test, a dependency version): {@code compile} compiles it with the project in process, with no
     * sub-build, and leaves its tests to the project's own test phase; {@code tests} runs the
     * project's whole build and test suite with it in a sub-build.
     */
    @Parameter(property = "autocoder.reverify", defaultValue = "compile")
    String reverify;

    /**
     * Goals a verification round leaves out besides the known verdict-neutral ones (coverage agent,
     * enforcer, SBOM, git metadata), comma-separated {@code groupId:artifactId[:goal]}. The final
     * check still runs them.
     */
    @Parameter(property = "autocoder.roundSkips")
    String roundSkips;

    /**
     * Write, per sub-build, where its time went (Maven's start, each goal, the test JVM and the tests)
     * as {@code profile.json} next to its build.log; the sub-build folders are kept.
     */
    @Parameter(property = "autocoder.profile", defaultValue = "false")
    boolean profile;

    /** Skip generation; earlier output is still added as a source root. */
    @Parameter(property = "autocoder.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    private final SettingsDecrypter decrypter;

    private final RepositorySystem repositorySystem;

    private final ComponentConfigurator configurator;

    @Inject
    public GenerateMojo(SettingsDecrypter decrypter, RepositorySystem repositorySystem,
            @Named("basic") ComponentConfigurator configurator) {
        this.decrypter = decrypter;
        this.repositorySystem = repositorySystem;
        this.configurator = configurator;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        String executionId = mojoExecution.getExecutionId();
        try {
            Optional<CommandLineRun.Shared> shared = CommandLineRun.shared(project, mojoExecution);
            if (shared.isPresent()) {
                CommandLineRun.configure(this, shared.get(), configurator);
                executionId = shared.get().id();
                getLog().info("autocoder: run from the command line as the POM's execution `" + executionId
                        + "`: its configuration, output folders and lock entries");
            }
        } catch (ConfigurationException e) {
            throw failure(e);
        }
        PluginInputs inputs = new PluginInputs(this, decrypter, executionId);
        project.addCompileSourceRoot(inputs.outputDirectory().toString());
        project.addTestCompileSourceRoot(inputs.testOutputDirectory().toString());
        List<ProjectLayout.GeneratedRoots> earlier = MavenProjectView.recordOutputs(project,
                new ProjectLayout.GeneratedRoots(inputs.outputDirectory(), inputs.testOutputDirectory()));
        if (skip) {
            getLog().info("autocoder: skipped (autocoder.skip); earlier output in " + inputs.outputDirectory()
                    + " still compiles");
            return;
        }
        MavenRunLog log = new MavenRunLog(getLog());
        inputs.ideBuild().ifPresent(marker -> log.info("autocoder: an IDE build (" + marker + " is set), so mode"
                + " is locked: restore and re-verify from the lock file, no model call. Run the goal by itself"
                + " (mvn autocoder:generate) or set -Dautocoder.mode to call the model"));
        try {
            List<String> adopted = CommandLineRun.adoptCommandLineEntries(project, mojoExecution.getMojoDescriptor(),
                    executionId, lockFile.toPath());
            if (!adopted.isEmpty()) {
                log.info("autocoder: the lock entries of " + adopted + ", which mvn autocoder:generate wrote as"
                        + " execution `default`, now belong to execution `" + executionId + "`, the POM's one"
                        + " execution of the goal; commit " + lockFile);
            }
            AutocoderConfig config = inputs.config();
            new Autocoder(config, MavenProjectView.layout(project, session, repositorySystem, inputs.outputDirectory(),
                    inputs.testOutputDirectory(), earlier,
                    mojoExecution.getGroupId() + ":" + mojoExecution.getArtifactId() + ":" + mojoExecution.getVersion(),
                    checkDependents),
                    inputs.subBuildSettings(), log, inputs.prompter(), inputs.prices(config.model().provider())).run();
        } catch (ConfigurationException e) {
            throw failure(e);
        } catch (TasksFailedException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (ModelException e) {
            if (e.retryable()) {
                throw new MojoExecutionException("the model could not be reached: " + e.getMessage(), e);
            }
            throw new MojoFailureException(e.getMessage(), e);
        } catch (SubBuildException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("autocoder failed unexpectedly: " + e, e);
        }
    }

    /** The failure that names the parameter at fault as the POM and the command line spell it. */
    private MojoFailureException failure(ConfigurationException e) {
        // A parameter of another plugin (the compiler's annotationProcessorPaths) has no
        // autocoder property; its message names the plugin and the element itself.
        org.apache.maven.plugin.descriptor.Parameter parameter =
                mojoExecution.getMojoDescriptor().getParameterMap().get(e.parameter());
        if (parameter == null) {
            return new MojoFailureException(e.getMessage(), e);
        }
        // A map or list parameter (headers, answers) has no user property to name.
        String property = parameter.getExpression() == null ? "" : " (-Dautocoder." + e.parameter() + ")";
        return new MojoFailureException("<" + e.parameter() + ">" + property + ": " + e.getMessage(), e);
    }
}

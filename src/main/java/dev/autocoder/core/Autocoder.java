package dev.autocoder.core;

import dev.autocoder.context.ContextException;
import dev.autocoder.context.ProjectContext;
import dev.autocoder.engine.Clarifier;
import dev.autocoder.engine.Engine;
import dev.autocoder.engine.Prompts;
import dev.autocoder.engine.Task;
import dev.autocoder.model.ApiKey;
import dev.autocoder.model.ChatPort;
import dev.autocoder.model.JournaledChatPort;
import dev.autocoder.model.ModelException;
import dev.autocoder.model.ModelGate;
import dev.autocoder.model.ModelSettings;
import dev.autocoder.model.OpenAiChatPort;
import dev.autocoder.model.ReplyJournal;
import dev.autocoder.project.ProjectLayout;
import dev.autocoder.report.PriceTable;
import dev.autocoder.report.RunReport;
import dev.autocoder.report.SummaryTable;
import dev.autocoder.state.Fingerprint;
import dev.autocoder.state.LockFile;
import dev.autocoder.state.RunLock;
import dev.autocoder.state.StateStore;
import dev.autocoder.state.TaskState;
import dev.autocoder.verify.BatchingVerifier;
import dev.autocoder.verify.CandidateBoard;
import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.InProcessCompiler;
import dev.autocoder.verify.StaticChecks;
import dev.autocoder.verify.SubBuildSettings;
import dev.autocoder.verify.SubBuildVerifier;
import dev.autocoder.verify.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run of the plugin, start to end: read the tasks, restore what the lock file already holds,
 * generate and verify the rest, check all verified code together, write it, and report.
 */
public final class Autocoder {

    /** Candidates one sub-build verifies at most: enough for a round, small enough to stay quick. */
    private static final int MAX_BATCH = 10;

    private final AutocoderConfig config;
    private final ProjectLayout project;
    private final SubBuildSettings subBuild;
    private final RunLog log;
    private final Optional<Clarifier.Prompter> prompter;
    private final PriceTable prices;

    public Autocoder(AutocoderConfig config, ProjectLayout project, SubBuildSettings subBuild, RunLog log,
            Optional<Clarifier.Prompter> prompter, PriceTable prices) {
        this.config = config;
        this.project = project;
        this.subBuild = subBuild;
        this.log = log;
        this.prompter = prompter;
        this.prices = prices;
    }

    /**
     * Runs every task.
     *
     * @return the tasks' final states, in task order
     * @throws ConfigurationException for a configuration that cannot work
     * @throws TasksFailedException when a task did not verify (the verified ones are written)
     * @throws ModelException when the model could not be used (wrong key, budget spent, ...)
     */
    public List<TaskState> run() throws IOException {
        try {
            return runTasks();
        } catch (ContextException e) {
            throw new ConfigurationException("specDirectory", e.getMessage(), e);
        } catch (LockFile.LockFileException e) {
            throw new ConfigurationException("lockFile", e.getMessage()
                    + "; fix or delete it (it is rewritten after the next successful run)", e);
        } catch (RunLock.HeldException e) {
            throw new ConfigurationException("stateDirectory", e.getMessage(), e);
        }
    }

    private List<TaskState> runTasks() throws IOException {
        List<Task> tasks = Tasks.read(config);
        AutocoderConfig.Paths paths = config.paths();
        if (tasks.isEmpty()) {
            log.info("autocoder: nothing to generate (no <prompt>, no *.md spec in " + paths.specDirectory() + ")");
            return List.of();
        }
        Path runDirectory = paths.stateDirectory().resolve(config.executionId());
        try (RunLock ignored = RunLock.acquire(runDirectory)) {
            Plan plan = plan(tasks);
            OutputWriter output = new OutputWriter(paths.outputDirectory(), paths.testOutputDirectory());
            if (plan.pending().isEmpty()) {
                write(output, plan.verifiedInTaskOrder());
                log.info("autocoder: " + tasks.size() + " task(s) up to date with " + paths.lockFile()
                        + "; sources restored, no model call, no sub-build (-Dautocoder.force to regenerate)");
                return List.of();
            }
            ChatPort model = chatPort(plan, runDirectory);
            CandidateBoard board = new CandidateBoard();
            plan.verified().forEach(board::settle);
            InProcessCompiler compiler = new InProcessCompiler(project, board::others);
            SubBuildVerifier subBuilds = new SubBuildVerifier(project, board::others, compiler,
                    subBuild, runDirectory.resolve("subbuild"), paths.checkstyleConfig().orElse(null),
                    config.keepSubBuilds());
            Engine engine = new Engine(model, Engine.stages(new StaticChecks(), compiler),
                    new BatchingVerifier(subBuilds, MAX_BATCH), board, new Clarifier(prompter), new LogListener(log),
                    new Engine.Settings(config.limits().maxDepth(), config.limits().maxConversationLength(),
                            config.limits().maxQuestionRounds(), config.limits().parallelism()));
            StateStore store = new StateStore(runDirectory.resolve("tasks"), log::warn);
            Engine.Result result = engine.run(plan.pending(), new Workspace(store, plan));
            return conclude(plan, result, subBuilds, output);
        }
    }

    /**
     * What a run starts from: every task's context and fingerprint, the lock file, the verified
     * code so far (restored from the lock, then added to as tasks verify) and the tasks to build.
     */
    private record Plan(List<Task> tasks, Map<String, String> contexts, Map<String, Fingerprint> fingerprints,
            LockFile lock, Map<String, List<CodeUnit>> verified, List<Task> pending) {

        /** Every verified unit, task by task in the run's order. */
        List<CodeUnit> verifiedInTaskOrder() {
            List<CodeUnit> all = new ArrayList<>();
            for (Task task : tasks) {
                all.addAll(verified.getOrDefault(task.name(), List.of()));
            }
            return all;
        }
    }

    private Plan plan(List<Task> tasks) throws IOException {
        ProjectContext contexts = new ProjectContext(project, config.limits().contextBudget(),
                config.paths().allowContextFiles());
        Map<String, String> contextText = new LinkedHashMap<>();
        Map<String, Fingerprint> fingerprints = new LinkedHashMap<>();
        for (Task task : tasks) {
            ProjectContext.Context context = contexts.build(task.name(), task.description(), task.contextFiles());
            log.debug("[" + task.name() + "] " + ProjectContext.describe(context));
            contextText.put(task.name(), context.text());
            fingerprints.put(task.name(), fingerprint(task, context.text()));
        }
        LockFile lock = LockFile.read(config.paths().lockFile());
        Map<String, List<CodeUnit>> verified = new ConcurrentHashMap<>();
        List<Task> pending = new ArrayList<>();
        for (Task task : tasks) {
            Optional<LockFile.Entry> entry = lock.entry(task.name());
            if (!config.force() && entry.isPresent()
                    && entry.get().fingerprint().value().equals(fingerprints.get(task.name()).value())) {
                verified.put(task.name(), LockedUnits.of(entry.get()));
            } else {
                pending.add(task);
            }
        }
        return new Plan(tasks, contextText, fingerprints, lock, verified, pending);
    }

    /**
     * Ends a run that called the model: the final check, outputs, report and summary, then the
     * verdict: an abort or failed tasks are thrown, and only an all-verified run writes the lock.
     */
    private List<TaskState> conclude(Plan plan, Engine.Result result, SubBuildVerifier subBuilds,
            OutputWriter output) throws IOException {
        List<TaskState> states = result.tasks();
        for (TaskState state : states) {
            if (state.status() == TaskState.Status.VERIFIED) {
                plan.verified().put(state.task(), state.verifiedUnits());
            }
        }
        List<CodeUnit> all = plan.verifiedInTaskOrder();
        Optional<String> together = Optional.empty();
        // Rounds run only the tests that can tell about a task; this last check runs the
        // project's whole configured test phase once over everything verified together.
        if (result.allVerified()) {
            Verdict verdict = subBuilds.verifyTogether(all);
            if (!verdict.passed()) {
                together = Optional.of(verdict.projectFailure()
                        .map(project -> "the project's own build fails in the verification sub-build independently"
                                + " of the generated code: " + project.message())
                        .orElseGet(() -> verdict.firstFailure().map(Object::toString).orElse("failed")));
            }
        }
        write(output, all);
        AutocoderConfig.Paths paths = config.paths();
        RunReport.of(states).writeTo(paths.stateDirectory());
        SummaryTable.render(states, config.model().modelName(), prices).forEach(log::info);
        log.info("autocoder: report at " + paths.stateDirectory().resolve("report.html"));
        result.abort().ifPresent(abort -> {
            throw abort;
        });
        List<String> failures = new ArrayList<>();
        for (TaskState state : states) {
            if (state.status() != TaskState.Status.VERIFIED) {
                failures.add(state.task() + ": " + state.failure());
            }
        }
        together.ifPresent(reason -> failures.add("all tasks together: " + reason));
        if (!failures.isEmpty()) {
            throw new TasksFailedException(failures);
        }
        LockFile updated = LockFile.empty();
        for (Task task : plan.tasks()) {
            updated = updated.with(LockFile.Entry.of(task.name(), plan.fingerprints().get(task.name()),
                    plan.verified().get(task.name())));
        }
        updated.write(paths.lockFile());
        log.info("autocoder: " + plan.tasks().size() + " task(s) verified; lock file " + paths.lockFile());
        return states;
    }

    private void write(OutputWriter output, List<CodeUnit> units) throws IOException {
        for (Path file : output.replaceAll(units)) {
            log.info("autocoder: wrote " + project.baseDirectory().relativize(file.toAbsolutePath()));
        }
    }

    /**
     * What decides whether a task's verified code still stands. The endpoint is deliberately left
     * out: it says where the model is reached (a local gateway, a CI proxy, a closed port when no
     * call is needed), not what the code was made from, and it differs between machines.
     */
    private Fingerprint fingerprint(Task task, String context) throws IOException {
        Fingerprint.Builder builder = Fingerprint.builder()
                .put("spec", task.description())
                .put("answers", new java.util.TreeMap<>(task.answers()).toString())
                .put("context", context)
                .put("model", config.model().modelName())
                .put("prompts", Prompts.fingerprintText())
                .put("plugin", config.pluginVersion())
                .put("checkstyle", checkstyleInput())
                .put("dependencies", project.dependencies().stream().map(d -> d.coordinates() + ":" + d.scope())
                        .sorted().toList().toString())
                .put("java", project.javaRelease());
        for (Path root : project.mainSourceRoots()) {
            builder.putFiles("main:" + project.baseDirectory().relativize(root), root);
        }
        for (Path root : project.testSourceRoots()) {
            builder.putFiles("test:" + project.baseDirectory().relativize(root), root);
        }
        return builder.build();
    }

    private String checkstyleInput() throws IOException {
        Optional<Path> override = config.paths().checkstyleConfig();
        if (override.isPresent()) {
            return Files.readString(override.get());
        }
        return project.checkstyle().map(setup -> setup.configurationXml() + setup.dependenciesXml())
                .orElse("default");
    }

    /** The model port for this run's mode, journaled so that no paid reply is ever asked for twice. */
    private ChatPort chatPort(Plan plan, Path runDirectory) throws IOException {
        AutocoderConfig.ModelOptions options = config.model();
        if (options.mode() == AutocoderConfig.Mode.REPLAY) {
            if (!Files.isRegularFile(config.paths().cassette())) {
                throw new ConfigurationException("cassette", "mode is replay but the cassette "
                        + config.paths().cassette() + " does not exist; record one with -Dautocoder.mode=record");
            }
            ReplyJournal cassette = ReplyJournal.open(config.paths().cassette(), log::warn);
            return JournaledChatPort.replaying(cassette, options.modelName());
        }
        if (options.apiKey().isEmpty()) {
            throw new ConfigurationException("apiKey", missingKeyMessage(plan));
        }
        ModelSettings settings = new ModelSettings(options.baseUrl(), options.modelName(),
                ApiKey.of(options.apiKey().get()), Duration.ofSeconds(options.timeoutSeconds()), options.maxRetries(),
                seconds(options.retryBaseSeconds()), seconds(options.retryMaxSeconds()),
                ModelSettings.DEFAULT_MAX_RETRY_AFTER, null, ModelSettings.DEFAULT_TEMPERATURE, options.headers(),
                options.proxy().orElse(null), options.provider());
        ChatPort live = new ModelGate(new OpenAiChatPort(settings, log::warn), options.maxConcurrentRequests(),
                options.maxModelCalls(), options.maxTokens());
        Path journalFile = options.mode() == AutocoderConfig.Mode.RECORD
                ? config.paths().cassette() : runDirectory.resolve("journal.jsonl");
        return new JournaledChatPort(ReplyJournal.open(journalFile, log::warn), options.modelName(),
                options.mode() == AutocoderConfig.Mode.RECORD ? JournaledChatPort.Mode.RECORD
                        : JournaledChatPort.Mode.LIVE, live);
    }

    private String missingKeyMessage(Plan plan) {
        StringBuilder message = new StringBuilder("no API key, and the model is needed for ");
        List<String> reasons = new ArrayList<>();
        for (Task task : plan.pending()) {
            Optional<LockFile.Entry> entry = plan.lock().entry(task.name());
            reasons.add(entry.isEmpty() ? "task " + task.name() + " (not in " + config.paths().lockFile() + ")"
                    : "task " + task.name() + " (changed since the lock file: " + String.join(", ",
                            plan.fingerprints().get(task.name()).changesSince(entry.get().fingerprint())) + ")");
        }
        message.append(String.join("; ", reasons)).append(". Set the ").append(config.model().provider().keyVariable())
                .append(" environment variable, or")
                .append(" <serverId> naming a <server> in settings.xml, or <apiKey>;")
                .append(" or restore the spec so that it matches the lock file.");
        return message.toString();
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** The engine's view of the store, the fingerprints and the contexts. */
    private static final class Workspace implements Engine.Workspace {
        private final StateStore store;
        private final Plan plan;

        Workspace(StateStore store, Plan plan) {
            this.store = store;
            this.plan = plan;
        }

        @Override
        public TaskState open(Task task) {
            String fingerprint = plan.fingerprints().get(task.name()).value();
            TaskState state = store.load(task.name(), fingerprint);
            if (state.status() != TaskState.Status.VERIFIED || !fingerprint.equals(state.fingerprint())) {
                // A pending task starts over; the reply journal makes the repeated requests free.
                state.reset(fingerprint);
            } else {
                // Verified before a stop: the tasks still pending compile against its code.
                plan.verified().put(task.name(), state.verifiedUnits());
            }
            return state;
        }

        @Override
        public TaskState openPart(String name) {
            TaskState state = store.load(name, "");
            state.reset("");
            return state;
        }

        @Override
        public void save(TaskState state) {
            store.save(state);
            if (state.status() == TaskState.Status.VERIFIED && !state.task().contains("/")) {
                plan.verified().put(state.task(), state.verifiedUnits());
            }
        }

        @Override
        public String context(Task task) {
            return plan.contexts().get(task.name());
        }
    }
}

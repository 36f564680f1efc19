package dev.autocoder.core;

import dev.autocoder.context.ContextException;
import dev.autocoder.context.ProjectContext;
import dev.autocoder.engine.Clarifier;
import dev.autocoder.engine.Engine;
import dev.autocoder.engine.PromptFitter;
import dev.autocoder.engine.Task;
import dev.autocoder.model.ApiKey;
import dev.autocoder.model.ChatPort;
import dev.autocoder.model.JournaledChatPort;
import dev.autocoder.model.ModelException;
import dev.autocoder.model.ModelGate;
import dev.autocoder.model.ModelSettings;
import dev.autocoder.model.LangChain4jChatPort;
import dev.autocoder.model.ReplyJournal;
import dev.autocoder.model.TokenCounter;
import dev.autocoder.project.ProjectLayout;
import dev.autocoder.report.PriceTable;
import dev.autocoder.report.RunCost;
import dev.autocoder.report.RunReport;
import dev.autocoder.report.RunReport.Origin;
import dev.autocoder.report.RunReport.TaskReport;
import dev.autocoder.report.SummaryTable;
import dev.autocoder.state.LockFile;
import dev.autocoder.state.RunLock;
import dev.autocoder.state.StateFolder;
import dev.autocoder.state.StateStore;
import dev.autocoder.state.TaskState;
import dev.autocoder.verify.BatchingVerifier;
import dev.autocoder.verify.CandidateWriters;
import dev.autocoder.verify.CandidateBoard;
import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.InProcessCompiler;
import dev.autocoder.verify.OwnFileGates;
import dev.autocoder.verify.StaticChecks;
import dev.autocoder.verify.SubBuildSettings;
import dev.autocoder.verify.SubBuildSlots;
import dev.autocoder.verify.SubBuildVerifier;
import dev.autocoder.verify.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One run of the plugin, start to end: read the tasks, restore what the lock file already holds,
 * generate and verify the rest, check all verified code together, write it, and report.
 */
public final class Autocoder {

    /** Candidates one sub-build verifies at most: enough for a round, small enough to stay quick. */
    private static final int MAX_BATCH = 10;

    private static final String TRUNCATED = "the endpoint counted far fewer prompt tokens than were sent, so"
            + " the model saw only part of a prompt; check this task's code before trusting it";

    private final AutocoderConfig config;
    private final ProjectLayout project;
    private final SubBuildSettings subBuild;
    private final RunLog log;
    private final Optional<Clarifier.Prompter> prompter;
    private final PriceTable prices;
    private final Set<String> reportedProjectTests = new java.util.HashSet<>();
    /** The tasks whose locked code this run compiled against changed inputs, without a sub-build. */
    private final Set<String> compileChecked = ConcurrentHashMap.newKeySet();
    /** When the run started planning, for the time a run from the lock file took. */
    private long planStarted;

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
                    + "; fix or delete it (each task is written to it again as it verifies)", e);
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
            StateFolder.tidy(runDirectory, tasks.stream().map(Task::name).toList(), config.keepSubBuilds(), log::warn)
                    .describe().ifPresent(log::info);
            Plan plan = plan(tasks);
            OutputWriter output = new OutputWriter(paths.outputDirectory(), paths.testOutputDirectory());
            CandidateBoard board = new CandidateBoard();
            InProcessCompiler compiler = new InProcessCompiler(project, board::others, log::warn);
            compiler.onGenerated(board::changedOutside);
            Path subBuildRoot = config.subBuilds().directory()
                    .orElseGet(() -> SubBuildVerifier.defaultRoot(paths.baseDirectory()));
            SubBuildVerifier subBuilds = new SubBuildVerifier(project, board::others, compiler, subBuild,
                    subBuildRoot.resolve(config.executionId()),
                    paths.checkstyleConfig().orElse(null), config.keepSubBuilds(), new SubBuildVerifier.Layout(
                            config.subBuilds().strictGates(), List.of(paths.stateDirectory())),
                    config.rounds().trimming(), config.rounds().profile());
            List<String> gates = OwnFileGates.scanning(project.build().effectivePom(), paths.baseDirectory(),
                    paths.specDirectory());
            if (!gates.isEmpty()) {
                log.warn("autocoder: " + String.join(", ", gates) + " scan " + paths.specDirectory() + ", which"
                        + " holds the specs and the lock file with the verified sources: exclude that folder from"
                        + " them (the README's \"Sub-build verification\" shows how), or a verified class may fail"
                        + " them on the next build");
            }
            try {
                int earlier = subBuilds.removeEarlierFolders();
                if (earlier > 0) {
                    log.info("autocoder: removed " + earlier + " sub-build folder(s) of an earlier run");
                }
                SubBuildSlots slots = SubBuildSlots.shared(config.limits().maxSubBuilds());
                if (slots.size() != config.limits().maxSubBuilds()) {
                    log.debug("autocoder: " + slots.size() + " sub-build(s) at once, as the first module of this build"
                            + " asked (maxSubBuilds)");
                }
                List<String> projectFailures = reverify(plan, compiler, subBuilds, slots);
                if (!projectFailures.isEmpty()) {
                    write(output, plan.verifiedInTaskOrder());
                    writeReport(plan.report(List.of(), Map.of(), Map.of()));
                    throw new TasksFailedException(projectFailures, lockedNote(plan).strip());
                }
                if (plan.pending().isEmpty()) {
                    return concludeFromLock(plan, output);
                }
                refuseModelIfNeeded(plan, output);
                // The model's first answers take seconds; a cold javac's first compile and a Maven JVM's
                // start too. All at once.
                Thread warmUp = new Thread(compiler::warmUp, "autocoder-compiler-warm-up");
                warmUp.setDaemon(true);
                warmUp.start();
                Thread mavenWarmUp = new Thread(subBuilds::warmUp, "autocoder-maven-warm-up");
                mavenWarmUp.setDaemon(true);
                mavenWarmUp.start();
                plan.verified().forEach(board::settle);
                TokenCounter counter = TokenCounter.forModel(config.model().modelName());
                log.debug("autocoder: requests are bounded to " + config.model().effectiveMaxPromptTokens()
                        + " prompt tokens (maxPromptTokens), counted with " + counter.describe());
                PromptFitter model = new PromptFitter(chatPort(runDirectory), counter,
                        config.model().effectiveMaxPromptTokens(), log::debug, log::warn);
                CandidateWriters writers = new CandidateWriters();
                BatchingVerifier batching = new BatchingVerifier(subBuilds, MAX_BATCH, slots, writers);
                Engine engine = new Engine(model, Engine.stages(new StaticChecks(), compiler), batching, board,
                        new Clarifier(prompter), new LogListener(log),
                        new Engine.Settings(config.limits().maxDepth(), config.limits().maxConversationLength(),
                                config.limits().maxQuestionRounds(), config.limits().parallelism()), writers);
                StateStore store = new StateStore(runDirectory.resolve("tasks"), log::warn);
                Workspace workspace = new Workspace(store, plan);
                List<String> together = new ArrayList<>();
                Engine.Result result = checkTogether(plan, engine, workspace, engine.run(plan.pending(), workspace),
                        subBuilds, slots, together);
                batching.carried().ifPresent(carried -> log.info("autocoder: " + carried
                        + (subBuilds.sharedModulePlans() == 0 ? "" : "; " + subBuilds.sharedModulePlans()
                                + " shared a module (one compile, one test JVM) with other tasks' candidates")
                        + "; sub-builds: " + subBuilds.warmMaven()));
                return conclude(plan, result, together, subBuilds, output, model.truncatedTasks());
            } finally {
                compiler.close();
                subBuilds.close();
                // A default root is the plugin's own; a configured one is the user's and stays.
                subBuilds.removeEmptyFolders(config.subBuilds().directory().isPresent() ? List.of()
                        : List.of(subBuildRoot));
            }
        }
    }

    /**
     * What a run starts from: every task's context and fingerprints, the verified code so far
     * (restored from the lock, then added to as tasks verify), the locked tasks whose verification
     * inputs changed, the tasks that need the model with the reason why, and the report of every
     * task as the lock file leaves it.
     */
    private record Plan(List<Task> tasks, Map<String, String> contexts, Map<String, TaskFingerprints> fingerprints,
            LockFile lock, Map<String, List<CodeUnit>> verified, List<Task> stale, Map<String, String> reasons,
            Map<String, TaskReport> fromLock) {

        /** Every verified unit, task by task in the run's order. */
        List<CodeUnit> verifiedInTaskOrder() {
            List<CodeUnit> all = new ArrayList<>();
            for (Task task : tasks) {
                all.addAll(verified.getOrDefault(task.name(), List.of()));
            }
            return all;
        }

        /** The tasks that need the model, in the run's order. */
        List<Task> pending() {
            return tasks.stream().filter(task -> reasons.containsKey(task.name())).toList();
        }

        /** The report of the whole run: tasks the engine ran as it left them, the others as the lock left them. */
        RunReport report(List<TaskState> generated, Map<String, List<String>> warnings, Map<String, Path> kept) {
            Map<String, TaskState> byName = new LinkedHashMap<>();
            generated.forEach(state -> byName.put(state.task(), state));
            List<TaskReport> reports = new ArrayList<>();
            for (Task task : tasks) {
                TaskState state = byName.get(task.name());
                reports.add(state != null ? RunReport.generated(state, warnings.getOrDefault(task.name(), List.of()),
                        kept.get(task.name())) : fromLock.get(task.name()));
            }
            return new RunReport(reports);
        }
    }

    private Plan plan(List<Task> tasks) throws IOException {
        planStarted = System.nanoTime();
        ProjectContext contexts = new ProjectContext(project, config.limits().contextBudget(),
                config.paths().allowContextFiles());
        Map<String, String> contextText = new LinkedHashMap<>();
        Map<String, TaskFingerprints> fingerprints = new LinkedHashMap<>();
        for (Task task : tasks) {
            ProjectContext.Context context = contexts.build(task.name(), task.description(), task.contextFiles());
            log.debug("[" + task.name() + "] " + ProjectContext.describe(context));
            contextText.put(task.name(), context.text());
            fingerprints.put(task.name(), TaskFingerprints.of(task, context, config, project));
        }
        LockFile lock = dropRemovedTasks(tasks);
        Plan plan = new Plan(tasks, contextText, fingerprints, lock, new ConcurrentHashMap<>(), new ArrayList<>(),
                new LinkedHashMap<>(), new LinkedHashMap<>());
        for (Task task : tasks) {
            Optional<LockFile.Entry> entry = lock.entry(config.executionKey(), task.name());
            TaskFingerprints now = fingerprints.get(task.name());
            if (config.force()) {
                needsModel(plan, task.name(), "forced with -Dautocoder.force");
            } else if (entry.isEmpty()) {
                needsModel(plan, task.name(), "not in " + config.paths().lockFile());
            } else if (!now.sameGeneration(entry.get().generation())) {
                needsModel(plan, task.name(), "changed since the lock file: "
                        + String.join(", ", now.generationChangesSince(entry.get().generation())));
            } else {
                plan.verified().put(task.name(), LockedUnits.of(entry.get()));
                if (now.verification().value().equals(entry.get().verification().value())) {
                    plan.fromLock().put(task.name(), TaskReport.fromLock(task.name(), Origin.RESTORED, 0, null));
                } else {
                    plan.stale().add(task);
                }
            }
        }
        return plan;
    }

    private static void needsModel(Plan plan, String task, String reason) {
        plan.reasons().put(task, reason);
        plan.fromLock().put(task, TaskReport.fromLock(task, Origin.NOT_GENERATED, 0, reason));
    }

    /** Reads the lock file, dropping this execution's entries of tasks whose spec is gone. */
    private LockFile dropRemovedTasks(List<Task> tasks) throws IOException {
        Path file = config.paths().lockFile();
        Set<String> names = tasks.stream().map(Task::name).collect(Collectors.toSet());
        LockFile lock = LockFile.read(file);
        List<String> removed = lock.entries(config.executionKey()).stream().map(LockFile.Entry::task)
                .filter(task -> !names.contains(task)).toList();
        if (removed.isEmpty()) {
            return lock;
        }
        log.info("autocoder: dropped the lock entries of task(s) no longer specified: " + String.join(", ", removed));
        return LockFile.update(file, read -> read.retaining(config.executionKey(), names));
    }

    /**
     * Checks again, without the model, the locked code of tasks whose verification inputs changed.
     * With {@code reverify=compile} (the default) the code is compiled with the changed project in
     * process; what compiles is restored and the lock file is left as it is, so that a build that
     * only restores never rewrites the committed file. With {@code reverify=tests} it runs in a
     * sub-build with the project's whole test suite; what passes keeps its place in the lock file
     * under the new fingerprint. Code that fails makes its task need the model. A build that fails
     * whatever the code is (the project's own test or plugin) regenerates nothing: it is returned,
     * to be reported.
     */
    private List<String> reverify(Plan plan, InProcessCompiler compiler, SubBuildVerifier subBuilds,
            SubBuildSlots slots) throws IOException {
        List<String> projectFailures = new ArrayList<>();
        if (plan.stale().isEmpty()) {
            return projectFailures;
        }
        boolean tests = config.reverify() == AutocoderConfig.Reverify.TESTS;
        Reverification.Outcome outcome = tests
                ? Reverification.tests(plan.tasks(), plan.stale(), plan.verified(), subBuilds, slots)
                : Reverification.compile(plan.tasks(), plan.stale(), plan.verified(), compiler);
        if (tests) {
            reportProjectTests(subBuilds);
        }
        outcome.notices().forEach(notice -> log.warn("autocoder: the locked code compiles, but the project"
                + " does not: " + notice + "; the project's own compile reports it"));
        for (Map.Entry<Task, Reverification.Result> result : outcome.results().entrySet()) {
            String task = result.getKey().name();
            Verdict verdict = result.getValue().verdict();
            long millis = result.getValue().millis();
            LockFile.Entry entry = plan.lock().entry(config.executionKey(), task).orElseThrow();
            TaskFingerprints now = plan.fingerprints().get(task);
            String changed = summary(now.verification().changesSince(entry.verification()));
            String seconds = String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
            List<String> flaky = result.getValue().flaky().stream().map(failure -> "flaky: " + failure
                    + " failed in the first re-verification run but not in the second; not sent to the model")
                    .toList();
            flaky.forEach(line -> log.warn("autocoder: [" + task + "] " + line));
            Optional<String> timeout = result.getValue().timeout();
            if (timeout.isPresent()) {
                String line = "re-verification timed out: " + timeout.get() + " (subBuildTimeoutSeconds); the locked"
                        + " code compiles and is restored, the lock file is left as it was, and the project's own"
                        + " test phase runs its tests; not sent to the model";
                plan.fromLock().put(task, withWarnings(TaskReport.fromLock(task, Origin.RESTORED, millis, null),
                        List.of(line)));
                log.warn("autocoder: [" + task + "] " + line);
            } else if (verdict.projectFailure().isPresent()) {
                String failure = "the project's own build fails in the verification sub-build independently of the"
                        + " generated code: " + verdict.projectFailure().get().message();
                plan.fromLock().put(task, TaskReport.fromLock(task, Origin.RESTORED, millis, failure));
                projectFailures.add(task + ": " + failure);
                log.info("autocoder: [" + task + "] could not be re-verified (" + changed + "): " + failure);
            } else if (verdict.passed() && tests) {
                LockFile.update(config.paths().lockFile(), lock -> lock.with(entry.reverified(now.generation(),
                        now.verification())));
                plan.fromLock().put(task, withWarnings(TaskReport.fromLock(task, Origin.REVERIFIED, millis, null),
                        flaky));
                log.info("autocoder: [" + task + "] re-verified against changed inputs (" + changed + ") in "
                        + seconds + ", no model call");
            } else if (verdict.passed()) {
                compileChecked.add(task);
                plan.fromLock().put(task, withWarnings(TaskReport.fromLock(task, Origin.REVERIFIED, millis, null),
                        List.of("compile-checked against changed inputs (" + changed + "), no sub-build"
                                + " (reverify=compile); the project's own test phase runs its tests")));
                log.info("autocoder: [" + task + "] compiles against changed inputs (" + changed + ") in "
                        + seconds + "; no model call, no sub-build");
            } else {
                String failure = LogListener.firstLine(verdict.firstFailure().orElseThrow());
                plan.verified().remove(task);
                needsModel(plan, task, "its locked code fails against changed inputs: " + failure
                        + " (changed: " + changed + ")");
                log.info("autocoder: [" + task + "] locked code failed " + (tests ? "re-verification" : "to compile")
                        + " against changed inputs (" + changed + ") in " + seconds + ": " + failure);
            }
        }
        return projectFailures;
    }

    /** A report from the lock file with warnings for the reader. */
    private static TaskReport withWarnings(TaskReport report, List<String> warnings) {
        if (warnings.isEmpty()) {
            return report;
        }
        return new TaskReport(report.task(), report.status(), report.origin(), report.failure(),
                report.subBuildFolder(), report.inputTokens(), report.cachedInputTokens(), report.outputTokens(),
                report.modelCalls(), report.modelMillis(), report.verifyMillis(), warnings, report.attempts(),
                report.clarifications());
    }

    /**
     * The project's own failing tests seen so far, as the report words them; each is logged the
     * first time it is seen, once per run.
     */
    private List<String> reportProjectTests(SubBuildVerifier subBuilds) {
        List<String> lines = subBuilds.projectTestFailures();
        lines.stream().filter(reportedProjectTests::add).forEach(line -> log.warn("autocoder: " + line));
        return lines;
    }

    /**
     * What the final check's line adds about the reactor's modules that build on this one: those it
     * built along, and those it left out, whose compile and tests are no part of it, so that
     * "verified" does not cover them.
     */
    static String dependentsLine(ProjectLayout.BuildModel build) {
        List<String> checked = build.dependentBuilds().stream().map(ProjectLayout.DependentBuild::name).toList();
        List<String> left = build.dependentsNotBuilt();
        return (checked.isEmpty() ? "" : ", and the compile and tests of the module(s) that depend on this one ("
                + String.join(", ", checked) + ")")
                + (left.isEmpty() ? "" : "; the " + (checked.isEmpty() ? "" : "other ")
                        + "module(s) that depend on this one (" + String.join(", ", left)
                        + ") are not part of it: their compile and tests run when your build builds them");
    }

    /** A list of changes for one log line: the first few, and how many more. */
    private static String summary(List<String> changes) {
        int shown = 3;
        if (changes.size() <= shown) {
            return String.join(", ", changes);
        }
        return String.join(", ", changes.subList(0, shown)) + " and " + (changes.size() - shown) + " more";
    }

    /**
     * Ends a run that needed no model: everything was restored, compile-checked or re-verified. Only
     * a re-verification in a sub-build ({@code reverify=tests}) changes the lock file.
     */
    private List<TaskState> concludeFromLock(Plan plan, OutputWriter output) throws IOException {
        write(output, plan.verifiedInTaskOrder());
        writeReport(plan.report(List.of(), Map.of(), Map.of()));
        long reverified = plan.fromLock().values().stream()
                .filter(report -> report.origin().equals(Origin.REVERIFIED.label())).count() - compileChecked.size();
        long restored = plan.tasks().size() - reverified - compileChecked.size();
        String seconds = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - planStarted) / 1e9);
        if (reverified == 0 && compileChecked.isEmpty()) {
            log.info("autocoder: " + plan.tasks().size() + " task(s) up to date with " + config.paths().lockFile()
                    + "; sources restored, no model call, no sub-build (-Dautocoder.force to regenerate); " + seconds);
        } else if (reverified == 0) {
            log.info("autocoder: " + plan.tasks().size() + " task(s) from " + config.paths().lockFile() + ": "
                    + restored + " restored, " + compileChecked.size() + " compile-checked against changed inputs;"
                    + " no model call, no sub-build, lock file unchanged; " + seconds
                    + " (-Dautocoder.reverify=tests to run the tests in a sub-build)");
        } else {
            log.info("autocoder: " + plan.tasks().size() + " task(s) from " + config.paths().lockFile() + ": "
                    + restored + " restored, " + reverified + " re-verified; no model call; " + seconds);
        }
        return List.of();
    }

    /**
     * Stops a run whose pending tasks need a model it must not or cannot call, once what stands is
     * written and reported: in locked mode, or with no key where one is needed.
     */
    private void refuseModelIfNeeded(Plan plan, OutputWriter output) throws IOException {
        AutocoderConfig.Mode mode = config.model().mode();
        boolean keyMissing = mode != AutocoderConfig.Mode.REPLAY && config.model().provider().requiresKey()
                && config.model().apiKey().isEmpty();
        if (mode != AutocoderConfig.Mode.LOCKED && !keyMissing) {
            return;
        }
        write(output, plan.verifiedInTaskOrder());
        writeReport(plan.report(List.of(), Map.of(), Map.of()));
        List<String> reasons = plan.pending().stream()
                .map(task -> "task " + task.name() + " (" + plan.reasons().get(task.name()) + ")").toList();
        String undo = " or, where an input changed, undo that change so that the locked code stands again."
                + lockedNote(plan);
        if (mode == AutocoderConfig.Mode.LOCKED) {
            throw new ConfigurationException("mode", "mode is locked, which never calls the model, and "
                    + reasons.size() + " task(s) need it: " + String.join("; ", reasons) + ". Run a build in live"
                    + " mode with a key to regenerate them and commit the lock file;" + undo);
        }
        throw new ConfigurationException("apiKey", "no API key, and the model is needed for "
                + String.join("; ", reasons) + ". Set the " + config.model().provider().keyVariable()
                + " environment variable, or <serverId> naming"
                + " a <server> in settings.xml, or <apiKey>;" + undo);
    }

    /** Which tasks the lock file holds verified code for after this run, and which it does not. */
    private String lockedNote(Plan plan) {
        List<String> locked = plan.tasks().stream().map(Task::name).filter(plan.verified()::containsKey).toList();
        List<String> notLocked = plan.tasks().stream().map(Task::name).filter(name -> !locked.contains(name)).toList();
        return " Locked in " + config.paths().lockFile() + ": " + (locked.isEmpty() ? "none" : String.join(", ", locked))
                + "; not locked: " + (notLocked.isEmpty() ? "none" : String.join(", ", notLocked)) + ".";
    }

    /**
     * The final check, as a round for every task: all code that passed its round runs with the
     * project's whole build and test suite. Each failure is charged by evidence; the tasks charged
     * go back to their models with it, and the check runs again, until it passes or nothing more
     * can be sent back (a task's attempt budget is spent, the failure is nobody's code, or the run
     * was stopped and the model cannot be asked). Only then is code locked: the lock file never
     * holds code that failed a final check.
     *
     * @param slots the JVM's sub-build slots, one of which each final check waits for
     * @param failures receives why the code did not pass together, when it did not
     * @return the engine's result after any rework
     */
    private Engine.Result checkTogether(Plan plan, Engine engine, Workspace workspace, Engine.Result first,
            SubBuildVerifier subBuilds, SubBuildSlots slots, List<String> failures) throws IOException {
        Engine.Result result = first;
        while (true) {
            Map<String, TaskState> generated = new LinkedHashMap<>();
            result.tasks().stream().filter(state -> state.status() == TaskState.Status.VERIFIED)
                    .forEach(state -> generated.put(state.task(), state));
            if (generated.isEmpty()) {
                return result;
            }
            Map<String, List<CodeUnit>> byTask = new LinkedHashMap<>();
            for (Task task : plan.tasks()) {
                TaskState state = generated.get(task.name());
                List<CodeUnit> units = state != null ? state.verifiedUnits() : plan.verified().get(task.name());
                if (units != null) {
                    byTask.put(task.name(), units);
                }
            }
            long started = System.nanoTime();
            boolean everyTask = byTask.size() == plan.tasks().size();
            SubBuildVerifier.FinalCheck check = slots.run(() -> subBuilds.verifyTogether(byTask, everyTask));
            String seconds = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
            if (check.passed()) {
                log.info((check.sameAsARound() ? "autocoder: final check passed: a round of this run already ran the"
                        + " project's whole build and test suite, nothing left out, with exactly this code ("
                        + byTask.size() + " task(s)), and passed; it was not run again"
                        : "autocoder: final check passed in " + seconds + ": the project's whole build and test suite"
                        + " with the code of " + byTask.size() + " task(s)" + (check.projectTests().isEmpty() ? ""
                                : ", but for " + check.projectTests().size() + " of the project's own test(s), which"
                                        + " fail or do not compile without this code too"))
                        + dependentsLine(project.build()));
                lock(plan, generated);
                return result;
            }
            log.info("autocoder: final check failed in " + seconds + ": " + describe(check));
            Map<String, List<dev.autocoder.verify.Feedback>> charged = new LinkedHashMap<>(check.charged());
            charged.keySet().retainAll(generated.keySet());
            for (String restored : check.charged().keySet()) {
                if (!generated.containsKey(restored)) {
                    // Locked code that fails with this run's code is not verified any more.
                    plan.verified().remove(restored);
                    failures.add(restored + ": its locked code fails the final check with this run's code: "
                            + firstOf(check.charged().get(restored)) + "; it is regenerated on the next run");
                    LockFile.update(config.paths().lockFile(), lock -> lock.retaining(config.executionKey(),
                            plan.tasks().stream().map(Task::name).filter(name -> !name.equals(restored))
                                    .collect(Collectors.toSet())));
                }
            }
            if (charged.isEmpty() || result.abort().isPresent()) {
                // Nobody's code is to blame, or the model cannot be asked again: the code stays in
                // state, pending, and is neither written nor locked.
                generated.keySet().forEach(plan.verified()::remove);
                List<String> missing = plan.tasks().stream().map(Task::name).filter(name -> !byTask.containsKey(name))
                        .toList();
                // Without a task's code the project may not build at all; say so rather than let the
                // finding read as the project's own failure.
                String together = missing.isEmpty() ? "all tasks together: "
                        : "the verified tasks together, without the code of " + missing + ", which did not verify: ";
                check.unassigned().forEach(finding -> failures.add(together + finding.message()));
                charged.forEach((task, findings) -> failures.add(task + ": verified in its round, but the final check"
                        + " charges it: " + firstOf(findings) + "; not locked"));
                return result;
            }
            Engine.Result reworked = engine.rework(plan.tasks().stream().filter(task -> generated.containsKey(
                    task.name())).toList(), charged, workspace);
            Map<String, TaskState> merged = new LinkedHashMap<>();
            result.tasks().forEach(state -> merged.put(state.task(), state));
            reworked.tasks().forEach(state -> merged.put(state.task(), state));
            for (TaskState state : merged.values()) {
                if (state.status() != TaskState.Status.VERIFIED) {
                    plan.verified().remove(state.task());
                }
            }
            result = new Engine.Result(List.copyOf(merged.values()), reworked.abort());
        }
    }

    /** The final check's failures in one line: what was charged to whom, and what to nobody. */
    private static String describe(SubBuildVerifier.FinalCheck check) {
        List<String> parts = new ArrayList<>();
        check.charged().forEach((task, findings) -> parts.add("[" + task + "] " + firstOf(findings)));
        check.unassigned().forEach(finding -> parts.add(finding.toString()));
        return String.join("; ", parts);
    }

    private static String firstOf(List<dev.autocoder.verify.Feedback> findings) {
        return findings.stream().filter(dev.autocoder.verify.Feedback::blocking).findFirst()
                .map(finding -> LogListener.firstLine(finding)).orElse("");
    }

    /**
     * Ends a run that called the model: outputs, report and summary, then the verdict: an abort or
     * failed tasks are thrown. Only code that passed the final check was locked.
     */
    private List<TaskState> conclude(Plan plan, Engine.Result result, List<String> together,
            SubBuildVerifier subBuilds, OutputWriter output, Set<String> truncated) throws IOException {
        List<TaskState> states = result.tasks();
        List<CodeUnit> all = plan.verifiedInTaskOrder();
        List<String> projectTests = reportProjectTests(subBuilds);
        write(output, all);
        AutocoderConfig.Paths paths = config.paths();
        Map<String, List<String>> warnings = new LinkedHashMap<>();
        for (TaskState state : states) {
            List<String> own = new ArrayList<>(truncated.contains(state.task()) ? List.of(TRUNCATED) : List.of());
            own.addAll(projectTests);
            warnings.put(state.task(), own);
        }
        Map<String, Path> kept = new LinkedHashMap<>();
        for (TaskState state : states) {
            if (state.status() != TaskState.Status.VERIFIED) {
                subBuilds.keptFolder(state.task()).ifPresent(folder -> kept.put(state.task(), folder));
            }
        }
        java.util.OptionalLong lastTests = subBuilds.projectTestMillis();
        RunCost cost = RunCost.of((System.nanoTime() - planStarted) / 1_000_000, subBuilds.costs(),
                lastTests.isPresent() ? lastTests.getAsLong() : null,
                subBuilds.profiles().stream().map(Path::toString).toList());
        writeReport(plan.report(states, warnings, kept).withCost(cost));
        SummaryTable.render(states, config.model().modelName(), prices,
                project.baseDirectory().relativize(paths.stateDirectory().toAbsolutePath()).toString(),
                StateFolder.size(paths.stateDirectory()), cost).forEach(log::info);
        if (!truncated.isEmpty()) {
            log.warn("autocoder: " + new TreeSet<>(truncated) + ": " + TRUNCATED);
        }
        List<String> failures = new ArrayList<>();
        for (TaskState state : states) {
            if (state.status() != TaskState.Status.VERIFIED) {
                failures.add(state.task() + ": " + state.failure() + (kept.containsKey(state.task())
                        ? "; its newest failing sub-build is kept in " + kept.get(state.task()) : ""));
            }
        }
        failures.addAll(together);
        if (result.abort().isPresent() || !failures.isEmpty()) {
            log.info("autocoder:" + lockedNote(plan));
        }
        result.abort().ifPresent(abort -> {
            throw abort;
        });
        if (!failures.isEmpty()) {
            throw new TasksFailedException(failures, lockedNote(plan).strip());
        }
        log.info("autocoder: " + plan.tasks().size() + " task(s) verified; lock file " + config.paths().lockFile());
        return states;
    }

    /** Writes the code of the tasks this run verified into the lock file, once it passed the final check. */
    private void lock(Plan plan, Map<String, TaskState> verified) throws IOException {
        List<LockFile.Entry> entries = new ArrayList<>();
        verified.forEach((task, state) -> {
            TaskFingerprints fingerprints = plan.fingerprints().get(task);
            entries.add(LockFile.Entry.of(config.executionKey(), task, fingerprints.generation(),
                    fingerprints.verification(), state.verifiedUnits()));
        });
        LockFile.update(config.paths().lockFile(), lock -> {
            LockFile updated = lock;
            for (LockFile.Entry entry : entries) {
                updated = updated.with(entry);
            }
            return updated;
        });
        verified.keySet().forEach(task -> log.info("[" + task + "] locked in " + config.paths().lockFile()));
    }

    private void writeReport(RunReport report) throws IOException {
        String name = "report" + AutocoderConfig.pathSuffix(config.executionId());
        report.writeTo(config.paths().stateDirectory(), name);
        log.info("autocoder: report at " + config.paths().stateDirectory().resolve(name + ".html"));
    }

    private void write(OutputWriter output, List<CodeUnit> units) throws IOException {
        for (Path file : output.replaceAll(units)) {
            log.info("autocoder: wrote " + project.baseDirectory().relativize(file.toAbsolutePath()));
        }
    }

    /** The model port for this run's mode, journaled so that no paid reply is ever asked for twice. */
    private ChatPort chatPort(Path runDirectory) throws IOException {
        AutocoderConfig.ModelOptions options = config.model();
        if (options.mode() == AutocoderConfig.Mode.REPLAY) {
            if (!Files.isRegularFile(config.paths().cassette())) {
                throw new ConfigurationException("cassette", "mode is replay but the cassette "
                        + config.paths().cassette() + " does not exist; record one with -Dautocoder.mode=record");
            }
            ReplyJournal cassette = ReplyJournal.open(config.paths().cassette(), log::warn);
            return JournaledChatPort.replaying(cassette, options.modelName());
        }
        ModelSettings settings = new ModelSettings(options.baseUrl(), options.modelName(),
                options.apiKey().map(ApiKey::of).orElseGet(ApiKey::none), Duration.ofSeconds(options.timeoutSeconds()),
                options.maxRetries(), seconds(options.retryBaseSeconds()), seconds(options.retryMaxSeconds()),
                ModelSettings.DEFAULT_MAX_RETRY_AFTER, null, ModelSettings.DEFAULT_TEMPERATURE, options.headers(),
                options.proxy().orElse(null), options.provider(), options.contextSize());
        ChatPort live = new ModelGate(new LangChain4jChatPort(settings, log::warn), options.maxConcurrentRequests(),
                options.maxModelCalls(), options.maxTokens());
        Path journalFile = options.mode() == AutocoderConfig.Mode.RECORD
                ? config.paths().cassette() : runDirectory.resolve("journal.jsonl");
        return new JournaledChatPort(ReplyJournal.open(journalFile, log::warn), options.modelName(),
                options.mode() == AutocoderConfig.Mode.RECORD ? JournaledChatPort.Mode.RECORD
                        : JournaledChatPort.Mode.LIVE, live);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /**
     * The engine's view of the store, the fingerprints and the contexts. Code that passed its round
     * is kept in state, pending, until the final check locks it.
     */
    private static final class Workspace implements Engine.Workspace {
        private final StateStore store;
        private final Plan plan;

        Workspace(StateStore store, Plan plan) {
            this.store = store;
            this.plan = plan;
        }

        @Override
        public TaskState open(Task task) {
            String fingerprint = plan.fingerprints().get(task.name()).stateKey();
            TaskState state = store.load(task.name(), fingerprint);
            if (state.status() != TaskState.Status.VERIFIED || !fingerprint.equals(state.fingerprint())) {
                // A pending task starts over; the reply journal makes the repeated requests free.
                state.reset(fingerprint);
            } else {
                // Verified in its round before a stop: the tasks still pending compile against its code.
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

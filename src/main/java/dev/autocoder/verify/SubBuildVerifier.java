package dev.autocoder.verify;

import dev.autocoder.project.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.shared.invoker.InvocationRequest;

/**
 * Verifies candidates with the project's own build (its effective POM, see {@link SubBuildReactor}),
 * several candidates in one reactor so Maven starts once, each candidate in a module of its own,
 * built with the newest code of the other tasks and parts, with its own verdict.
 */
public final class SubBuildVerifier implements Verifier, AutoCloseable {

    /** Who holds the final check's folder when that check fails. */
    private static final String FINAL_CHECK = "(all tasks together)";
    /** Who a baseline's module belongs to: nobody holds its folder. */
    private static final String BASELINE = "(baseline)";
    /** How many sets of others' code keep their baseline; a run rarely has more sets at once. */
    private static final int BASELINES = 16;
    /** A {@code -Dautocoder.<name>[=value]} option in jvm.config, with the blanks before it. */
    private static final java.util.regex.Pattern OWN_OPTION =
            java.util.regex.Pattern.compile("[ \\t]*(?<!\\S)-Dautocoder\\.\\S*");

    private final ProjectLayout layout;
    private final Function<String, List<CodeUnit>> others;
    private final InProcessCompiler compiler;
    private final SubBuildSettings settings;
    private final Path workRoot;
    private final SubBuildReactor reactor;
    private final boolean keepFolders;
    private final RoundTrimming trimming;
    private final boolean profile;
    /**
     * The test classes the project's test phase runs by name, which rounds choose among; empty when
     * the project names them in a way rounds cannot follow (then rounds choose among surefire's
     * defaults, and never stand for the whole test phase).
     */
    private final Optional<SurefireIncludes> testPhase;
    /**
     * The project's own last test times by class ({@link #lastTestSeconds()}), read from its build
     * folder when first needed, so a build that runs no sub-build reads no report.
     */
    private Map<String, Double> lastTestSeconds;
    /** A round runs the whole build when what its selection leaves out took at most this share of the tests' time... */
    static final double WHOLE_ROUND_SHARE = 0.1;
    /** ...or at most this many seconds. */
    static final double WHOLE_ROUND_SECONDS = 1.0;
    private final SubBuildCosts costs = new SubBuildCosts();
    /** How each sub-build's Maven is asked for and run. */
    private final SubBuildLaunch launch;
    /** How often each task was sent each test first, by test key ({@link #sentToAnotherFirst}). */
    private final Map<String, Map<String, Integer>> sentFirst = new ConcurrentHashMap<>();
    /** How many plans were built in a module shared with other plans of the same code ({@link SharedModules}). */
    private final AtomicInteger sharedPlans = new AtomicInteger();
    private final List<Path> profiles = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Path> heldFolders = new HashMap<>();
    /** Per set of others' code: what the project's tests do with it and no candidate. */
    private final Map<List<CodeUnit>, Baseline> baselines = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<CodeUnit>, Baseline> eldest) {
                    return size() > BASELINES;
                }
            });
    private final Set<String> projectTestFailures = Collections.synchronizedSet(new java.util.LinkedHashSet<>());
    /**
     * Modules that ran the project's whole build (no goal left out, every test of its configured
     * test phase) and passed it with nothing failing, by the code they built: a final check of the
     * very same code is the very same build.
     */
    private final Set<WholeBuild> passedWholeBuilds = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * How sub-build modules are laid out.
     *
     * @param strictGates place the generated code in the copy's own source folders, where the
     *     project's gates see it as they see the user's code, rather than in a generated source root
     * @param notCopied folders of the module left out of each sub-build's copy besides its build
     *     folder and version-control and IDE folders: the plugin's state folder
     */
    public record Layout(boolean strictGates, List<Path> notCopied) {
        /** Strict gates, nothing else left out. */
        public static final Layout DEFAULT = new Layout(true, List.of());

        public Layout {
            notCopied = List.copyOf(notCopied);
        }
    }

    /**
     * @param layout the consuming project
     * @param others the newest code of the other tasks and parts, by the name of the one asking
     * @param compiler decides which project tests compile, and rejects candidates that do not
     * @param settings how to run Maven
     * @param workRoot where sub-build folders go (see {@link #defaultRoot})
     * @param checkstyleConfig a checkstyle configuration that overrides the project's, or null
     * @param keepFolders keep every sub-build folder, for debugging; otherwise a folder goes once its
     *     verdicts are read, but for the newest one of each task that failed in it
     */
    public SubBuildVerifier(ProjectLayout layout, Function<String, List<CodeUnit>> others, InProcessCompiler compiler,
            SubBuildSettings settings, Path workRoot, Path checkstyleConfig, boolean keepFolders) {
        this(layout, others, compiler, settings, workRoot, checkstyleConfig, keepFolders, Layout.DEFAULT);
    }

    /** A verifier whose sub-build modules are laid out as {@code modules} says, rounds trimmed as usual. */
    public SubBuildVerifier(ProjectLayout layout, Function<String, List<CodeUnit>> others, InProcessCompiler compiler,
            SubBuildSettings settings, Path workRoot, Path checkstyleConfig, boolean keepFolders, Layout modules) {
        this(layout, others, compiler, settings, workRoot, checkstyleConfig, keepFolders, modules,
                RoundTrimming.forRounds(List.of()), false);
    }

    /** A verifier whose modules are laid out as usual, with this trimming and profiling. */
    public SubBuildVerifier(ProjectLayout layout, Function<String, List<CodeUnit>> others, InProcessCompiler compiler,
            SubBuildSettings settings, Path workRoot, Path checkstyleConfig, boolean keepFolders,
            RoundTrimming trimming, boolean profile) {
        this(layout, others, compiler, settings, workRoot, checkstyleConfig, keepFolders, Layout.DEFAULT, trimming,
                profile);
    }

    /**
     * @param modules how sub-build modules are laid out
     * @param trimming what rounds and their baselines leave out of the project's build (the final
     *     check leaves out nothing)
     * @param profile write where each sub-build's time went ({@link RoundProfile}) next to its
     *     build.log, and keep the folders that hold them
     */
    public SubBuildVerifier(ProjectLayout layout, Function<String, List<CodeUnit>> others, InProcessCompiler compiler,
            SubBuildSettings settings, Path workRoot, Path checkstyleConfig, boolean keepFolders, Layout modules,
            RoundTrimming trimming, boolean profile) {
        this.trimming = trimming;
        this.profile = profile;
        this.layout = layout;
        this.others = others;
        this.compiler = compiler;
        this.settings = settings;
        this.workRoot = workRoot.toAbsolutePath().normalize();
        List<Path> notCopied = new ArrayList<>(modules.notCopied());
        // A work folder configured inside the module must not copy itself into itself.
        notCopied.add(this.workRoot);
        this.reactor = new SubBuildReactor(layout, checkstyleConfig, jvmConfig(settings), settings.mvnFolder(),
                new ModuleCopy(layout.baseDirectory(), layout.buildDirectory(), notCopied), modules.strictGates());
        this.keepFolders = keepFolders || profile;
        this.testPhase = SurefireIncludes.of(layout.build().effectivePom());
        this.launch = new SubBuildLaunch(settings, this.workRoot);
    }

    /**
     * Starts this run's first warm Maven while the model writes its first candidates
     * ({@link SubBuildLaunch#warmUp}), in a folder holding the sub-build's {@code .mvn} and an
     * aggregator without modules, removed afterwards.
     */
    public void warmUp() {
        launch.warmUp(() -> {
            Path folder = newFolder();
            reactor.write(folder, List.of());
            return folder;
        }, SubBuildVerifier::deleteQuietly);
    }

    /**
     * Stops the Maven JVMs this run kept up, a warm-up still running included, and returns once
     * that warm-up has removed its folder; sub-builds after this start Maven each.
     */
    @Override
    public void close() {
        launch.close();
    }

    /** How many sub-builds ran in how many warm Maven JVMs, and why warm ones stopped being tried if they did. */
    public String warmMaven() {
        return launch.describe();
    }

    /** The invocation of a sub-build in {@code folder}, for tests. */
    InvocationRequest request(Path folder, int modules) {
        return launch.request(folder, modules);
    }

    /**
     * Where a module's sub-builds go by default: {@code ${java.io.tmpdir}/autocoder-<hash>}, the hash
     * of the module's absolute path, so that two projects never share it. Outside the module, so no
     * {@code target/} or {@code generated} in a path hides the code from the project's gates.
     * An execution's sub-builds go in a folder named after it below this one.
     */
    public static Path defaultRoot(Path moduleBase) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    moduleBase.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir"), "autocoder-"
                    + java.util.HexFormat.of().formatHex(digest, 0, 5));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Deletes the sub-build folders an earlier run of this execution left behind, unless every
     * folder is kept; the caller holds the run lock, so no other build uses them.
     *
     * @return how many folders went
     */
    public int removeEarlierFolders() {
        if (keepFolders || !Files.isDirectory(workRoot)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> children = Files.list(workRoot)) {
            for (Path child : children.toList()) {
                deleteQuietly(child);
                removed++;
            }
        } catch (IOException e) {
            // What cannot go only costs disk space.
        }
        return removed;
    }

    @Override
    public Verdict verify(Candidate candidate) {
        return verifyBatch(List.of(candidate)).get(candidate);
    }

    /**
     * Builds every candidate in one Maven run; each gets its own verdict. A test that fails with a
     * candidate is charged by evidence, a baseline run without the candidate but with the same code
     * of the others: it is the candidate's when the model wrote it, when it passes in the baseline
     * or fails there in another way, or when it cannot run without the candidate at all; it is the
     * project's when it fails the same way without the candidate, which is reported to the user
     * ({@link #projectTestFailures}) and never blocks.
     */
    public Map<Candidate, Verdict> verifyBatch(List<Candidate> candidates) {
        Map<Candidate, Verdict> verdicts = new LinkedHashMap<>();
        List<Candidate> built = new ArrayList<>();
        List<SubBuildReactor.Plan> plans = new ArrayList<>();
        List<List<String>> untrimmed = new ArrayList<>();
        List<Selection> selections = new ArrayList<>();
        List<InProcessCompiler.Outcome> inProcess = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (verdicts.containsKey(candidate) || built.contains(candidate)) {
                continue;
            }
            InProcessCompiler.Outcome compiled = compiler.check(candidate);
            if (compiled.verdict().feedback().stream().anyMatch(f -> f.blocking() && f.modelCaused())) {
                verdicts.put(candidate, compiled.verdict());
                continue;
            }
            built.add(candidate);
            inProcess.add(compiled);
            selections.add(select(candidate, compiled));
            untrimmed.add(compiled.excludedProjectTests());
        }
        boolean whole = wholeRound(selections);
        for (int i = 0; i < built.size(); i++) {
            Candidate candidate = built.get(i);
            Selection selection = selections.get(i);
            plans.add(new SubBuildReactor.Plan(candidate.units(),
                    InProcessCompiler.withoutReplaced(others.apply(candidate.taskName()), candidate.units()),
                    whole ? untrimmed.get(i) : selection.notCompiled(), whole ? Optional.empty() : selection.tests(),
                    whole ? RoundTrimming.NONE : trimming));
        }
        List<ModuleOutcome> results = plans.isEmpty() ? List.of()
                : againUntrimmed(plans, untrimmed, build(plans, built.stream().map(Candidate::taskName).toList()), built);
        for (int i = 0; i < built.size(); i++) {
            // The sub-build compiled what the in-process compile could not: the types project files
            // missed there and not in the sub-build are the build's own (generated). Baselines judged
            // without them are stale.
            ModuleOutcome result = results.get(i);
            boolean compiled = !result.tests().isEmpty() || result.findings().stream()
                    .anyMatch(finding -> finding.stage() == Feedback.Stage.COMPILE
                            || finding.message().startsWith(Feedback.OTHERS_DO_NOT_COMPILE));
            if (compiled && compiler.learnCompiled(inProcess.get(i), result.findings())) {
                baselines.clear();
            }
        }
        Map<List<CodeUnit>, Set<String>> questions = new LinkedHashMap<>();
        List<String> askers = new ArrayList<>();
        List<Optional<List<CodeUnit>>> stubbed = new ArrayList<>();
        List<Set<String>> deferred = new ArrayList<>();
        // The modules the round was built in, grouped exactly as build() grouped them.
        SharedModules modules = SharedModules.of(plans);
        for (int i = 0; i < built.size(); i++) {
            Set<String> own = testClasses(built.get(i).testUnits());
            Set<String> failing = new TreeSet<>();
            results.get(i).failures().filter(test -> !own.contains(test.testClass()))
                    .forEach(test -> failing.add(test.testClass()));
            questions.computeIfAbsent(plans.get(i).others(), key -> new TreeSet<>()).addAll(failing);
            // A candidate that shares its module asks its stubbed baseline only when it is the one to be sent the test.
            Map<List<CodeUnit>, Set<String>> later = new HashMap<>();
            stubbed.add(withoutBehaviour(built.get(i), plans.get(i), failing, modules.shares(i) ? later : questions));
            deferred.add(new TreeSet<>(later.values().stream().flatMap(Set::stream).toList()));
            if (!failing.isEmpty()) {
                askers.add(built.get(i).taskName());
            }
        }
        answerFromBaselines(questions, askers);
        List<Map<SubBuildResults.TestResult, Evidence>> evidence = evidence(built, plans, results, stubbed);
        // At most two more baselines: the stubs of the candidates a test would be sent to, then, where
        // one of those was cleared, of every candidate still in question.
        for (boolean firstOnly : List.of(true, false)) {
            Map<List<CodeUnit>, Set<String>> more = new LinkedHashMap<>();
            Set<String> moreAskers = new TreeSet<>();
            for (SharedFailure test : shared(built, modules, results, evidence)) {
                List<Integer> order = sendingOrder(test.key(), test.candidates(), built);
                if (!deferred.get(order.get(0)).contains(test.testClass())) {
                    continue;
                }
                for (int i : firstOnly ? order.subList(0, 1) : order) {
                    if (deferred.get(i).remove(test.testClass())) {
                        more.computeIfAbsent(stubbed.get(i).orElseThrow(), key -> new TreeSet<>()).add(test.testClass());
                        moreAskers.add(built.get(i).taskName());
                    }
                }
            }
            if (more.isEmpty()) {
                break;
            }
            answerFromBaselines(more, List.copyOf(moreAskers));
            evidence = evidence(built, plans, results, stubbed);
        }
        List<Set<String>> waits = sentToAnotherFirst(built, modules, results, evidence);
        for (int i = 0; i < built.size(); i++) {
            verdicts.put(built.get(i), charge(plans.get(i), results.get(i), evidence.get(i), waits.get(i)));
        }
        Map<Candidate, Verdict> ordered = new LinkedHashMap<>();
        candidates.forEach(candidate -> ordered.put(candidate, verdicts.get(candidate)));
        return Collections.unmodifiableMap(ordered);
    }

    /**
     * The rounds that left project test classes out of their test compile and then failed a goal as
     * the project's (a plugin bound before the tests that needs every test class, bound at a phase
     * the project does not name) run once more with every test class compiled: such a failure is
     * neither the candidate's nor the project's. Their plans are replaced by the untrimmed ones.
     */
    private List<ModuleOutcome> againUntrimmed(List<SubBuildReactor.Plan> plans, List<List<String>> untrimmed,
            List<ModuleOutcome> results, List<Candidate> built) {
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).excludedTests().size() > untrimmed.get(i).size() && results.get(i).findings().stream()
                    .anyMatch(finding -> finding.blocking() && finding.stage() == Feedback.Stage.PROJECT)) {
                again.add(i);
            }
        }
        if (again.isEmpty()) {
            return results;
        }
        List<SubBuildReactor.Plan> full = again.stream().map(i -> new SubBuildReactor.Plan(plans.get(i).own(),
                plans.get(i).others(), untrimmed.get(i), plans.get(i).tests(), plans.get(i).trimming())).toList();
        List<ModuleOutcome> rebuilt = build(full, again.stream().map(i -> built.get(i).taskName()).toList());
        List<ModuleOutcome> all = new ArrayList<>(results);
        for (int k = 0; k < again.size(); k++) {
            plans.set(again.get(k), full.get(k));
            all.set(again.get(k), rebuilt.get(k));
        }
        return all;
    }

    /**
     * What a round runs.
     *
     * @param tests the test classes the round runs, or empty for the whole configured test phase
     * @param notCompiled the project test files left out of the test compile
     * @param choosable the test classes the project's test phase runs, or empty when no selection
     *     could be made
     */
    private record Selection(Optional<List<String>> tests, List<String> notCompiled, Set<String> choosable) {
        Selection(Optional<List<String>> tests, List<String> notCompiled) {
            this(tests, notCompiled, Set.of());
        }
    }

    /**
     * Whether the round runs the project's whole build instead of its selection: the tests every
     * candidate's selection leaves out took, in the project's own last build, at most a tenth of
     * the test phase's time (or a second). Then leaving them out saves next to nothing, while a
     * round that runs the whole build with nothing left out, and passes with every task's code, is
     * that code's final check ({@link #rememberWholeBuilds}). A test with no time in those reports
     * counts as expensive: no reports, no widening.
     */
    private boolean wholeRound(List<Selection> selections) {
        if (selections.isEmpty() || testPhase.isEmpty()) {
            return false;
        }
        Map<String, Double> lastTestSeconds = lastTestSeconds();
        if (lastTestSeconds.isEmpty()) {
            return false;
        }
        Set<String> chosen = new HashSet<>();
        Set<String> choosable = new TreeSet<>();
        for (Selection selection : selections) {
            if (selection.choosable().isEmpty()) {
                // No selection could be made: the round runs every test already, as trimmed.
                return false;
            }
            chosen.addAll(selection.tests().orElse(List.copyOf(selection.choosable())));
            choosable.addAll(selection.choosable());
        }
        double all = choosable.stream().mapToDouble(test -> lastTestSeconds.getOrDefault(test, 0.0)).sum();
        double rest = 0;
        for (String test : choosable) {
            if (!chosen.contains(test)) {
                Double seconds = lastTestSeconds.get(test);
                if (seconds == null) {
                    return false;
                }
                rest += seconds;
            }
        }
        return rest <= Math.max(WHOLE_ROUND_SECONDS, all * WHOLE_ROUND_SHARE);
    }

    /**
     * Each test class's time in the project's own last build, a top-level class with its nested
     * ones; empty when its build folder holds no surefire report. Read once, on first need.
     */
    private synchronized Map<String, Double> lastTestSeconds() {
        if (lastTestSeconds == null) {
            Map<String, Double> byClass = new HashMap<>();
            SurefireReportTimes.byClass(layout.buildDirectory().resolve("surefire-reports")).forEach((name, seconds) ->
                    byClass.merge(SubBuildResults.topLevel(name), seconds, Double::sum));
            lastTestSeconds = Map.copyOf(byClass);
        }
        return lastTestSeconds;
    }

    /** The project's own last test time, from its surefire reports, or empty when it has none. */
    public OptionalLong projectTestMillis() {
        Map<String, Double> byClass = lastTestSeconds();
        return byClass.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(Math.round(byClass.values().stream().mapToDouble(Double::doubleValue).sum() * 1000));
    }

    /**
     * The tests a round runs for a candidate: every test class whose outcome can depend on the
     * candidate's types, by the closure of the compiled classes' dependencies (through helpers,
     * base classes, fixtures and the module's main classes, names in string constants, and
     * containers that scan the class path), plus the tests the model wrote. A test class outside
     * that closure compiles and runs the same whatever the candidate is, so it is left out of the
     * round's test compile too; the final check runs everything. When the closure cannot be
     * computed, the round runs every test: selection only saves time.
     */
    private Selection select(Candidate candidate, InProcessCompiler.Outcome compiled) {
        if (compiled.selection().isEmpty()) {
            return new Selection(Optional.empty(), compiled.excludedProjectTests());
        }
        TestSelection graph = compiled.selection().get();
        Set<String> own = testClasses(candidate.testUnits());
        Set<String> choosable = graph.testClasses(testPhase.orElseGet(SurefireIncludes::defaults).asFilter());
        TestSelection.Result result = graph.select(choosable,
                candidate.mainUnits().stream().map(CodeUnit::qualifiedName).toList());
        if (result.runAll()) {
            return new Selection(Optional.empty(), compiled.excludedProjectTests());
        }
        Set<String> tests = new TreeSet<>(result.testClasses());
        tests.addAll(own);
        if (testPhase.isPresent() && tests.containsAll(choosable) && choosable.containsAll(own)) {
            // Every test class the round could choose is chosen, the project's test phase runs no
            // other, and it runs the model's tests too: the round runs that whole phase, which a
            // final check of the same code need not run again.
            return new Selection(Optional.empty(), compiled.excludedProjectTests(), choosable);
        }
        Map<String, SourceFile> projectTests = new LinkedHashMap<>();
        compiled.compilingProjectTests().forEach(file -> projectTests.put(className(file), file));
        Set<String> needed = new HashSet<>(tests);
        tests.forEach(test -> needed.addAll(graph.reachedTypes(test, projectTests.keySet())));
        List<String> notCompiled = new ArrayList<>(compiled.excludedProjectTests());
        // A plugin bound between the test compile and the tests may need every test class: then none is left out.
        boolean trimmable = layout.compiler().testClassReaders().isEmpty();
        projectTests.forEach((name, file) -> {
            if (trimmable && !needed.contains(name) && choosable.contains(name)) {
                notCompiled.add(file.displayName());
            }
        });
        return new Selection(Optional.of(List.copyOf(tests)), notCompiled, choosable);
    }

    /**
     * The code of a second baseline for the failing tests that cannot run without the candidate,
     * because the project's or the other tasks' code needs its types: the others' code with the
     * candidate's behaviour taken out ({@link BehaviourStubs}), asked about those tests in
     * {@code questions}. Empty when every failing test runs without the candidate, when the
     * candidate is built with no other task's code (then nothing but the candidate and the project
     * can be at fault), or when its code does not parse.
     */
    private Optional<List<CodeUnit>> withoutBehaviour(Candidate candidate, SubBuildReactor.Plan plan,
            Set<String> failing, Map<List<CodeUnit>, Set<String>> questions) {
        if (failing.isEmpty() || plan.others().stream().allMatch(CodeUnit::test)) {
            return Optional.empty();
        }
        Baseline without = baseline(plan.others());
        Set<String> unanswerable = new TreeSet<>(failing);
        unanswerable.removeIf(test -> without.runnable(test, plan.others()));
        if (unanswerable.isEmpty()) {
            return Optional.empty();
        }
        List<CodeUnit> code = new ArrayList<>(plan.others());
        for (CodeUnit unit : candidate.mainUnits()) {
            Optional<CodeUnit> stub = BehaviourStubs.of(unit);
            if (stub.isEmpty()) {
                return Optional.empty();
            }
            code.add(stub.get());
        }
        List<CodeUnit> key = List.copyOf(code);
        questions.computeIfAbsent(key, ignored -> new TreeSet<>()).addAll(unanswerable);
        return Optional.of(key);
    }

    /**
     * A candidate's verdict: its module's findings, and each failing test charged by the baseline.
     * A test that cannot run without the candidate but fails just the same with its behaviour taken
     * out ({@link Evidence#FAILS_WHATEVER_IT_DOES}) fails because of the other tasks' code it runs with: the candidate waits
     * for that code to change, and no model call is spent on it (the engine hands it to the model
     * only when no other task can change that code any more, naming what a stub keeps: annotations,
     * types, constants, constructors). So does a candidate whose compile-time constants other
     * classes use ({@link ConstantReferences}): javac copied their values into those classes, and a
     * test that fails on a wrong constant fails just the same with the stub; while another task's
     * code may still change it cannot be told from a failure of that code. A test in
     * {@code sentToAnother} is sent to another candidate of its module first ({@link #sentToAnotherFirst}),
     * and this one waits.
     */
    private Verdict charge(SubBuildReactor.Plan plan, ModuleOutcome outcome,
            Map<SubBuildResults.TestResult, Evidence> evidence, Set<String> sentToAnother) {
        List<Feedback> findings = new ArrayList<>(outcome.findings());
        for (SubBuildResults.TestResult test : outcome.failures().toList()) {
            switch (evidence.get(test)) {
                // Not the candidate's. The project's only when the baseline ran no other task's code:
                // else that code, which its own task's verdict and the final check judge, may be why.
                case FAILS_WITHOUT_IT -> findings.add(plan.others().isEmpty() ? projectTest(test) : notThisTasks(test));
                case FAILS_WHATEVER_IT_DOES -> findings.add(Feedback.blocking(Feedback.Stage.WAITING,
                        Feedback.FAILS_WHATEVER_IT_DOES + test.description()));
                case NEEDS_IT -> findings.add(sentToAnother.contains(test.key())
                        ? Feedback.blocking(Feedback.Stage.WAITING, Feedback.ANOTHER_IS_SENT_IT_FIRST + test.description())
                        : Feedback.blocking(Feedback.Stage.TEST, test.description()));
            }
        }
        return FeedbackLimit.apply(findings, FeedbackLimit.DEFAULT_CHARS);
    }

    /** What the baselines say of a test that failed with a candidate. */
    private enum Evidence {
        /** It fails the same way without the candidate. */
        FAILS_WITHOUT_IT,
        /** It cannot run without the candidate, and fails the same way with its methods only throwing. */
        FAILS_WHATEVER_IT_DOES,
        /** It passes, fails another way or cannot run without the candidate, or it is the candidate's own test. */
        NEEDS_IT
    }

    private Evidence evidence(Candidate candidate, SubBuildReactor.Plan plan, Optional<List<CodeUnit>> stubbed,
            SubBuildResults.TestResult test) {
        if (testClasses(candidate.testUnits()).contains(test.testClass())) {
            return Evidence.NEEDS_IT;
        }
        Baseline baseline = baselines.get(plan.others());
        if (baseline != null && baseline.failsAlike(test)) {
            return Evidence.FAILS_WITHOUT_IT;
        }
        Baseline withoutBehaviour = stubbed.map(baselines::get).orElse(null);
        return withoutBehaviour != null && withoutBehaviour.failsAlike(test) ? Evidence.FAILS_WHATEVER_IT_DOES
                : Evidence.NEEDS_IT;
    }

    /**
     * For each built candidate, the failing tests it waits on instead of being sent them. Candidates
     * that shared a module ran one test run; when a project test failed there and the baselines
     * clear none of them, only one of them is sent the failure: the one sent this test least often
     * in this run, then by task name. The others wait for its next code, taking turns when it cannot
     * change any more ({@link Feedback#takesTurns}), rather than each paying a model call for a
     * failure that one of them may have caused alone. The one sent it always had its stubbed
     * baseline; the others wait without theirs, which runs when it is their turn (issue 21: on a
     * Spring service every test runs every candidate, and those baselines were a third of a run).
     */
    private List<Set<String>> sentToAnotherFirst(List<Candidate> built, SharedModules modules,
            List<ModuleOutcome> results, List<Map<SubBuildResults.TestResult, Evidence>> evidence) {
        List<Set<String>> waits = new ArrayList<>();
        built.forEach(candidate -> waits.add(new HashSet<>()));
        for (SharedFailure test : shared(built, modules, results, evidence)) {
            if (test.candidates().size() < 2) {
                continue;
            }
            List<Integer> order = sendingOrder(test.key(), test.candidates(), built);
            int first = order.get(0);
            sentFirst.computeIfAbsent(test.key(), ignored -> new ConcurrentHashMap<>())
                    .merge(built.get(first).taskName(), 1, Integer::sum);
            order.subList(1, order.size()).forEach(i -> waits.get(i).add(test.key()));
        }
        return waits;
    }

    /** A project test that failed in one module, and the candidates of that module it is not cleared for. */
    private record SharedFailure(String key, String testClass, List<Integer> candidates) {
    }

    /**
     * The project tests that failed for candidates the evidence so far does not clear, module by
     * module (candidates of one module ran one test run, so a test failed the same way for each).
     */
    private static List<SharedFailure> shared(List<Candidate> built, SharedModules modules,
            List<ModuleOutcome> results, List<Map<SubBuildResults.TestResult, Evidence>> evidence) {
        Map<Integer, Map<List<String>, List<Integer>>> chargedByModule = new LinkedHashMap<>();
        Set<String> tasksTests = new HashSet<>();
        built.forEach(candidate -> tasksTests.addAll(testClasses(candidate.testUnits())));
        for (int i = 0; i < built.size(); i++) {
            Map<List<String>, List<Integer>> charged = chargedByModule.computeIfAbsent(
                    modules.moduleOf(i), key -> new LinkedHashMap<>());
            for (SubBuildResults.TestResult test : results.get(i).failures().toList()) {
                if (!tasksTests.contains(test.testClass())
                        && evidence.get(i).get(test) == Evidence.NEEDS_IT) {
                    // One run: the same test failing the same way for every candidate of the module.
                    charged.computeIfAbsent(List.of(test.key(), test.failure(), test.testClass()),
                            key -> new ArrayList<>()).add(i);
                }
            }
        }
        // Module by module: the same test may fail the same way in two modules of one round.
        List<SharedFailure> shared = new ArrayList<>();
        chargedByModule.values().forEach(charged -> charged.forEach((test, candidates) ->
                shared.add(new SharedFailure(test.get(0), test.get(2), candidates))));
        return shared;
    }

    /** The order in which candidates are sent a shared test: the one sent it least often in this run first, then by task name. */
    private List<Integer> sendingOrder(String testKey, List<Integer> candidates, List<Candidate> built) {
        Map<String, Integer> sent = sentFirst.getOrDefault(testKey, Map.of());
        return candidates.stream().sorted(Comparator.<Integer>comparingInt(
                i -> sent.getOrDefault(built.get(i).taskName(), 0)).thenComparing(i -> built.get(i).taskName())).toList();
    }

    /** What the baselines known so far say of each built candidate's failing tests. */
    private List<Map<SubBuildResults.TestResult, Evidence>> evidence(List<Candidate> built,
            List<SubBuildReactor.Plan> plans, List<ModuleOutcome> results, List<Optional<List<CodeUnit>>> stubbed) {
        List<Map<SubBuildResults.TestResult, Evidence>> evidence = new ArrayList<>();
        for (int i = 0; i < built.size(); i++) {
            Map<SubBuildResults.TestResult, Evidence> byTest = new HashMap<>();
            for (SubBuildResults.TestResult test : results.get(i).failures().toList()) {
                byTest.put(test, evidence(built.get(i), plans.get(i), stubbed.get(i), test));
            }
            evidence.add(byTest);
        }
        return evidence;
    }

    /** A test that fails without the generated code too: the user's to know, never the model's. */
    private Feedback projectTest(SubBuildResults.TestResult test) {
        String first = test.description().lines().findFirst().orElse(test.key());
        projectTestFailures.add("the project's own test " + first + " fails with or without the generated code;"
                + " it was not sent to the model");
        return Feedback.advice(Feedback.Stage.PROJECT, "the project's test " + first
                + " fails without the generated code too");
    }

    /**
     * A test that fails the same way without the candidate, with the other tasks' code it was built
     * with: not the candidate's, and not known to be the project's, so nobody is told so yet.
     */
    private static Feedback notThisTasks(SubBuildResults.TestResult test) {
        String first = test.description().lines().findFirst().orElse(test.key());
        return Feedback.advice(Feedback.Stage.PROJECT, "the project's test " + first + " fails the same way without"
                + " this code, with the other tasks' code as it is now");
    }

    /**
     * The project's own failures seen so far, a sentence each for the user, each once, in the order
     * they were first seen: tests that failed with and without the generated code, and tests that
     * need a type nobody in this run writes.
     */
    public List<String> projectTestFailures() {
        synchronized (projectTestFailures) {
            return List.copyOf(projectTestFailures);
        }
    }

    /**
     * Runs, in one sub-build, the test classes whose baseline is not known yet: each set of others'
     * code gets a module of its own with that code and the project but no candidate, running only
     * the classes asked about that compile there. What it shows is kept while that code stands.
     */
    private void answerFromBaselines(Map<List<CodeUnit>, Set<String>> questions, List<String> askers) {
        List<SubBuildReactor.Plan> plans = new ArrayList<>();
        List<List<CodeUnit>> keys = new ArrayList<>();
        for (Map.Entry<List<CodeUnit>, Set<String>> question : questions.entrySet()) {
            Baseline baseline = baseline(question.getKey());
            Set<String> toRun = new TreeSet<>(question.getValue());
            toRun.removeIf(test -> baseline.knows(test) || !baseline.runnable(test, question.getKey()));
            if (!toRun.isEmpty()) {
                keys.add(question.getKey());
                plans.add(SubBuildReactor.Plan.baseline(question.getKey(), baseline.compiled.excludedProjectTests(),
                        List.copyOf(toRun), trimming));
                baseline.asked(toRun);
            }
        }
        if (plans.isEmpty()) {
            return;
        }
        List<ModuleOutcome> results = build(plans, plans.stream().map(plan -> BASELINE).toList(), askers);
        for (int i = 0; i < plans.size(); i++) {
            baselines.get(keys.get(i)).record(results.get(i).tests());
        }
    }

    /** The baseline of this code, compiled in process the first time it is asked for. */
    private Baseline baseline(List<CodeUnit> code) {
        return baselines.computeIfAbsent(code, key -> new Baseline(compiler.checkTogether(key)));
    }

    /**
     * What the project's tests do with some other code but no candidate: the evidence a failure is
     * charged by. A test that never ran here is unknown, and its failure is the candidate's.
     */
    private static final class Baseline {
        private final InProcessCompiler.Outcome compiled;
        private final Set<String> asked = new HashSet<>();
        /** How each test method that ran here ended: its failure, or empty for a pass. */
        private final Map<String, String> outcomes = new HashMap<>();

        Baseline(InProcessCompiler.Outcome compiled) {
            this.compiled = compiled;
        }

        synchronized boolean knows(String testClass) {
            return asked.contains(testClass);
        }

        /** Whether the test class compiles here: a project test, or another task's test, with the main code compiling. */
        synchronized boolean runnable(String testClass, List<CodeUnit> code) {
            return compiled.compilingProjectTests().stream().map(SubBuildVerifier::className).anyMatch(testClass::equals)
                    || compiled.verdict().passed() && testClasses(code.stream().filter(CodeUnit::test).toList())
                            .contains(testClass);
        }

        synchronized void asked(Set<String> testClasses) {
            asked.addAll(testClasses);
        }

        /** Whether the test method ran here, passing or failing. */
        synchronized boolean ran(SubBuildResults.TestResult test) {
            return outcomes.containsKey(test.key());
        }

        synchronized void record(List<SubBuildResults.TestResult> tests) {
            tests.forEach(test -> outcomes.put(test.key(), test.failure()));
        }

        /**
         * Whether the test ran here and failed just as it did in the run asked about: same exception,
         * same message. A test that fails differently here (a {@code ServiceConfigurationError}
         * where the code is missing, an assertion where it is there) does depend on that code.
         */
        synchronized boolean failsAlike(SubBuildResults.TestResult test) {
            String here = outcomes.get(test.key());
            return here != null && !here.isEmpty() && here.equals(test.failure());
        }
    }

    /**
     * Builds all verified code with the project's whole configured test phase, exactly as the
     * project's own build will: the final word on a run. Each failure is charged by evidence: a
     * test that fails the same way with no generated code at all is the project's; otherwise the
     * same failing tests run once more in one sub-build with each task's code left out in turn, and
     * the tasks without whose code a test passes, fails another way or cannot run are the ones it is
     * charged to. When that separates nobody, every task is.
     *
     * @param byTask each task's verified code, in the run's order
     * @param everyTask whether every task of the run is among them: then a project test that still
     *     misses a type is charged to the task that wrote a type by that name elsewhere (misnamed
     *     or in another package), or reported as the project's when no task did (another
     *     execution or generator may write it), rather than left waiting for an unfinished task
     */
    public FinalCheck verifyTogether(Map<String, List<CodeUnit>> byTask, boolean everyTask) {
        List<CodeUnit> all = byTask.values().stream().flatMap(List::stream).toList();
        Map<String, List<Feedback>> charged = new LinkedHashMap<>();
        List<Feedback> unassigned = new ArrayList<>();
        InProcessCompiler.Outcome compiled = compiler.checkTogether(all);
        List<Feedback> inProcess = compiled.verdict().feedback();
        if (everyTask) {
            // With every task's code in, a project file that still misses a type waits for no task:
            // the project's build may generate it (a template, a generator bound before compile),
            // which javac in this JVM never sees. The sub-build, where the generators run, decides.
            inProcess = inProcess.stream().filter(finding -> finding.stage() != Feedback.Stage.WAITING
                    || ownerOfFinding(byTask, finding).isPresent()).toList();
        }
        sortOut(byTask, inProcess, charged, unassigned);
        List<String> project = new ArrayList<>();
        if (everyTask) {
            for (String test : compiled.excludedProjectTests()) {
                Set<String> missing = compiled.missingTypes().getOrDefault(test, Set.of());
                Map<String, List<String>> misnamed = misnamed(byTask, missing);
                misnamed.forEach((task, types) -> charged.computeIfAbsent(task, key -> new ArrayList<>())
                        .add(Feedback.blocking(Feedback.Stage.COMPILE, "the project's test " + test + " does not compile:"
                                + " it needs " + String.join(", ", missing) + ", which this task wrote as "
                                + String.join(", ", types) + "; use the package and name the test expects")));
                if (misnamed.isEmpty()) {
                    String line = "the project's test " + test + " refers to " + (missing.isEmpty() ? "types"
                            : String.join(", ", missing)) + ", which neither the project nor any task of this run"
                            + " wrote; it compiles only if another execution or generator writes them";
                    projectTestFailures.add(line + "; it was not sent to the model");
                    project.add(line);
                }
            }
        }
        if (!charged.isEmpty() || !unassigned.isEmpty()) {
            return new FinalCheck(charged, unassigned, project);
        }
        // A round never builds the modules that build on this one, so it is the final check only
        // when there are none to build.
        if (project.isEmpty() && layout.build().dependentBuilds().isEmpty()
                && passedWholeBuilds.contains(WholeBuild.of(all, compiled.excludedProjectTests()))) {
            return new FinalCheck(charged, unassigned, project, true);
        }
        ModuleOutcome outcome = build(List.of(new SubBuildReactor.Plan(all, List.of(),
                compiled.excludedProjectTests(), Optional.empty()).withDependents()), List.of(FINAL_CHECK),
                List.of(SubBuildCosts.FINAL_CHECK)).get(0);
        sortOut(byTask, outcome.findings(), charged, unassigned);
        List<SubBuildResults.TestResult> failures = outcome.failures().toList();
        if (failures.isEmpty()) {
            return new FinalCheck(charged, unassigned, project);
        }
        Set<String> failsWhatever = new HashSet<>();
        Map<String, Set<String>> implicated = implicate(byTask, failures, outcome.dependentTests(), failsWhatever);
        for (SubBuildResults.TestResult test : failures) {
            Set<String> tasks = implicated.get(test.key());
            if (failsWhatever.contains(test.key())) {
                // Not the model's to fix, as far as the evidence goes, but not shown to pass either:
                // the code is not locked, and the user is told.
                unassigned.add(Feedback.blocking(Feedback.Stage.PROJECT, "the project's test " + test.description()
                        + "\n(it cannot run without the generated code, and it fails just the same with every"
                        + " task's behaviour taken out, only their types, constants and annotations kept: it was"
                        + " not sent to the model)"));
            } else if (tasks.isEmpty()) {
                project.add(projectTest(test).message());
            } else {
                Feedback finding = Feedback.blocking(Feedback.Stage.TEST, test.description()
                        + (tasks.size() > 1 ? "\n(the whole test suite with every task's code fails this test;"
                                + " it involves the code of " + String.join(", ", tasks) + ")"
                                : "\n(the whole test suite with every task's code fails this test)"));
                tasks.forEach(task -> charged.computeIfAbsent(task, key -> new ArrayList<>()).add(finding));
            }
        }
        charged.replaceAll((task, findings) -> FeedbackLimit.apply(findings, FeedbackLimit.DEFAULT_CHARS).feedback());
        return new FinalCheck(charged, unassigned, project);
    }

    /**
     * Which tasks each failing test is charged to, by running the failing classes once more in one
     * sub-build: with no task's code (the same failure there is the project's: an empty set), and
     * with each task's code left out in turn (a test that passes, fails another way or cannot
     * compile without a task's code needs that task). The modules that build on this one run along,
     * on each module's code, so that their failing tests (in {@code dependentTests}) are charged by
     * the same evidence. A test that cannot run without any generated code (a dependent module's
     * whose main code uses it, say) runs once more with every task's behaviour taken out
     * ({@link BehaviourStubs}): when it fails just the same there, its key goes into
     * {@code failsWhatever}, since no method the model wrote is on its path.
     */
    private Map<String, Set<String>> implicate(Map<String, List<CodeUnit>> byTask,
            List<SubBuildResults.TestResult> failures, Set<String> dependentTests, Set<String> failsWhatever) {
        Set<String> failingClasses = failures.stream().map(SubBuildResults.TestResult::testClass)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> names = new ArrayList<>();
        List<Baseline> baselines = new ArrayList<>();
        List<SubBuildReactor.Plan> plans = new ArrayList<>();
        names.add(null);
        List<List<CodeUnit>> codes = new ArrayList<>();
        codes.add(List.of());
        if (byTask.size() > 1) {
            for (String task : byTask.keySet()) {
                names.add(task);
                codes.add(byTask.entrySet().stream().filter(e -> !e.getKey().equals(task))
                        .flatMap(e -> e.getValue().stream()).toList());
            }
        }
        Baseline none = new Baseline(compiler.checkTogether(List.of()));
        Optional<List<CodeUnit>> stubs = failingClasses.stream().anyMatch(test -> dependentTests.contains(test)
                || !none.runnable(test, List.of())) ? stubs(byTask) : Optional.empty();
        stubs.ifPresent(codes::add);
        List<Integer> built = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            Baseline baseline = i == 0 ? none : new Baseline(compiler.checkTogether(codes.get(i)));
            baselines.add(baseline);
            List<CodeUnit> code = codes.get(i);
            // Whether a dependent module's test compiles without some code only its build can tell.
            List<String> toRun = failingClasses.stream().filter(test -> dependentTests.contains(test)
                    || baseline.runnable(test, code)).toList();
            if (!toRun.isEmpty()) {
                built.add(i);
                plans.add(SubBuildReactor.Plan.baseline(code, baseline.compiled.excludedProjectTests(), toRun,
                        RoundTrimming.NONE).withDependents());
            }
        }
        if (!plans.isEmpty()) {
            List<ModuleOutcome> results = build(plans, plans.stream().map(plan -> BASELINE).toList(),
                    List.of(SubBuildCosts.FINAL_CHECK));
            for (int i = 0; i < built.size(); i++) {
                baselines.get(built.get(i)).record(results.get(i).tests());
            }
        }
        Optional<Baseline> stubbed = stubs.map(code -> baselines.get(baselines.size() - 1));
        Map<String, Set<String>> implicated = new HashMap<>();
        for (SubBuildResults.TestResult test : failures) {
            Set<String> tasks = new TreeSet<>();
            if (!baselines.get(0).failsAlike(test) && !baselines.get(0).ran(test)
                    && stubbed.filter(baseline -> baseline.failsAlike(test)).isPresent()) {
                failsWhatever.add(test.key());
            } else if (!baselines.get(0).failsAlike(test)) {
                for (int i = 1; i < names.size(); i++) {
                    if (!baselines.get(i).failsAlike(test)) {
                        tasks.add(names.get(i));
                    }
                }
                if (tasks.isEmpty()) {
                    tasks.addAll(byTask.keySet());
                }
            }
            implicated.put(test.key(), tasks);
        }
        return implicated;
    }

    /**
     * Every task's main code with its behaviour taken out ({@link BehaviourStubs}), their tests left
     * out; empty when a unit cannot be stubbed.
     */
    private static Optional<List<CodeUnit>> stubs(Map<String, List<CodeUnit>> byTask) {
        List<CodeUnit> stubs = new ArrayList<>();
        for (CodeUnit unit : byTask.values().stream().flatMap(List::stream).filter(unit -> !unit.test()).toList()) {
            Optional<CodeUnit> stub = BehaviourStubs.of(unit);
            if (stub.isEmpty()) {
                return Optional.empty();
            }
            stubs.add(stub.get());
        }
        return Optional.of(List.copyOf(stubs));
    }

    /**
     * The tasks that wrote a type by a missing one's simple name, or in a missing package's name,
     * elsewhere: a test that needs {@code com.acme.Money} while the task wrote {@code com.acme.money.Money}.
     */
    private static Map<String, List<String>> misnamed(Map<String, List<CodeUnit>> byTask, Set<String> missing) {
        Map<String, List<String>> misnamed = new LinkedHashMap<>();
        byTask.forEach((task, units) -> units.stream().filter(unit -> !unit.test())
                .filter(unit -> missing.contains(unit.typeName()) || missing.contains(unit.packageName()))
                .forEach(unit -> misnamed.computeIfAbsent(task, key -> new ArrayList<>()).add(unit.qualifiedName())));
        return misnamed;
    }

    /**
     * Each blocking finding of the final check goes to the task whose file it is in, or, when it is
     * in no task's file, to the findings no task's code causes, as the project's.
     */
    private static void sortOut(Map<String, List<CodeUnit>> byTask, List<Feedback> findings,
            Map<String, List<Feedback>> charged, List<Feedback> unassigned) {
        for (Feedback finding : findings) {
            if (!finding.blocking()) {
                continue;
            }
            Set<String> tasks = ownerOfFinding(byTask, finding).map(Set::of)
                    .orElseGet(() -> finding.stage() == Feedback.Stage.COMPILE ? named(byTask, finding) : Set.of());
            if (tasks.isEmpty()) {
                unassigned.add(finding.stage() == Feedback.Stage.PROJECT ? finding
                        : Feedback.blocking(Feedback.Stage.PROJECT, finding.message()));
            }
            tasks.forEach(task -> charged.computeIfAbsent(task, key -> new ArrayList<>()).add(finding));
        }
    }

    /**
     * The tasks whose types a compile error in a project file names, by the rule the rounds judge
     * such an error by ({@link ProjectFileJudge}): the project's code uses what that code does not
     * give it.
     */
    private static Set<String> named(Map<String, List<CodeUnit>> byTask, Feedback finding) {
        Set<String> tasks = new TreeSet<>();
        byTask.forEach((task, units) -> {
            if (TypeMentions.pattern(units.stream().filter(unit -> !unit.test()).toList())
                    .matcher(finding.message()).find()) {
                tasks.add(task);
            }
        });
        return tasks;
    }

    /** The task whose file a finding ({@code com/acme/Money.java:12: ...}) is about, if any. */
    public static Optional<String> ownerOfFinding(Map<String, List<CodeUnit>> byTask, Feedback finding) {
        for (Map.Entry<String, List<CodeUnit>> task : byTask.entrySet()) {
            for (CodeUnit unit : task.getValue()) {
                if (finding.message().startsWith(SourceFile.slashes(unit.relativePath()) + ":")) {
                    return Optional.of(task.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What the final check found.
     *
     * @param charged the failures charged to each task, phrased for its model
     * @param unassigned failures no task's code causes that still keep the code from passing, such
     *     as a project file that does not compile or a plugin that fails the build, each as a
     *     {@code PROJECT} finding
     * @param projectTests the project's tests that fail the same way with no generated code at all,
     *     or that need types nobody wrote: reported, never sent to the model
     * @param sameAsARound whether no sub-build ran because a round of this run already ran the
     *     project's whole build (no goal left out, every test) with exactly this code, and passed it
     */
    public record FinalCheck(Map<String, List<Feedback>> charged, List<Feedback> unassigned, List<String> projectTests,
            boolean sameAsARound) {
        public FinalCheck {
            charged = Collections.unmodifiableMap(new LinkedHashMap<>(charged));
            unassigned = List.copyOf(unassigned);
            projectTests = List.copyOf(projectTests);
        }

        /** What a final check that ran its own sub-build (or none at all) found. */
        public FinalCheck(Map<String, List<Feedback>> charged, List<Feedback> unassigned, List<String> projectTests) {
            this(charged, unassigned, projectTests, false);
        }

        /** Whether the code passed: nothing charged to a task and nothing else in the way. */
        public boolean passed() {
            return charged.isEmpty() && unassigned.isEmpty();
        }
    }

    /** The fully qualified names of test units, as surefire names their classes. */
    private static Set<String> testClasses(List<CodeUnit> units) {
        Set<String> names = new HashSet<>();
        units.stream().filter(CodeUnit::test).forEach(unit -> names.add(unit.qualifiedName()));
        return names;
    }

    /** {@code com.acme.MoneyTest} for the test file {@code com/acme/MoneyTest.java}. */
    private static String className(SourceFile test) {
        String path = test.displayName();
        return path.substring(0, path.length() - ".java".length()).replace('/', '.');
    }

    /**
     * What a build of the project's whole build and test suite ran with: the code, and the project
     * tests left out of its compile because they need types nobody wrote yet.
     */
    private record WholeBuild(Set<CodeUnit> code, Set<String> notCompiled) {
        static WholeBuild of(List<CodeUnit> code, List<String> notCompiled) {
            return new WholeBuild(Set.copyOf(code), Set.copyOf(notCompiled));
        }
    }

    /**
     * One module's findings (compile, checkstyle, the build) and every test it ran, with those of the
     * modules that build on it when its plan built them.
     *
     * @param dependentTests the test classes among {@code tests} that the modules building on it ran
     */
    private record ModuleOutcome(List<Feedback> findings, List<SubBuildResults.TestResult> tests,
            Set<String> dependentTests) {
        ModuleOutcome {
            findings = List.copyOf(findings);
            tests = List.copyOf(tests);
            dependentTests = Set.copyOf(dependentTests);
        }

        ModuleOutcome(List<Feedback> findings, List<SubBuildResults.TestResult> tests) {
            this(findings, tests, Set.of());
        }

        Stream<SubBuildResults.TestResult> failures() {
            return tests.stream().filter(SubBuildResults.TestResult::failed);
        }

        /** This outcome with what the modules that build on it found and ran. */
        ModuleOutcome withDependents(List<Feedback> found, List<SubBuildResults.TestResult> ran) {
            List<Feedback> allFindings = new ArrayList<>(findings);
            allFindings.addAll(found);
            List<SubBuildResults.TestResult> allTests = new ArrayList<>(tests);
            allTests.addAll(ran);
            Set<String> classes = new HashSet<>(dependentTests);
            ran.forEach(test -> classes.add(test.testClass()));
            return new ModuleOutcome(allFindings, allTests, classes);
        }
    }

    /** Lays out and runs one reactor and reads every module back; {@code owners} name each plan's task. */
    private List<ModuleOutcome> build(List<SubBuildReactor.Plan> plans, List<String> owners) {
        return build(plans, owners, owners);
    }

    /**
     * Lays out and runs one reactor and reads every module back; {@code owners} name each plan's
     * task, and {@code sharers} share its time ({@link SubBuildCosts}).
     */
    private List<ModuleOutcome> build(List<SubBuildReactor.Plan> plans, List<String> owners, List<String> sharers) {
        long started = System.nanoTime();
        SharedModules modules = SharedModules.of(plans);
        sharedPlans.addAndGet(modules.sharing());
        Path folder;
        List<SubBuildReactor.ModuleFiles> files;
        try {
            folder = newFolder();
            files = reactor.write(folder, modules.modules());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the sub-build below " + workRoot, e);
        }
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        RoundProfile[] timing = new RoundProfile[1];
        MavenRun.Outcome outcome;
        try {
            outcome = launch.run(launch.request(folder, modules.modules().size()), folder, folder.resolve("build.log"), log,
                    lines -> {
                if (!profile) {
                    return lines;
                }
                timing[0] = new RoundProfile(lines);
                return timing[0];
            });
        } finally {
            costs.record(sharers, (System.nanoTime() - started) / 1_000_000);
        }
        if (timing[0] != null) {
            try {
                profiles.add(timing[0].write(folder));
            } catch (IOException e) {
                // The profile is a diagnosis; the verdicts do not depend on it.
            }
        }
        List<ModuleOutcome> outcomes = outcomes(folder, plans, modules, owners, files, log, outcome);
        release(folder, owners, outcomes);
        return outcomes;
    }

    /**
     * A module that failed on the project's formatter check gets, instead of the check's list of
     * files, the diff the formatter would apply to each of the candidate's files: its apply goal
     * runs on the module's copy (the sub-build's own files), and the files are compared with the
     * candidate's. Its log is {@code <module>-format.log} in the sub-build folder.
     */
    private List<Feedback> formatted(Path folder, String module, SubBuildReactor.ModuleFiles files,
            SubBuildReactor.Plan plan, List<Feedback> findings, Map<String, Boolean> applied) {
        Optional<String> goal = Formatters.applyGoal(findings, layout.build().effectivePom());
        if (goal.isEmpty()) {
            return findings;
        }
        // Once per module: plans that share it read the same formatted files.
        boolean formatted = applied.computeIfAbsent(module, name -> {
            InvocationRequest request = launch.request(folder, 1);
            request.setPomFile(folder.resolve(name).resolve("pom.xml").toFile());
            request.setGoals(List.of(goal.get()));
            MavenRun.Outcome run = launch.run(request, folder, folder.resolve(name + "-format.log"),
                    new ArrayList<>(), lines -> lines);
            return !run.timedOut() && run.exitCode() == 0;
        });
        if (!formatted) {
            return findings;
        }
        Map<String, CodeUnit> own = new HashMap<>();
        plan.own().forEach(unit -> own.put((unit.test() ? "test:" : "main:") + SourceFile.slashes(unit.relativePath()),
                unit));
        List<Feedback> diffs = Formatters.diffs(files.units(), own);
        if (diffs.isEmpty()) {
            return findings;
        }
        List<Feedback> replaced = new ArrayList<>(findings.stream()
                .filter(finding -> Formatters.applyGoal(List.of(finding), layout.build().effectivePom()).isEmpty())
                .toList());
        replaced.addAll(diffs);
        return replaced;
    }

    /**
     * Each plan's outcome, read from the module that built it with the plan's own split of the code
     * into its candidate's and the others', and with the tests it selected.
     */
    private List<ModuleOutcome> outcomes(Path folder, List<SubBuildReactor.Plan> plans, SharedModules modules,
            List<String> owners, List<SubBuildReactor.ModuleFiles> files, List<String> log, MavenRun.Outcome outcome) {
        if (outcome.timedOut()) {
            String reason = "sub-build exceeded " + settings.timeout().toSeconds()
                    + " s and was stopped; a test may loop forever or wait for input";
            return plans.stream().map(plan -> new ModuleOutcome(List.of(Feedback.blocking(Feedback.Stage.TIMEOUT,
                    reason)), List.<SubBuildResults.TestResult>of())).toList();
        }
        SubBuildResults results = new SubBuildResults(folder, List.copyOf(log), layout, files);
        results.unresolvable().ifPresent(problem -> {
            throw new SubBuildException("the verification sub-build could not resolve what it needs: " + problem
                    + ". Build the project once online (or check the repository settings); the log is in " + folder);
        });
        int size = modules.modules().size();
        int stoppedAt = results.finished() ? size
                : results.lastModuleStarted().map(SubBuildReactor::builtOn).map(SubBuildReactor.indexByName(size)::get)
                        .orElse(-1);
        if (stoppedAt < 0) {
            Feedback failed = Feedback.blocking(Feedback.Stage.PROJECT, "the sub-build ended without a result: "
                    + results.errorSummary() + " (sub-build log: " + folder.resolve("build.log") + ")");
            return plans.stream().map(plan -> new ModuleOutcome(List.of(failed),
                    List.<SubBuildResults.TestResult>of())).toList();
        }
        ModuleOutcome[] outcomes = new ModuleOutcome[plans.size()];
        Map<String, Boolean> formatted = new HashMap<>();
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            int index = modules.moduleOf(i);
            if (index > stoppedAt) {
                again.add(i);
                continue;
            }
            if (index == stoppedAt) {
                // Maven's own JVM ended in the middle of this module (a project that tests in Maven's
                // JVM): its code ended it, and the modules after it get a build of their own.
                outcomes[i] = new ModuleOutcome(List.of(Feedback.blocking(Feedback.Stage.TEST, "the build's JVM ended"
                        + " while testing this code: a test or the code under test called System.exit or"
                        + " Runtime.halt, or crashed the JVM; tests must return normally")), List.of());
                continue;
            }
            String module = SubBuildReactor.moduleName(index);
            List<Feedback> findings = results.findings(module, plans.get(i)).stream()
                    .map(finding -> finding.stage() == Feedback.Stage.PROJECT
                            ? Feedback.blocking(Feedback.Stage.PROJECT, finding.message() + " (sub-build log: "
                                    + folder.resolve("build.log") + ")")
                            : finding)
                    .toList();
            outcomes[i] = new ModuleOutcome(formatted(folder, module, files.get(index), plans.get(i), findings,
                    formatted), modules.testsOf(i, results.tests(module, plans.get(i))));
            List<String> dependents = reactor.dependentModules(index, modules.modules().get(index));
            java.util.regex.Pattern codeTypes = TypeMentions.pattern(plans.get(i).own().stream()
                    .filter(unit -> !unit.test()).toList());
            for (int k = 0; k < dependents.size(); k++) {
                String name = layout.build().dependentBuilds().get(k).name();
                List<Feedback> found = results.dependentFindings(dependents.get(k), plans.get(i)).stream()
                        .map(finding -> switch (finding.stage()) {
                            // A compile error that names the code's types: the code does not give
                            // that module what its own code uses.
                            case COMPILE -> Feedback.blocking(Feedback.Stage.COMPILE, name + "/" + finding.message()
                                    + " (in the module " + name + ", which depends on this one and uses this code)");
                            // A type it misses by the name of one the code declares: the code put it
                            // in another package (or nested it) than the module expects.
                            case WAITING -> codeTypes.matcher(finding.message()).find()
                                    ? Feedback.blocking(Feedback.Stage.COMPILE, name + "/" + finding.message()
                                            + " (in the module " + name + ", which depends on this one and uses a type"
                                            + " of that name; use the package and name it expects)")
                                    : Feedback.blocking(Feedback.Stage.PROJECT, "the module " + name
                                    + ", which depends on this one, refers to a type that neither the project nor"
                                    + " any task wrote: " + name + "/" + finding.message());
                            default -> Feedback.blocking(Feedback.Stage.PROJECT, "the module " + name + ", which"
                                    + " depends on this one, fails with this code: " + finding.message()
                                    + " (sub-build log: " + folder.resolve("build.log") + ")");
                        }).toList();
                outcomes[i] = outcomes[i].withDependents(found, results.tests(dependents.get(k), plans.get(i)));
            }
        }
        rememberWholeBuilds(modules, files, results, Math.min(stoppedAt, size));
        if (!again.isEmpty()) {
            List<ModuleOutcome> rebuilt = build(again.stream().map(plans::get).toList(),
                    again.stream().map(owners::get).toList());
            for (int k = 0; k < again.size(); k++) {
                outcomes[again.get(k)] = rebuilt.get(k);
            }
        }
        return List.of(outcomes);
    }

    /**
     * Remembers each of the first {@code built} modules that ran the project's whole build and
     * passed it with all of its code read as one task's, as the final check reads it: no goal left
     * out, every test of the configured test phase, no blocking finding in any file and no failing
     * test, the project's own included. Such a module is the final check of that code.
     */
    private void rememberWholeBuilds(SharedModules modules, List<SubBuildReactor.ModuleFiles> files,
            SubBuildResults results, int built) {
        for (int index = 0; index < built; index++) {
            SubBuildReactor.Plan module = modules.modules().get(index);
            if (module.tests().isPresent() || !files.get(index).leftOut().isEmpty()) {
                continue;
            }
            List<CodeUnit> code = new ArrayList<>(module.others());
            code.addAll(module.own());
            SubBuildReactor.Plan whole = new SubBuildReactor.Plan(code, List.of(), module.excludedTests(),
                    Optional.empty());
            String name = SubBuildReactor.moduleName(index);
            if (results.findings(name, whole).stream().noneMatch(Feedback::blocking)
                    && results.tests(name, whole).stream().noneMatch(SubBuildResults.TestResult::failed)) {
                passedWholeBuilds.add(WholeBuild.of(code, module.excludedTests()));
            }
        }
    }

    /**
     * A new sub-build folder below the work root. Another build of the same module may remove the
     * work root while it is empty ({@link #removeEmptyFolders}), so it is made again once if it went.
     */
    private Path newFolder() throws IOException {
        try {
            Files.createDirectories(workRoot);
            return Files.createTempDirectory(workRoot, "build-").toAbsolutePath();
        } catch (java.nio.file.NoSuchFileException e) {
            Files.createDirectories(workRoot);
            return Files.createTempDirectory(workRoot, "build-").toAbsolutePath();
        }
    }

    /**
     * Removes this execution's sub-build folder when the run left nothing in it, then each of
     * {@code above} (its parents, nearest first) that is empty then, so that a run that keeps no
     * sub-build leaves no empty folder in the temporary folder. A folder that is not empty stays, and
     * so does everything above it.
     */
    public void removeEmptyFolders(List<Path> above) {
        List<Path> folders = new ArrayList<>(List.of(workRoot));
        folders.addAll(above);
        for (Path folder : folders) {
            try {
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                // Not empty (a kept sub-build, another execution's folder) or not ours to remove.
                return;
            }
        }
    }

    /**
     * Deletes the folder once nobody needs it: each task that failed in it holds it (and lets go of
     * its older one) so that the newest failing build of an unverified task stays for diagnosis.
     */
    private synchronized void release(Path folder, List<String> owners, List<ModuleOutcome> outcomes) {
        Set<Path> released = new HashSet<>();
        for (int i = 0; i < owners.size() && i < outcomes.size(); i++) {
            boolean passed = outcomes.get(i).findings().stream().noneMatch(Feedback::blocking)
                    && outcomes.get(i).failures().findAny().isEmpty();
            Path previous = passed || owners.get(i).equals(BASELINE) ? heldFolders.remove(owners.get(i))
                    : heldFolders.put(owners.get(i), folder);
            if (previous != null && !previous.equals(folder)) {
                released.add(previous);
            }
        }
        released.add(folder);
        for (Path candidate : released) {
            if (!keepFolders && !heldFolders.containsValue(candidate)) {
                deleteQuietly(candidate);
            }
        }
    }

    /**
     * The project's {@code .mvn/jvm.config} for Maven's JVM in every sub-build, as the project's own
     * build has it, less any {@code -Dautocoder.*} option: the plugin is skipped there, and a key put
     * there must not reach the sub-build; null when the project has none. Read once per verifier.
     * The project's {@code maven.config} stays out (see {@link SubBuildReactor#write}).
     */
    private static String jvmConfig(SubBuildSettings settings) {
        if (settings.jvmConfig() == null) {
            return null;
        }
        try {
            return withoutOwnOptions(Files.readString(settings.jvmConfig(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + settings.jvmConfig(), e);
        }
    }

    /** jvm.config text without the plugin's own {@code -Dautocoder.*} options, the rest unchanged. */
    static String withoutOwnOptions(String jvmConfig) {
        return OWN_OPTION.matcher(jvmConfig).replaceAll("");
    }

    /**
     * How many candidates (and baselines) were built in a module they shared with candidates of
     * other tasks, because all of them built the same code: each such module compiled that code and
     * started its test JVM once for all of them.
     */
    public int sharedModulePlans() {
        return sharedPlans.get();
    }

    /** What the run's sub-builds cost so far, and whom. */
    public SubBuildCosts costs() {
        return costs;
    }

    /** The profiles written so far ({@code -Dautocoder.profile}), oldest first. */
    public List<Path> profiles() {
        synchronized (profiles) {
            return List.copyOf(profiles);
        }
    }

    /** The sub-build folder kept for a task that failed in it, if any. */
    public synchronized Optional<Path> keptFolder(String task) {
        return Optional.ofNullable(heldFolders.get(task));
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover folder only costs disk space; the verdicts are already read.
        }
    }
}

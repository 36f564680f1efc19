package dev.autocoder.verify;

import dev.autocoder.project.ProjectLayout;
import java.io.BufferedWriter;
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
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.InvocationRequest;

/**
 * Verifies candidates with the project's own build (its effective POM, see {@link SubBuildReactor}),
 * several candidates in one reactor so Maven starts once, each candidate in a module of its own,
 * built with the newest code of the other tasks and parts, with its own verdict.
 */
public final class SubBuildVerifier implements Verifier {

    /** Variables a build needs; anything else in this process's environment stays out. */
    private static final List<String> ENVIRONMENT_ALLOW_LIST = List.of("PATH", "HOME", "USER", "LOGNAME", "LANG",
            "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "TERM");
    private static final List<String> SECRET_MARKERS = List.of("KEY", "TOKEN", "SECRET", "PASSWORD", "CREDENTIAL",
            "AUTH");
    /** Surefire's default test class names: {@code Test*}, {@code *Test}, {@code *Tests}, {@code *TestCase}. */
    private static final java.util.regex.Pattern TEST_CLASS_NAME =
            java.util.regex.Pattern.compile("(Test\\w*|\\w*(Test|Tests|TestCase))\\.java");
    /** Who holds the final check's folder when that check fails. */
    private static final String FINAL_CHECK = "(all tasks together)";
    /** A {@code -Dautocoder.<name>[=value]} option in jvm.config, with the blanks before it. */
    private static final java.util.regex.Pattern OWN_OPTION =
            java.util.regex.Pattern.compile("[ \\t]*(?<!\\S)-Dautocoder\\.\\S*");
    /**
     * Maven's JVM: C1 only halves the CPU time of a short build; javac's output needs no bytecode
     * verification, which saves another tenth (ignored by a JDK that no longer knows the switch);
     * the heap bound keeps a runaway build from taking the machine. Tests fork as the project
     * configures them, with its own argLine.
     */
    static final String MAVEN_OPTS = "-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
            + " -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote"
            + " -Duser.language=en -Duser.country=US";

    private final ProjectLayout layout;
    private final Function<String, List<CodeUnit>> others;
    private final InProcessCompiler compiler;
    private final SubBuildSettings settings;
    private final Path workRoot;
    private final SubBuildReactor reactor;
    private final boolean keepFolders;
    private final Map<String, Path> heldFolders = new HashMap<>();

    /**
     * @param layout the consuming project
     * @param others the newest code of the other tasks and parts, by the name of the one asking
     * @param compiler decides which project tests compile, and rejects candidates that do not
     * @param settings how to run Maven
     * @param workRoot where sub-build folders go, for example {@code <state>/subbuild}
     * @param checkstyleConfig a checkstyle configuration that overrides the project's, or null
     * @param keepFolders keep every sub-build folder, for debugging; otherwise a folder goes once its
     *     verdicts are read, but for the newest one of each task that failed in it
     */
    public SubBuildVerifier(ProjectLayout layout, Function<String, List<CodeUnit>> others, InProcessCompiler compiler,
            SubBuildSettings settings, Path workRoot, Path checkstyleConfig, boolean keepFolders) {
        this.layout = layout;
        this.others = others;
        this.compiler = compiler;
        this.settings = settings;
        this.workRoot = workRoot;
        this.reactor = new SubBuildReactor(layout, checkstyleConfig, jvmConfig(settings));
        this.keepFolders = keepFolders;
    }

    @Override
    public Verdict verify(Candidate candidate) {
        return verifyBatch(List.of(candidate)).get(candidate);
    }

    /** Builds every candidate in one Maven run; each gets its own verdict. */
    public Map<Candidate, Verdict> verifyBatch(List<Candidate> candidates) {
        Map<Candidate, Verdict> verdicts = new LinkedHashMap<>();
        List<Candidate> built = new ArrayList<>();
        List<SubBuildReactor.Plan> plans = new ArrayList<>();
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
            List<String> tests = testsAbout(candidate, compiled);
            plans.add(new SubBuildReactor.Plan(candidate.units(),
                    InProcessCompiler.withoutReplaced(others.apply(candidate.taskName()), candidate.units()),
                    notCompiledInRound(compiled, tests), Optional.of(tests)));
        }
        List<Verdict> results = plans.isEmpty() ? List.of()
                : build(plans, built.stream().map(Candidate::taskName).toList());
        for (int i = 0; i < built.size(); i++) {
            verdicts.put(built.get(i), results.get(i));
        }
        Map<Candidate, Verdict> ordered = new LinkedHashMap<>();
        candidates.forEach(candidate -> ordered.put(candidate, verdicts.get(candidate)));
        return Collections.unmodifiableMap(ordered);
    }

    /**
     * Builds every verified unit with the project's whole configured test phase, exactly as the
     * project's own build will: the final word on a run.
     */
    public Verdict verifyTogether(List<CodeUnit> allVerified) {
        InProcessCompiler.Outcome compiled = compiler.checkTogether(allVerified);
        if (!compiled.verdict().passed()) {
            return compiled.verdict();
        }
        Verdict built = build(List.of(new SubBuildReactor.Plan(allVerified, List.of(), compiled.excludedProjectTests(),
                Optional.empty())), List.of(FINAL_CHECK)).get(0);
        return compiled.verdict().and(built);
    }

    /**
     * The tests a round runs for a candidate: those the model wrote and the project's tests that
     * name one of its types. The rest of the suite cannot tell about this code; it runs in the
     * final check.
     */
    private List<String> testsAbout(Candidate candidate, InProcessCompiler.Outcome compiled) {
        java.util.regex.Pattern ownTypes = TypeMentions.pattern(candidate.mainUnits());
        Set<String> selected = new TreeSet<>();
        candidate.testUnits().forEach(unit -> selected.add(unit.qualifiedName()));
        for (SourceFile test : compiled.compilingProjectTests()) {
            if (ownTypes.matcher(compiler.projectText(test)).find()) {
                String path = test.displayName();
                selected.add(path.substring(0, path.length() - ".java".length()).replace('/', '.'));
            }
        }
        return List.copyOf(selected);
    }

    /**
     * The project test files a round leaves out of the test compile: those waiting for types nobody
     * wrote yet, and test classes the round does not run. A test class that names none of the
     * candidate's types compiles the same whatever the candidate is, so compiling it says nothing;
     * files that are not test classes by surefire's naming (fixtures, helpers) stay, since the
     * selected tests may use them. The final check compiles everything.
     */
    private static List<String> notCompiledInRound(InProcessCompiler.Outcome compiled, List<String> tests) {
        Set<String> selected = tests.stream().map(name -> name.replace('.', '/') + ".java").collect(
                java.util.stream.Collectors.toSet());
        List<String> excluded = new ArrayList<>(compiled.excludedProjectTests());
        for (SourceFile test : compiled.compilingProjectTests()) {
            String path = test.displayName();
            if (!selected.contains(path) && TEST_CLASS_NAME.matcher(test.relativePath().getFileName().toString()).matches()) {
                excluded.add(path);
            }
        }
        return excluded;
    }

    /** Lays out and runs one reactor and reads every module's verdict; {@code owners} name each plan's task. */
    private List<Verdict> build(List<SubBuildReactor.Plan> plans, List<String> owners) {
        Path folder;
        try {
            Files.createDirectories(workRoot);
            folder = Files.createTempDirectory(workRoot, "build-").toAbsolutePath();
            reactor.write(folder, plans);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the sub-build below " + workRoot, e);
        }
        Path logFile = folder.resolve("build.log");
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        MavenRun.Outcome outcome;
        try (BufferedWriter writer = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            outcome = MavenRun.run(request(folder, plans.size()), settings.mavenHome().toFile(),
                    settings.localRepository().toFile(), settings.timeout(), line -> {
                        log.add(line);
                        try {
                            writer.write(line);
                            writer.newLine();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            throw new SubBuildException("the verification sub-build could not run Maven (" + e.getMessage()
                    + "); its folder is " + folder);
        }
        List<Verdict> verdicts = verdicts(folder, plans, owners, log, outcome);
        release(folder, owners, verdicts);
        return verdicts;
    }

    private List<Verdict> verdicts(Path folder, List<SubBuildReactor.Plan> plans, List<String> owners, List<String> log,
            MavenRun.Outcome outcome) {
        if (outcome.timedOut()) {
            String reason = "sub-build exceeded " + settings.timeout().toSeconds()
                    + " s and was stopped; a test may loop forever or wait for input";
            return plans.stream().map(plan -> Verdict.failed(Feedback.Stage.TIMEOUT, reason)).toList();
        }
        SubBuildResults results = new SubBuildResults(folder, List.copyOf(log), layout);
        results.unresolvable().ifPresent(problem -> {
            throw new SubBuildException("the verification sub-build could not resolve what it needs: " + problem
                    + ". Build the project once online (or check the repository settings); the log is in " + folder);
        });
        int stoppedAt = results.finished() ? plans.size()
                : results.lastModuleStarted().map(SubBuildReactor.indexByName(plans.size())::get).orElse(-1);
        if (stoppedAt < 0) {
            Verdict failed = Verdict.failed(Feedback.Stage.PROJECT, "the sub-build ended without a result: "
                    + results.errorSummary() + " (sub-build log: " + folder.resolve("build.log") + ")");
            return plans.stream().map(plan -> failed).toList();
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < stoppedAt; i++) {
            List<Feedback> findings = results.findings(SubBuildReactor.moduleName(i), plans.get(i)).stream()
                    .map(finding -> finding.stage() == Feedback.Stage.PROJECT
                            ? Feedback.blocking(Feedback.Stage.PROJECT, finding.message() + " (sub-build log: "
                                    + folder.resolve("build.log") + ")")
                            : finding)
                    .toList();
            verdicts.add(FeedbackLimit.apply(findings, FeedbackLimit.DEFAULT_CHARS));
        }
        if (stoppedAt < plans.size()) {
            // Maven's own JVM ended in the middle of one module (a project that tests in Maven's
            // JVM): that module's code ended it, and the modules after it get a build of their own.
            verdicts.add(Verdict.failed(Feedback.Stage.TEST, "the build's JVM ended while testing this code: a test or the"
                    + " code under test called System.exit or Runtime.halt, or crashed the JVM; tests must return normally"));
            verdicts.addAll(build(plans.subList(stoppedAt + 1, plans.size()), owners.subList(stoppedAt + 1, owners.size())));
            return verdicts;
        }
        return verdicts;
    }

    /**
     * Deletes the folder once nobody needs it: each task that failed in it holds it (and lets go of
     * its older one) so that the newest failing build of an unverified task stays for diagnosis.
     */
    private synchronized void release(Path folder, List<String> owners, List<Verdict> verdicts) {
        Set<Path> released = new HashSet<>();
        for (int i = 0; i < owners.size() && i < verdicts.size(); i++) {
            Path previous = verdicts.get(i).passed() ? heldFolders.remove(owners.get(i))
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

    /** The sub-build folder kept for a task that failed in it, if any. */
    public synchronized Optional<Path> keptFolder(String task) {
        return Optional.ofNullable(heldFolders.get(task));
    }

    InvocationRequest request(Path folder, int modules) {
        InvocationRequest request = new DefaultInvocationRequest();
        request.setBaseDirectory(folder.toFile());
        request.setPomFile(folder.resolve("pom.xml").toFile());
        request.setGoals(List.of("test"));
        request.setBatchMode(true);
        // Not quiet: the closing BUILD SUCCESS or FAILURE line tells a finished build from a JVM that exited.
        request.setQuiet(false);
        request.setNoTransferProgress(true);
        request.setOffline(settings.offline());
        request.setLocalRepositoryDirectory(settings.localRepository().toFile());
        if (settings.userSettings() != null) {
            request.setUserSettingsFile(settings.userSettings().toFile());
        }
        if (settings.globalSettings() != null) {
            request.setGlobalSettingsFile(settings.globalSettings().toFile());
        }
        request.setReactorFailureBehavior(InvocationRequest.ReactorFailureBehavior.FailAtEnd);
        // One module after another: a project file's error carries the same path in every module,
        // and only the log's order tells whose it is.
        request.setThreads("1");
        request.setJavaHome(settings.effectiveJavaHome().toFile());
        request.setMavenOpts(MAVEN_OPTS);
        request.setShellEnvironmentInherited(false);
        safeEnvironment(System.getenv()).forEach(request::addShellEnvironment);
        request.addShellEnvironment("JAVA_HOME", settings.effectiveJavaHome().toString());
        Properties properties = new Properties();
        properties.setProperty("autocoder.skip", "true");
        if (settings.settingsSecurity() != null) {
            properties.setProperty("settings.security", settings.settingsSecurity().toString());
        }
        request.setProperties(properties);
        return request;
    }

    /** The allow-listed variables of an environment, never one whose name suggests a secret. */
    static Map<String, String> safeEnvironment(Map<String, String> environment) {
        Map<String, String> safe = new LinkedHashMap<>();
        for (String name : ENVIRONMENT_ALLOW_LIST) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (environment.containsKey(name) && SECRET_MARKERS.stream().noneMatch(upper::contains)) {
                safe.put(name, environment.get(name));
            }
        }
        return safe;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover folder only costs disk space; the verdicts are already read.
        }
    }
}

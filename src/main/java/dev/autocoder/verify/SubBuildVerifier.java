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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * Verifies candidates with a real Maven build (compile, checkstyle, surefire), several candidates
 * in one reactor so Maven starts once, each candidate in a module of its own with its own verdict.
 */
public final class SubBuildVerifier implements Verifier {

    /** Variables a build needs; anything else in this process's environment stays out. */
    private static final List<String> ENVIRONMENT_ALLOW_LIST = List.of("PATH", "HOME", "USER", "LOGNAME", "LANG",
            "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "TERM");
    private static final List<String> SECRET_MARKERS = List.of("KEY", "TOKEN", "SECRET", "PASSWORD", "CREDENTIAL",
            "AUTH");
    /**
     * Maven's JVM, which also runs the round's tests: C1 only halves the CPU time of a short build;
     * javac's output needs no bytecode verification, which saves another tenth (ignored by a JDK
     * that no longer knows the switch).
     */
    static final String MAVEN_OPTS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
            + " -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote"
            + " -Duser.language=en -Duser.country=US";

    private final ProjectLayout layout;
    private final Supplier<List<CodeUnit>> verifiedUnits;
    private final InProcessCompiler compiler;
    private final SubBuildSettings settings;
    private final Path workRoot;
    private final SubBuildReactor reactor;

    /**
     * @param layout the consuming project
     * @param verifiedUnits the units verified so far, built along with each candidate
     * @param compiler decides which project tests compile, and rejects candidates that do not
     * @param settings how to run Maven
     * @param workRoot where sub-build folders go, for example {@code <state>/subbuild}
     * @param checkstyleConfig a checkstyle configuration that overrides the project's, or null
     */
    public SubBuildVerifier(ProjectLayout layout, Supplier<List<CodeUnit>> verifiedUnits, InProcessCompiler compiler,
            SubBuildSettings settings, Path workRoot, Path checkstyleConfig) {
        this.layout = layout;
        this.verifiedUnits = verifiedUnits;
        this.compiler = compiler;
        this.settings = settings;
        this.workRoot = workRoot;
        this.reactor = new SubBuildReactor(layout, checkstyleConfig);
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
        List<CodeUnit> verified = verifiedUnits.get();
        for (Candidate candidate : candidates) {
            if (verdicts.containsKey(candidate) || built.contains(candidate)) {
                continue;
            }
            InProcessCompiler.Outcome compiled = compiler.check(candidate);
            if (!compiled.verdict().passed()) {
                verdicts.put(candidate, compiled.verdict());
                continue;
            }
            List<CodeUnit> units = new ArrayList<>(InProcessCompiler.withoutReplaced(verified, candidate.units()));
            units.addAll(candidate.units());
            built.add(candidate);
            plans.add(new SubBuildReactor.Plan(units, compiled.compilingProjectTests(), mainFiles(candidate.mainUnits())));
        }
        List<Verdict> results = plans.isEmpty() ? List.of() : build(plans, true);
        for (int i = 0; i < built.size(); i++) {
            verdicts.put(built.get(i), results.get(i));
        }
        Map<Candidate, Verdict> ordered = new LinkedHashMap<>();
        candidates.forEach(candidate -> ordered.put(candidate, verdicts.get(candidate)));
        return Collections.unmodifiableMap(ordered);
    }

    /** Builds every verified unit together with all the project's tests, the final word on a run. */
    public Verdict verifyTogether(List<CodeUnit> allVerified) {
        InProcessCompiler.Outcome compiled = compiler.checkTogether(allVerified);
        if (!compiled.verdict().passed()) {
            return compiled.verdict();
        }
        List<CodeUnit> mains = allVerified.stream().filter(unit -> !unit.test()).toList();
        Verdict built = build(List.of(new SubBuildReactor.Plan(allVerified, compiled.compilingProjectTests(),
                mainFiles(mains))), false).get(0);
        return compiled.verdict().and(built);
    }

    private static Set<String> mainFiles(List<CodeUnit> units) {
        return units.stream().map(unit -> SourceFile.slashes(unit.relativePath())).collect(Collectors.toSet());
    }

    /**
     * Lays out and runs one reactor and reads every module's verdict. Rounds run the tests inside
     * Maven's JVM, since a forked JVM per module costs more than compiling and checking it; the
     * final check of everything together forks, exactly as the user's own build will.
     */
    private List<Verdict> build(List<SubBuildReactor.Plan> plans, boolean testsInProcess) {
        Path folder;
        try {
            Files.createDirectories(workRoot);
            folder = Files.createTempDirectory(workRoot, "build-").toAbsolutePath();
            reactor.write(folder, plans, testsInProcess);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the sub-build below " + workRoot, e);
        }
        Path logFile = folder.resolve("build.log");
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        InvocationResult result;
        try (BufferedWriter writer = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            InvocationRequest request = request(folder, plans.size(), testsInProcess, line -> {
                log.add(line);
                synchronized (writer) {
                    try {
                        writer.write(line);
                        writer.newLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            DefaultInvoker invoker = new DefaultInvoker();
            invoker.setMavenHome(settings.mavenHome().toFile());
            invoker.setLocalRepositoryDirectory(settings.localRepository().toFile());
            result = invoker.execute(request);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sub-build log " + logFile, e);
        } catch (MavenInvocationException e) {
            throw new IllegalStateException("cannot start the sub-build: " + e.getMessage(), e);
        } finally {
            ProcessTree.stopAllMentioning(folder);
        }
        List<Verdict> verdicts = verdicts(folder, plans, log, result, testsInProcess);
        if (verdicts.stream().allMatch(Verdict::passed)) {
            deleteQuietly(folder);
        }
        return verdicts;
    }

    private List<Verdict> verdicts(Path folder, List<SubBuildReactor.Plan> plans, List<String> log, InvocationResult result,
            boolean testsInProcess) {
        long seconds = settings.timeout().toSeconds();
        if (result.getExecutionException() != null) {
            if (!isTimeout(result.getExecutionException())) {
                throw new SubBuildException("the verification sub-build could not run Maven ("
                        + result.getExecutionException().getMessage() + "); its log is in " + folder);
            }
            String reason = "sub-build exceeded " + seconds + " s and was stopped; a test may loop forever or wait for input";
            return plans.stream().map(plan -> Verdict.failed(Feedback.Stage.TIMEOUT, reason)).toList();
        }
        SubBuildResults results = new SubBuildResults(folder, List.copyOf(log));
        results.unresolvable().ifPresent(problem -> {
            throw new SubBuildException("the verification sub-build could not resolve what it needs: " + problem
                    + ". Build the project once online (or check the repository settings); the log is in " + folder);
        });
        int stoppedAt = results.finished() ? plans.size()
                : results.lastModuleStarted().map(SubBuildReactor.indexByName(plans.size())::get).orElse(-1);
        if (stoppedAt < 0) {
            Verdict failed = Verdict.failed(Feedback.Stage.BUILD, "sub-build ended without a result: " + results.errorSummary());
            return plans.stream().map(plan -> failed).toList();
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < stoppedAt; i++) {
            List<Feedback> findings = results.findings(SubBuildReactor.moduleName(i), plans.get(i));
            verdicts.add(FeedbackLimit.apply(findings, FeedbackLimit.DEFAULT_CHARS));
        }
        if (stoppedAt < plans.size()) {
            // The JVM ended in the middle of one module: that module's code ended it, and the
            // modules after it never ran, so they get a build of their own.
            verdicts.add(Verdict.failed(Feedback.Stage.TEST, "the build's JVM ended while testing this code: a test or the"
                    + " code under test called System.exit or Runtime.halt, or crashed the JVM; tests must return normally"));
            verdicts.addAll(build(plans.subList(stoppedAt + 1, plans.size()), testsInProcess));
            return verdicts;
        }
        if (result.getExitCode() != 0 && verdicts.stream().allMatch(Verdict::passed)) {
            Verdict failed = Verdict.failed(Feedback.Stage.BUILD, "sub-build failed: " + results.errorSummary());
            return plans.stream().map(plan -> failed).toList();
        }
        return verdicts;
    }

    private static boolean isTimeout(Exception e) {
        return e.getClass().getSimpleName().contains("TimeOut")
                || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("timed out");
    }

    InvocationRequest request(Path folder, int modules, boolean testsInProcess,
            org.apache.maven.shared.invoker.InvocationOutputHandler output) {
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
        // Surefire refuses in-process tests in a parallel build.
        int threads = testsInProcess ? 1 : Math.max(1, Math.min(modules, Runtime.getRuntime().availableProcessors()));
        request.setThreads(String.valueOf(threads));
        request.setTimeoutInSeconds((int) Math.min(Integer.MAX_VALUE, settings.timeout().toSeconds()));
        request.setJavaHome(settings.effectiveJavaHome().toFile());
        request.setMavenOpts(MAVEN_OPTS);
        request.setShellEnvironmentInherited(false);
        safeEnvironment(System.getenv()).forEach(request::addShellEnvironment);
        request.addShellEnvironment("JAVA_HOME", settings.effectiveJavaHome().toString());
        Properties properties = new Properties();
        properties.setProperty("autocoder.skip", "true");
        request.setProperties(properties);
        request.setOutputHandler(output);
        request.setErrorHandler(output);
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

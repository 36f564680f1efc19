package dev.autocoder.verify;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.InvocationRequest;

/**
 * How a sub-build's Maven is asked for and run: the invocation (the outer session carried, the
 * environment less its secrets, Maven's JVM options beside the project's, one fixed log format),
 * and where it runs, in a Maven JVM kept up for the run ({@link WarmMaven}) or in one started for
 * the build ({@link MavenRun}). {@link SubBuildVerifier} decides what a sub-build holds and what its
 * results mean; this class only runs it.
 */
final class SubBuildLaunch implements AutoCloseable {

    /**
     * Variables the sub-build sets itself or must not read: Maven's JVM options and the project
     * folder the launcher would otherwise take from the outer build ({@code MAVEN_BASEDIR}), and
     * {@code MAVEN_ARGS}, whose options the outer session already carries (see {@link #request}).
     */
    private static final Set<String> OWN_VARIABLES = Set.of("MAVEN_OPTS", "MAVEN_ARGS", "MAVEN_BASEDIR", "JAVA_HOME");
    private static final List<String> SECRET_MARKERS = List.of("KEY", "TOKEN", "SECRET", "PASSWORD", "CREDENTIAL",
            "AUTH");

    /**
     * Maven's JVM: C1 only halves the CPU time of a short build; javac's output needs no bytecode
     * verification, which saves another tenth (ignored by a JDK that no longer knows the switch);
     * the heap bound keeps a runaway build from taking the machine. Tests fork as the project
     * configures them, with its own argLine. Maven writes its output in UTF-8, which
     * {@link MavenRun} reads: a JVM whose output is a pipe would otherwise write the system's code
     * page (Windows), garbling paths with accents ({@code sun.stdout.encoding} up to JDK 18,
     * {@code stdout.encoding} since).
     */
    static final String MAVEN_OPTS = "-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
            + " -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote"
            + " -Duser.language=en -Duser.country=US -Dsun.stdout.encoding=UTF-8 -Dstdout.encoding=UTF-8";
    /**
     * Each of {@link #MAVEN_OPTS}'s options with the options of the same kind: when the project's
     * JVM options already have one of that kind, the project's stay alone (a second collector
     * would stop the JVM, a second heap bound would override the project's). The locale and the
     * output encoding have no entry: they always apply, because the verdicts read javac's English
     * diagnostics from Maven's output as UTF-8.
     */
    private static final Map<String, java.util.regex.Pattern> SAME_KIND = Map.of(
            "-Xmx1g", java.util.regex.Pattern.compile("-Xm[xs]\\S*|-XX:(MaxHeapSize|InitialHeapSize|MaxRAM|MaxRAMPercentage"
                    + "|MaxRAMFraction|InitialRAMPercentage|MinRAMPercentage)=\\S*"),
            "-XX:TieredStopAtLevel=1", java.util.regex.Pattern.compile("-XX:TieredStopAtLevel=\\S*|-XX:[+-]TieredCompilation"
                    + "|-Xint|-Xcomp"),
            "-XX:+UseSerialGC", java.util.regex.Pattern.compile("-XX:[+-]Use\\w*GC"),
            "-Xshare:auto", java.util.regex.Pattern.compile("-Xshare:\\S*|-XX:SharedArchiveFile=\\S*"),
            "-XX:-BytecodeVerificationRemote", java.util.regex.Pattern.compile("-XX:[+-]BytecodeVerification\\w*"
                    + "|-Xverify\\S*"));
    /** Variables through which the environment gives the JVM options besides its command line. */
    private static final List<String> JVM_OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS");
    /**
     * Outer user properties the sub-build decides itself: which tests run and whether the code
     * compiles are the verification (a round's selection, the final check's whole phase), and the
     * local repository is set from the outer build's resolved one.
     */
    private static final Set<String> OWN_PROPERTIES = Set.of("test", "skipTests", "maven.test.skip",
            "maven.test.skip.exec", "maven.main.skip", "maven.repo.local", "autocoder.skip", "settings.security");
    /**
     * Prefixes of the outer properties that change how the log looks: the simple logger's layout
     * and level ({@code org.slf4j.simpleLogger.*}), Maven 4's names for it ({@code maven.logger.*})
     * and jansi's switches ({@code jansi.*}). The sub-build's log has one fixed format
     * ({@link #LOG_FORMAT}) so that its results read the same whatever the user's session prints.
     */
    private static final List<String> LOG_LOOK_PREFIXES = List.of("org.slf4j.simpleLogger.", "maven.logger.",
            "jansi.");
    /**
     * The sub-build's log format, given on its command line, where it wins over the same
     * {@code -D} in {@code .mvn/jvm.config}, {@code JAVA_TOOL_OPTIONS} or {@code MAVEN_OPTS}: Maven
     * 3.8 sets command-line properties as system properties before the simple logger reads its
     * configuration. {@code style.color=never} is needed besides batch mode, because Maven takes
     * {@code -Dstyle.color=always} over {@code -B}. The values are those of Maven's own
     * {@code conf/logging/simplelogger.properties}: {@code [LEVEL] message} on standard output.
     */
    static final Map<String, String> LOG_FORMAT = Map.of(
            "style.color", "never",
            "org.slf4j.simpleLogger.showDateTime", "false",
            "org.slf4j.simpleLogger.showThreadName", "false",
            "org.slf4j.simpleLogger.showLogName", "false",
            "org.slf4j.simpleLogger.showShortLogName", "false",
            "org.slf4j.simpleLogger.levelInBrackets", "true",
            "org.slf4j.simpleLogger.warnLevelString", "WARNING",
            "org.slf4j.simpleLogger.defaultLogLevel", "info",
            "org.slf4j.simpleLogger.logFile", "System.out");

    /**
     * Switches that keep the build caches and build scans of the common core extensions out of
     * every sub-build, set on its command line after the carried session, so that no
     * {@code -D} of the user's session, {@code .mvn/jvm.config}, {@code JAVA_TOOL_OPTIONS} or
     * {@code MAVEN_OPTS} turns them back on (see {@link #LOG_FORMAT}). A verdict must come from
     * running the candidate's build, not from a goal's output cached by an earlier build, and a
     * sub-build must not store its outputs in a cache the user's builds read (a local one, or a
     * team's remote one) nor publish a build scan per candidate. Apache's
     * maven-build-cache-extension: {@code maven.build.cache.enabled}. The Develocity Maven
     * extension: {@code develocity.cache.local.enabled}, {@code develocity.cache.remote.enabled} and
     * {@code develocity.scan.disabled}; the Gradle Enterprise Maven extension before it:
     * {@code gradle.cache.local.enabled}, {@code gradle.cache.remote.enabled} and {@code scan}.
     */
    static final Map<String, String> NO_CACHE_NOR_SCAN = Map.of(
            "maven.build.cache.enabled", "false",
            "develocity.cache.local.enabled", "false",
            "develocity.cache.remote.enabled", "false",
            "develocity.scan.disabled", "true",
            "gradle.cache.local.enabled", "false",
            "gradle.cache.remote.enabled", "false",
            "scan", "false");

    private final SubBuildSettings settings;
    /** The Maven JVMs kept up for this run's sub-builds, or null when each starts its own. */
    private final WarmMaven warm;
    /** Whether the warm-up build ran in a warm Maven and passed. */
    private volatile boolean warmedUp;
    /** The warm-up build ({@link #warmUp}), once it started. */
    private final java.util.concurrent.atomic.AtomicReference<CompletableFuture<Void>> warmingUp =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * @param settings how to run Maven
     * @param workRoot the run's sub-build folder, where warm JVMs run
     */
    SubBuildLaunch(SubBuildSettings settings, Path workRoot) {
        this.settings = settings;
        this.warm = settings.warmMaven() ? new WarmMaven(settings.mavenHome(), workRoot) : null;
    }

    /**
     * Starts this run's first warm Maven and runs an empty build in it ({@code validate} in the
     * folder {@code layOut} makes, which {@code remove} removes afterwards), so that the first
     * round finds Maven's JVM up and its core loaded and JIT-compiled. A run calls it while the
     * model writes its first candidates; a round that comes first waits for it rather than start
     * a second JVM. Does nothing without a warm Maven, and costs the run nothing but that time
     * when it fails: the round then starts its own.
     */
    void warmUp(Callable<Path> layOut, Consumer<Path> remove) {
        if (warm == null) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!warmingUp.compareAndSet(null, done)) {
            return;
        }
        Path folder = null;
        try {
            folder = layOut.call();
            InvocationRequest request = request(folder, 0);
            request.setGoals(List.of("validate"));
            warmedUp = warm.warmUp(MavenRun.commandline(request, settings.mavenHome().toFile(),
                    settings.localRepository().toFile()), settings.timeout()).exitCode() == 0;
        } catch (Exception e) {
            // The first round starts a JVM of its own.
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            if (folder != null) {
                remove.accept(folder);
            }
            done.complete(null);
        }
    }

    /**
     * Stops the Maven JVMs this run kept up, a warm-up still running included, and returns once
     * that warm-up has removed its folder; builds after this start Maven each.
     */
    @Override
    public void close() {
        if (warm != null) {
            // A warm-up that has not started yet never will.
            warmingUp.compareAndSet(null, CompletableFuture.completedFuture(null));
            warm.close();
            awaitWarmUp();
        }
    }

    /** How many builds ran in how many warm Maven JVMs, and why warm ones stopped being tried if they did. */
    String describe() {
        if (warm == null) {
            return "a Maven started for each";
        }
        return (warm.builds() - (warmedUp ? 1 : 0)) + " in " + warm.started() + " warm Maven JVM(s)"
                + (warmedUp ? ", the first started while the model wrote" : "")
                + warm.unavailable().map(why -> "; " + why).orElse("");
    }

    /**
     * The invocation of a sub-build in {@code folder}: the project's build as the user ran it (the
     * session's profiles, toolchains and carried {@code -D}, the same settings, repository and
     * offline mode), one module after another, in batch mode with the fixed log format, the
     * caches and scans of core extensions off and the plugin itself skipped, with the environment
     * less its secrets and Maven's JVM options as {@link #mavenOpts} gives them.
     */
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
        SubBuildSettings.Session session = settings.session();
        if (session.userToolchains() != null) {
            request.setToolchainsFile(session.userToolchains().toFile());
        }
        if (session.globalToolchains() != null) {
            request.setGlobalToolchainsFile(session.globalToolchains().toFile());
        }
        List<String> profiles = new ArrayList<>(session.activeProfiles());
        session.inactiveProfiles().forEach(profile -> profiles.add("!" + profile));
        if (!profiles.isEmpty()) {
            request.setProfiles(profiles);
        }
        request.setReactorFailureBehavior(InvocationRequest.ReactorFailureBehavior.FailAtEnd);
        // One module after another: a project file's error carries the same path in every module,
        // and only the log's order tells whose it is.
        request.setThreads("1");
        request.setJavaHome(settings.effectiveJavaHome().toFile());
        request.setShellEnvironmentInherited(false);
        Map<String, String> environment = safeEnvironment(System.getenv());
        environment.forEach(request::addShellEnvironment);
        request.addShellEnvironment("JAVA_HOME", settings.effectiveJavaHome().toString());
        StringBuilder projectOptions = new StringBuilder(writtenJvmConfig(folder));
        JVM_OPTION_VARIABLES.forEach(name -> projectOptions.append('\n').append(environment.getOrDefault(name, "")));
        request.setMavenOpts(mavenOpts(projectOptions.toString()));
        Properties properties = new Properties();
        carriedProperties(session.userProperties()).forEach(properties::setProperty);
        LOG_FORMAT.forEach(properties::setProperty);
        NO_CACHE_NOR_SCAN.forEach(properties::setProperty);
        properties.setProperty("autocoder.skip", "true");
        if (settings.settingsSecurity() != null) {
            properties.setProperty("settings.security", settings.settingsSecurity().toString());
        }
        request.setProperties(properties);
        return request;
    }


    /**
     * Runs Maven on {@code request}, in a warm Maven when there is one (a build whose warm JVM goes
     * away runs again with a Maven of its own, from a clean log), keeping its output in
     * {@code log} and in {@code logFile}; {@code observe} may wrap the line consumer (to time the
     * lines as they arrive).
     */
    MavenRun.Outcome run(InvocationRequest request, Path folder, Path logFile, List<String> log,
            java.util.function.UnaryOperator<java.util.function.Consumer<String>> observe) {
        try {
            org.apache.maven.shared.utils.cli.Commandline commandline = MavenRun.commandline(request,
                    settings.mavenHome().toFile(), settings.localRepository().toFile());
            if (warm != null) {
                awaitWarmUp();
                try (BufferedWriter writer = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
                    return warm.run(commandline, settings.timeout(), observe.apply(line -> keep(line, log, writer)));
                } catch (WarmMaven.Lost e) {
                    // No verdict from it: the build runs again, cold, from a clean log.
                    log.clear();
                }
            }
            try (BufferedWriter writer = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
                return MavenRun.run(commandline, settings.timeout(), observe.apply(line -> keep(line, log, writer)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new SubBuildException("the verification sub-build could not run Maven (" + e.getMessage()
                    + "); its folder is " + folder);
        }
    }

    /** Waits for a warm-up build still running, whose JVM this build can then have; at most a minute. */
    private void awaitWarmUp() {
        CompletableFuture<Void> warming = warmingUp.get();
        if (warming == null) {
            return;
        }
        try {
            warming.get(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // The build starts a JVM of its own.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void keep(String line, List<String> log, BufferedWriter writer) {
        log.add(line);
        try {
            writer.write(line);
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jvm.config the reactor wrote into the sub-build folder, which Maven's launcher reads; empty when none. */
    private static String writtenJvmConfig(Path folder) {
        Path written = folder.resolve(".mvn/jvm.config");
        try {
            return Files.isRegularFile(written) ? Files.readString(written, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + written, e);
        }
    }

    /**
     * Maven's JVM options for the sub-build: each of {@link #MAVEN_OPTS}'s that the project's own
     * options ({@code .mvn/jvm.config}, and {@link #JVM_OPTION_VARIABLES} in the environment) have
     * none of the same kind of. The launcher puts jvm.config before these, and the JVM takes the
     * last of two heap bounds and refuses two collectors, so a project's choice is left alone.
     */
    static String mavenOpts(String projectOptions) {
        List<String> given = MavenRun.jvmOptions(projectOptions);
        List<String> options = new ArrayList<>();
        for (String option : MAVEN_OPTS.split(" ")) {
            java.util.regex.Pattern kind = SAME_KIND.get(option);
            if (kind != null && given.stream().anyMatch(other -> kind.matcher(other).matches())) {
                continue;
            }
            boolean verification = option.equals("-XX:+IgnoreUnrecognizedVMOptions")
                    || option.equals("-XX:+UnlockDiagnosticVMOptions");
            java.util.regex.Pattern verify = SAME_KIND.get("-XX:-BytecodeVerificationRemote");
            if (verification && given.stream().anyMatch(other -> verify.matcher(other).matches())) {
                continue;
            }
            options.add(option);
        }
        return String.join(" ", options);
    }

    /**
     * The outer session's user properties the sub-build runs with: all but the plugin's own
     * ({@code autocoder.*}: the sub-build skips the plugin and never calls a model), those whose name
     * suggests a secret, those by which the sub-build decides what to compile and test, and those
     * that change how the log looks (the sub-build sets {@link #LOG_FORMAT} itself).
     */
    static Map<String, String> carriedProperties(Map<String, String> userProperties) {
        Map<String, String> carried = new java.util.TreeMap<>();
        userProperties.forEach((name, value) -> {
            if (!name.startsWith("autocoder.") && !OWN_PROPERTIES.contains(name) && !secretName(name)
                    && !LOG_FORMAT.containsKey(name) && LOG_LOOK_PREFIXES.stream().noneMatch(name::startsWith)
                    && value != null) {
                carried.put(name, value);
            }
        });
        return carried;
    }

    /**
     * This process's environment less what must not reach a sub-build: the model providers' key
     * variables, any variable whose name suggests a secret, and the variables the sub-build sets
     * itself. Everything else (DOCKER_HOST, TESTCONTAINERS_*, JAVA_TOOL_OPTIONS, CI variables,
     * Windows' SystemRoot and TEMP) reaches it, as it reaches the user's own build.
     */
    static Map<String, String> safeEnvironment(Map<String, String> environment) {
        Set<String> keys = new HashSet<>();
        for (dev.autocoder.model.Provider provider : dev.autocoder.model.Provider.values()) {
            keys.add(provider.keyVariable().toUpperCase(Locale.ROOT));
        }
        Map<String, String> safe = new java.util.TreeMap<>();
        environment.forEach((name, value) -> {
            String upper = name.toUpperCase(Locale.ROOT);
            if (!keys.contains(upper) && !OWN_VARIABLES.contains(upper) && !secretName(name) && value != null) {
                safe.put(name, value);
            }
        });
        return safe;
    }

    /** Whether a variable's or property's name suggests it holds a secret. */
    private static boolean secretName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return SECRET_MARKERS.stream().anyMatch(upper::contains);
    }
}

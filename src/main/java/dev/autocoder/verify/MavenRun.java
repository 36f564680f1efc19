package dev.autocoder.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.maven.shared.invoker.CommandLineConfigurationException;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.MavenCommandLineBuilder;
import org.apache.maven.shared.utils.cli.Commandline;

/**
 * Runs one Maven command line, built by maven-invoker from a request, as a process this JVM owns:
 * its output goes line by line to a consumer, and on timeout the process and every descendant it
 * started (surefire's forks included) are stopped through their process handles, never by matching
 * other processes' command lines.
 */
final class MavenRun {

    /** How a run ended: the exit code, or that it was stopped on timeout. */
    record Outcome(int exitCode, boolean timedOut) {
    }

    private MavenRun() {
    }

    static Outcome run(InvocationRequest request, java.io.File mavenHome, java.io.File localRepository,
            Duration timeout, Consumer<String> output) throws IOException {
        return run(commandline(request, mavenHome, localRepository), timeout, output);
    }

    /** The {@code mvn} command line, working folder and environment maven-invoker makes of a request. */
    static Commandline commandline(InvocationRequest request, java.io.File mavenHome, java.io.File localRepository)
            throws IOException {
        MavenCommandLineBuilder builder = new MavenCommandLineBuilder();
        builder.setMavenHome(mavenHome);
        builder.setLocalRepositoryDirectory(localRepository);
        Commandline commandline;
        try {
            commandline = builder.build(request);
        } catch (CommandLineConfigurationException e) {
            throw new IOException("cannot build the Maven command line: " + e.getMessage(), e);
        }
        return commandline;
    }

    /** The environment {@code commandline} runs in, by name (maven-invoker lists it as {@code NAME=value}). */
    static Map<String, String> environment(Commandline commandline) throws IOException {
        Map<String, String> environment = new java.util.TreeMap<>();
        for (String variable : commandline.getEnvironmentVariables()) {
            int equals = variable.indexOf('=');
            environment.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        return environment;
    }

    /**
     * JVM options as the {@code mvn} script reads them from {@code .mvn/jvm.config} and expands
     * them from {@code MAVEN_OPTS}: what follows a {@code #} on a line is left out, and blanks
     * split the rest into options (quotes stay, since the script expands them unquoted).
     */
    static List<String> jvmOptions(String text) {
        List<String> options = new java.util.ArrayList<>();
        for (String line : text.split("\\R")) {
            int comment = line.indexOf('#');
            String words = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (!words.isEmpty()) {
                options.addAll(List.of(words.split("\\s+")));
            }
        }
        return options;
    }

    /** Runs {@code commandline} as a process of its own. */
    static Outcome run(Commandline commandline, Duration timeout, Consumer<String> output) throws IOException {
        ProcessBuilder process = new ProcessBuilder(commandline.getShell().getShellCommandLine(commandline.getArguments()))
                .directory(commandline.getWorkingDirectory()).redirectErrorStream(true);
        Map<String, String> environment = process.environment();
        environment.clear();
        environment.putAll(environment(commandline));
        Process maven = process.start();
        Thread pump = new Thread(() -> pump(maven, output), "autocoder-subbuild-output");
        pump.setDaemon(true);
        pump.start();
        try {
            boolean finished = maven.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                stopTree(maven.toHandle());
            }
            pump.join(TimeUnit.SECONDS.toMillis(10));
            return new Outcome(finished ? maven.exitValue() : -1, !finished);
        } catch (InterruptedException e) {
            stopTree(maven.toHandle());
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the sub-build ran", e);
        }
    }

    private static void pump(Process maven, Consumer<String> output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(maven.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.accept(line);
            }
        } catch (IOException e) {
            // The process was stopped while it wrote; what it printed so far is kept.
        }
    }

    /** Stops the process and everything it started, children first so none is left orphaned. */
    static void stopTree(ProcessHandle root) {
        List<ProcessHandle> tree = root.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
        for (ProcessHandle process : tree) {
            process.onExit().completeOnTimeout(process, 5, TimeUnit.SECONDS).join();
        }
        root.onExit().completeOnTimeout(root, 5, TimeUnit.SECONDS).join();
    }
}

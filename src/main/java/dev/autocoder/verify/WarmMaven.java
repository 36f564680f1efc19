package dev.autocoder.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.maven.shared.utils.cli.Commandline;

/**
 * Runs sub-builds in Maven JVMs that stay up for the whole run ({@link WarmMavenServer}), one
 * build at a time each, instead of starting Maven for every sub-build. A sub-build's Maven start
 * (the JVM, Maven's core classes, their JIT) is then paid once per run and per concurrent
 * sub-build, not once per round.
 *
 * <p>A build gets what the {@code mvn} script would have given it: the JVM runs on the request's
 * {@code JAVA_HOME} with its {@code .mvn/jvm.config} and {@code MAVEN_OPTS} options, in the
 * request's environment, with Maven's launcher settings; the multi-module project folder is found
 * as the script finds it. A JVM is reused only for a build that would have started the very same
 * one (same command, same environment), and retired after {@link #BUILDS_PER_SERVER} builds.
 *
 * <p>What cannot be warm is run cold by the caller: {@link Lost} says that the build did not end
 * in a warm Maven (it could not start, or it went away during the build), so the build has no
 * verdict yet. A build that runs out of time stops its JVM with everything it started, as a cold
 * one does.
 */
final class WarmMaven implements AutoCloseable {

    /** Builds one JVM runs before a fresh one takes over, so that what a build leaks stays bounded. */
    static final int BUILDS_PER_SERVER = 25;
    private static final Duration START = Duration.ofSeconds(60);

    /** The build has no outcome from a warm Maven; run it cold. */
    static final class Lost extends Exception {
        private static final long serialVersionUID = 1L;

        Lost(String message) {
            super(message);
        }
    }

    /**
     * Idle JVMs of every run in this JVM, least recently used first, at most {@link #IDLE_BOUND}: a
     * {@code -T} reactor runs a verifier per module, and a run that never closes its own (a test)
     * must not leave a JVM per run behind.
     */
    private static final Map<Server, WarmMaven> IDLE = new java.util.LinkedHashMap<>();
    static final int IDLE_BOUND = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final Path mavenHome;
    private final Path folder;
    private final List<Server> all = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();
    private String unavailable;
    private boolean closed;
    /** See {@link #classpath}. */
    private String classpath;

    /**
     * @param mavenHome the Maven installation every build runs
     * @param folder where the JVMs run; a folder of the run's own
     */
    WarmMaven(Path mavenHome, Path folder) {
        this.mavenHome = mavenHome;
        this.folder = folder;
    }

    /** Why warm builds stopped being tried in this run, if they did. */
    synchronized java.util.Optional<String> unavailable() {
        return java.util.Optional.ofNullable(unavailable);
    }

    /** How many Maven JVMs this run started. */
    synchronized int started() {
        return all.size();
    }

    /** How many builds ended in a warm Maven (a timeout included). */
    int builds() {
        return builds.get();
    }

    /**
     * Runs the build {@code commandline} describes ({@code mvn} and its arguments, working folder
     * and environment) in a warm Maven; its output goes line by line to {@code output}.
     */
    MavenRun.Outcome run(Commandline commandline, Duration timeout, Consumer<String> output) throws Lost,
            IOException {
        return run(commandline, timeout, output, true);
    }

    /**
     * Runs a build that only warms a JVM up: what the JVM printed as it started stays for the
     * first real build's log.
     */
    MavenRun.Outcome warmUp(Commandline commandline, Duration timeout) throws Lost, IOException {
        return run(commandline, timeout, line -> { }, false);
    }

    private MavenRun.Outcome run(Commandline commandline, Duration timeout, Consumer<String> output,
            boolean startOutput) throws Lost, IOException {
        Path dir = commandline.getWorkingDirectory().toPath().toAbsolutePath();
        Map<String, String> environment = MavenRun.environment(commandline);
        List<String> arguments = List.of(commandline.getArguments());
        Path basedir = projectBaseDirectory(dir, arguments);
        Key key = new Key(command(environment, basedir), environment);
        Properties properties = new Properties();
        properties.setProperty("dir", dir.toString());
        properties.setProperty("basedir", basedir.toString());
        properties.setProperty("args", Integer.toString(arguments.size()));
        for (int i = 0; i < arguments.size(); i++) {
            properties.setProperty("arg." + i, arguments.get(i));
        }
        java.io.StringWriter text = new java.io.StringWriter();
        properties.store(text, null);
        // One line, no file: nothing is left behind when this JVM goes away during the build.
        String request = java.util.Base64.getEncoder().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
        Server server = borrow(key);
        try {
            MavenRun.Outcome outcome = server.build(request, timeout, output, startOutput);
            builds.incrementAndGet();
            giveBack(server);
            return outcome;
        } catch (IOException | RuntimeException e) {
            // A JVM whose build did not end as a build ends is not given to another one.
            server.kill();
            throw e;
        }
    }

    /**
     * Stops every JVM of this run: the idle ones as they would stop by themselves, any other at
     * once with all it started, so that a build still running in one (a warm-up the run no longer
     * needs) ends {@link Lost} and its caller cleans up after it.
     */
    @Override
    public void close() {
        List<Server> idle = new ArrayList<>();
        List<Server> busy;
        synchronized (this) {
            closed = true;
            busy = new ArrayList<>(all);
        }
        synchronized (IDLE) {
            IDLE.entrySet().removeIf(entry -> entry.getValue() == this && idle.add(entry.getKey()));
        }
        busy.removeAll(idle);
        idle.forEach(Server::stop);
        busy.stream().filter(server -> server.process.isAlive()).forEach(Server::kill);
    }

    /**
     * The folder the {@code mvn} script takes as the multi-module project directory: the nearest
     * folder holding {@code .mvn} from the POM given with {@code -f} (or the working folder) up,
     * else that folder itself.
     */
    static Path projectBaseDirectory(Path dir, List<String> arguments) {
        Path start = dir;
        int file = Math.max(arguments.indexOf("-f"), arguments.indexOf("--file"));
        if (file >= 0 && file + 1 < arguments.size()) {
            Path pom = dir.resolve(arguments.get(file + 1)).normalize();
            start = Files.isDirectory(pom) ? pom : pom.getParent();
        }
        for (Path at = start; at != null; at = at.getParent()) {
            if (Files.isDirectory(at.resolve(".mvn"))) {
                return at;
            }
        }
        return start;
    }

    /** The JVM command the {@code mvn} script would run, with this class's server as its main class. */
    private List<String> command(Map<String, String> environment, Path basedir) throws IOException {
        List<String> command = new ArrayList<>();
        String javaHome = environment.getOrDefault("JAVA_HOME", System.getProperty("java.home"));
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        command.add(Path.of(javaHome, "bin", windows ? "java.exe" : "java").toString());
        Path jvmConfig = basedir.resolve(".mvn/jvm.config");
        if (Files.isRegularFile(jvmConfig)) {
            command.addAll(MavenRun.jvmOptions(Files.readString(jvmConfig, StandardCharsets.UTF_8)));
        }
        command.addAll(MavenRun.jvmOptions(environment.getOrDefault("MAVEN_OPTS", "")));
        command.add("-classpath");
        command.add(classpath());
        command.add("-Dclassworlds.conf=" + mavenHome.resolve("bin/m2.conf"));
        command.add("-Dmaven.home=" + mavenHome);
        command.add("-Dlibrary.jansi.path=" + mavenHome.resolve("lib/jansi-native"));
        command.add(WarmMavenServer.class.getName());
        return command;
    }

    /**
     * The server's class path: Maven's launcher jar and this plugin's classes. Looked up once; the
     * installation does not change during a run.
     */
    private synchronized String classpath() throws IOException {
        if (classpath == null) {
            Path jar;
            try (Stream<Path> boot = Files.list(mavenHome.resolve("boot"))) {
                jar = boot.filter(file -> file.getFileName().toString().startsWith("plexus-classworlds-"))
                        .filter(file -> file.getFileName().toString().endsWith(".jar")).findFirst()
                        .orElseThrow(() -> new IOException("no plexus-classworlds jar in " + mavenHome.resolve("boot")));
            }
            classpath = jar + java.io.File.pathSeparator + serverLocation();
        }
        return classpath;
    }

    private static Path serverLocation() throws IOException {
        try {
            return Path.of(WarmMavenServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot tell where " + WarmMavenServer.class.getName() + " was loaded from", e);
        }
    }

    private Server borrow(Key key) throws Lost {
        synchronized (this) {
            if (unavailable != null) {
                throw new Lost(unavailable);
            }
            if (closed) {
                throw new Lost("the run is over");
            }
        }
        synchronized (IDLE) {
            List<Server> mine = IDLE.entrySet().stream().filter(idle -> idle.getValue() == this)
                    .map(Map.Entry::getKey).filter(server -> server.key.equals(key)).toList();
            for (int i = mine.size() - 1; i >= 0; i--) {
                IDLE.remove(mine.get(i));
                if (mine.get(i).process.isAlive()) {
                    return mine.get(i);
                }
            }
        }
        try {
            Files.createDirectories(folder);
            Server server = new Server(key, folder);
            boolean over;
            synchronized (this) {
                all.add(server);
                over = closed;
            }
            if (over) {
                server.kill();
                throw new Lost("the run is over");
            }
            server.awaitReady();
            return server;
        } catch (IOException e) {
            synchronized (this) {
                unavailable = "a warm Maven could not start: " + e.getMessage();
            }
            throw new Lost(unavailable);
        }
    }

    private void giveBack(Server server) {
        List<Server> stopping = new ArrayList<>();
        synchronized (this) {
            if (closed || !server.process.isAlive() || server.builds >= BUILDS_PER_SERVER) {
                stopping.add(server);
            }
        }
        if (stopping.isEmpty()) {
            synchronized (IDLE) {
                IDLE.put(server, this);
                java.util.Iterator<Server> eldest = IDLE.keySet().iterator();
                while (IDLE.size() > IDLE_BOUND) {
                    stopping.add(eldest.next());
                    eldest.remove();
                }
            }
        }
        stopping.forEach(Server::stop);
    }

    /** Which JVM a build would have started: its command and its environment. */
    private record Key(List<String> command, Map<String, String> environment) {
    }

    /** One warm Maven JVM and the thread that reads what it prints. */
    private static final class Server {
        private final Key key;
        private final Process process;
        private final OutputStream requests;
        private final CompletableFuture<Void> ready = new CompletableFuture<>();
        /**
         * What the JVM printed as it started (a JVM option's report, an agent's banner), which a
         * cold build's log would begin with: the first build's log begins with it.
         */
        private final List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile Consumer<String> sink;
        private volatile CompletableFuture<Integer> exit;
        private int builds;

        Server(Key key, Path folder) throws IOException {
            this.key = key;
            ProcessBuilder builder = new ProcessBuilder(key.command()).directory(folder.toFile())
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(key.environment());
            process = builder.start();
            requests = process.getOutputStream();
            Thread pump = new Thread(this::pump, "autocoder-warm-maven-output");
            pump.setDaemon(true);
            pump.start();
        }

        /** Waits until the JVM is ready for builds; stops it when it does not get there. */
        void awaitReady() throws IOException {
            try {
                ready.get(START.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                stop();
                List<String> said;
                synchronized (started) {
                    said = List.copyOf(started.subList(Math.max(0, started.size() - 5), started.size()));
                }
                throw new IOException("its JVM did not get ready (" + String.join(" ", key.command()) + ")"
                        + (said.isEmpty() ? "" : ": " + String.join(" / ", said)));
            } catch (InterruptedException e) {
                stop();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while a warm Maven started", e);
            }
        }

        MavenRun.Outcome build(String request, Duration timeout, Consumer<String> output, boolean startOutput)
                throws Lost, IOException {
            builds++;
            CompletableFuture<Integer> done = new CompletableFuture<>();
            if (startOutput) {
                synchronized (started) {
                    started.forEach(output);
                    started.clear();
                }
            }
            sink = output;
            exit = done;
            try {
                requests.write((request + "\n").getBytes(StandardCharsets.UTF_8));
                requests.flush();
            } catch (IOException e) {
                kill();
                throw new Lost("the warm Maven went away before the build: " + e.getMessage());
            }
            try {
                return new MavenRun.Outcome(done.get(timeout.toMillis(), TimeUnit.MILLISECONDS), false);
            } catch (TimeoutException e) {
                kill();
                return new MavenRun.Outcome(-1, true);
            } catch (ExecutionException e) {
                kill();
                throw new Lost("the warm Maven went away during the build");
            } catch (InterruptedException e) {
                kill();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the sub-build ran", e);
            } finally {
                sink = null;
                exit = null;
            }
        }

        /** Ends the JVM: its input first, so it leaves by itself, then by force with all it started. */
        void stop() {
            try {
                requests.close();
            } catch (IOException e) {
                // It is going anyway.
            }
            if (!process.onExit().completeOnTimeout(process, 5, TimeUnit.SECONDS).join().isAlive()) {
                return;
            }
            kill();
        }

        /** Stops the JVM and everything it started (surefire's forks) at once. */
        void kill() {
            MavenRun.stopTree(process.toHandle());
        }

        /**
         * Passes each line to the build that runs; an empty line right before the server's own is
         * the server's (it ends a build's last line) and is dropped.
         */
        private void pump() {
            boolean blank = false;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(WarmMavenServer.MARKER)) {
                        blank = false;
                        String said = line.substring(WarmMavenServer.MARKER.length());
                        if (said.equals(WarmMavenServer.READY)) {
                            ready.complete(null);
                        } else if (said.startsWith(WarmMavenServer.EXIT) && exit != null) {
                            exit.complete(Integer.parseInt(said.substring(WarmMavenServer.EXIT.length()).strip()));
                        }
                        continue;
                    }
                    if (blank) {
                        deliver("");
                    }
                    blank = line.isEmpty();
                    if (!blank) {
                        deliver(line);
                    }
                }
            } catch (IOException e) {
                // The JVM was stopped while it wrote.
            }
            ready.completeExceptionally(new IOException("the warm Maven's JVM ended"));
            CompletableFuture<Integer> running = exit;
            if (running != null) {
                running.completeExceptionally(new IOException("the warm Maven's JVM ended"));
            }
        }

        private void deliver(String line) {
            Consumer<String> to = sink;
            if (to != null) {
                to.accept(line);
            } else if (!ready.isDone()) {
                started.add(line);
            }
        }
    }
}

package dev.autocoder.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.cipher.PlexusCipherException;

/**
 * What the integration tests' Groovy hooks share: copying the bundled example in, starting the
 * fake model server (OpenAI, Anthropic or Ollama) and a forward proxy for a build, and searching a build's
 * files for a leaked key.
 *
 * <p>The hooks run inside the invoker's own JVM, so the servers live on, on daemon threads, while
 * the invoked Maven builds run. Each hook script runs in a class loader of its own, so a server is
 * handed from prebuild.groovy to verify.groovy through the system properties and used there
 * dynamically.
 */
public final class ItSupport {

    /** A recognisable fake key: no file and no log line may contain it. */
    public static final String FAKE_KEY = "sk-autocoder-it-SECRET-7f3a9c";

    private ItSupport() {
    }

    /**
     * Copies {@code examples/<name>} into the test's folder as {@link #copyExample(File, String)} does,
     * with its POM asking for {@code model} instead of the example's {@code gpt-4o-mini}.
     */
    public static void copyExample(File basedir, String name, String model) throws IOException {
        copyExample(basedir, name);
        Path pom = basedir.toPath().resolve(name).resolve("pom.xml");
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        String asking = text.replace("<model>gpt-4o-mini</model>", "<model>" + model + "</model>");
        if (asking.equals(text)) {
            throw new IllegalStateException(pom + " does not name its model as <model>gpt-4o-mini</model>");
        }
        Files.writeString(pom, asking, StandardCharsets.UTF_8);
    }

    /** Copies {@code examples/<name>} of this repository into the test's folder. */
    public static void copyExample(File basedir, String name) throws IOException {
        Path source = above(basedir.toPath(), "examples/" + name);
        Path target = basedir.toPath().resolve(name);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.toList()) {
                Path relative = source.relativize(path);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Starts a fake model server from a script and points the build at it through
     * {@code .mvn/maven.config}, with any further Maven arguments. A rule may give its reply as
     * {@code "replyFile": "replies/first.md"}, beside the script or above it, so that code in replies
     * stays readable; such a script is resolved into {@code <script>.resolved.json} first.
     */
    public static String startServer(File basedir, File script, String... arguments) throws IOException {
        return pointAt(basedir, serve(basedir, script), arguments);
    }

    /**
     * Starts a fake server that speaks {@code protocol} from a script, as {@link #startServer} does,
     * and points the build at it with {@code -Dautocoder.provider=<protocol>} besides the arguments;
     * an Ollama server is named by its root, as Ollama's {@code baseUrl} is.
     */
    public static String startServer(File basedir, File script, FakeOpenAiServer.Protocol protocol,
            String... arguments) throws IOException {
        List<String> all = new ArrayList<>(List.of("-Dautocoder.provider=" + protocol.name().toLowerCase(Locale.ROOT)));
        all.addAll(List.of(arguments));
        return pointAt(basedir, serve(basedir, script, protocol), all.toArray(String[]::new));
    }

    /**
     * Starts a fake model server from a script for this test without pointing the build at it, for a
     * test that chooses the URL per invocation; {@link #server} and {@link #stopServer} find it.
     */
    public static String serve(File basedir, File script) throws IOException {
        return serve(basedir, script, FakeOpenAiServer.Protocol.OPENAI);
    }

    /** Starts a fake server speaking {@code protocol} for this test and returns the base URL to configure. */
    private static String serve(File basedir, File script, FakeOpenAiServer.Protocol protocol) throws IOException {
        FakeOpenAiServer server = FakeOpenAiServer.fromScript(withReplyFiles(script.toPath()), protocol);
        System.getProperties().put(key(basedir), server);
        // Ollama's baseUrl is the server's root; the others end in /v1.
        return protocol == FakeOpenAiServer.Protocol.OLLAMA ? server.rootUrl() : server.baseUrl();
    }

    /** Writes {@code .mvn/maven.config}: the base URL, then the arguments. */
    private static String pointAt(File basedir, String baseUrl, String... arguments) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("-Dautocoder.baseUrl=" + baseUrl);
        lines.addAll(List.of(arguments));
        Path config = basedir.toPath().resolve(".mvn/maven.config");
        Files.createDirectories(config.getParent());
        Files.write(config, lines, StandardCharsets.UTF_8);
        return baseUrl;
    }

    /**
     * Starts a {@link ForwardProxy} for this test and writes {@code settingsFile} into the test's
     * folder: the settings every integration test gets ({@code interpolated-settings.xml}, which the
     * invoker writes beside the cloned tests) with a {@code <proxies>} entry {@code it-proxy} for it,
     * for the test's {@code invoker.settingsFile} to name. With a {@code username} the proxy demands
     * those Basic credentials and the entry carries them; with a {@code master} password as well, the
     * entry's password is encrypted with it, as {@code mvn --encrypt-password} does, and the master
     * goes to {@code settings-security.xml} in the test's folder, for {@code -Dsettings.security}.
     *
     * @return the proxy's port
     */
    public static int startProxy(File basedir, String settingsFile, String nonProxyHosts, String username,
            String password, String master) throws IOException {
        ForwardProxy proxy = username == null ? ForwardProxy.open() : ForwardProxy.requiring(username, password);
        System.getProperties().put(proxyKey(basedir), proxy);
        String stored = password;
        if (master != null) {
            try {
                DefaultPlexusCipher cipher = new DefaultPlexusCipher();
                Files.writeString(basedir.toPath().resolve("settings-security.xml"), "<settingsSecurity><master>"
                        + cipher.encryptAndDecorate(master, "settings.security") + "</master></settingsSecurity>\n");
                stored = cipher.encryptAndDecorate(password, master);
            } catch (PlexusCipherException e) {
                throw new IOException("cannot encrypt the proxy password", e);
            }
        }
        String entry = "  <proxies>\n    <proxy>\n      <id>it-proxy</id>\n      <active>true</active>\n"
                + "      <protocol>http</protocol>\n      <host>127.0.0.1</host>\n      <port>" + proxy.port()
                + "</port>\n" + (username == null ? "" : "      <username>" + username + "</username>\n"
                + "      <password>" + stored + "</password>\n")
                + "      <nonProxyHosts>" + nonProxyHosts + "</nonProxyHosts>\n    </proxy>\n  </proxies>\n";
        String settings = Files.readString(basedir.toPath().resolveSibling("interpolated-settings.xml"));
        Files.writeString(basedir.toPath().resolve(settingsFile), settings.replace("</settings>", entry + "</settings>"));
        return proxy.port();
    }

    /**
     * Stops the proxy {@link #startProxy} started for this test and returns what it saw, in arrival
     * order, as {@link ForwardProxy.Seen} of the prebuild script's class loader: use them dynamically.
     */
    public static List<?> stopProxy(File basedir) {
        return stop(proxyKey(basedir), "seen", "the proxy of " + basedir);
    }

    /** Closes what {@code key} holds and returns its list {@code listing}. */
    private static List<?> stop(String key, String listing, String what) {
        Object running = System.getProperties().get(key);
        if (running == null) {
            throw new IllegalStateException(what + " was never started");
        }
        try {
            List<?> seen = (List<?>) running.getClass().getMethod(listing).invoke(running);
            running.getClass().getMethod("close").invoke(running);
            System.getProperties().remove(key);
            return seen;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot stop " + what, e);
        }
    }

    /**
     * {@code relative} resolved against the first of {@code start} and the folders above it where it
     * exists: a test's own file, or one of the repository's (the examples, the replies tests share),
     * wherever the invoker cloned the test to.
     */
    static Path above(Path start, String relative) throws IOException {
        for (Path folder = start.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
            if (Files.exists(folder.resolve(relative))) {
                return folder.resolve(relative);
            }
        }
        throw new IOException("no " + relative + " in " + start + " or above it");
    }

    /**
     * The script itself, or a copy with every {@code replyFile} read into {@code reply}; a reply file
     * is found beside the script or above it ({@link #above}).
     */
    static Path withReplyFiles(Path script) throws IOException {
        JsonArray rules = JsonParser.parseString(Files.readString(script)).getAsJsonArray();
        boolean resolved = false;
        for (JsonElement element : rules) {
            JsonElement file = element.getAsJsonObject().remove("replyFile");
            if (file != null) {
                String reply = Files.readString(above(script.getParent(), file.getAsString()), StandardCharsets.UTF_8);
                element.getAsJsonObject().addProperty("reply", reply);
                resolved = true;
            }
        }
        if (!resolved) {
            return script;
        }
        Path copy = script.resolveSibling(script.getFileName() + ".resolved.json");
        Files.writeString(copy, rules.toString(), StandardCharsets.UTF_8);
        return copy;
    }

    /** The server {@link #startServer} started for this test (use it dynamically). */
    public static Object server(File basedir) {
        Object server = System.getProperties().get(key(basedir));
        if (server == null) {
            throw new IllegalStateException("no fake server was started for " + basedir);
        }
        return server;
    }

    /**
     * Stops the server {@link #startServer} started for this test and returns the requests it saw,
     * in arrival order. They come from the prebuild script's class loader: use them dynamically
     * ({@code requests[0].messagesText()}).
     */
    public static List<?> stopServer(File basedir) {
        return stop(key(basedir), "requests", "the fake server of " + basedir);
    }

    /**
     * Runs Maven on the test's project the way a person at a terminal does: interactive (no -B),
     * stdin and stdout a pseudo-terminal (util-linux {@code script}), {@code typed} as their input.
     * The terminal's output goes to {@code terminal.log} in the project.
     *
     * @param environment variables added to this process's environment for the run
     * @return Maven's exit code
     */
    public static int runInTerminal(File basedir, File settings, File localRepository,
            java.util.Map<String, String> environment, String typed, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString());
        command.add("-s");
        command.add(settings.getAbsolutePath());
        command.add("-Dmaven.repo.local=" + localRepository.getAbsolutePath());
        command.addAll(List.of(arguments));
        String shellCommand = command.stream().map(word -> "'" + word.replace("'", "'\\''") + "'")
                .collect(java.util.stream.Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", shellCommand, "/dev/null");
        builder.environment().putAll(environment);
        Process terminal = builder.directory(basedir)
                .redirectOutput(new File(basedir, "terminal.log"))
                .redirectErrorStream(true)
                .start();
        // The typed line waits in the terminal's input until Maven reads it; stdin stays open
        // until Maven ends, because script ends the session when its input closes.
        terminal.getOutputStream().write(typed.getBytes(StandardCharsets.UTF_8));
        terminal.getOutputStream().flush();
        if (!terminal.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
            terminal.descendants().forEach(ProcessHandle::destroyForcibly);
            terminal.destroyForcibly();
            throw new IOException("the interactive Maven run did not end within 10 minutes");
        }
        terminal.getOutputStream().close();
        return terminal.exitValue();
    }

    /**
     * The folder where an execution's sub-builds go by default for the module at {@code basedir}
     * ({@code ${java.io.tmpdir}/autocoder-<hash>/<executionId>}), as the plugin computes it.
     */
    public static File subBuilds(File basedir, String executionId) {
        return dev.autocoder.verify.SubBuildVerifier.defaultRoot(basedir.toPath()).resolve(executionId).toFile();
    }

    /**
     * Removes the sub-build folders the plugin kept for the module at {@code basedir} (a task that
     * failed on purpose keeps its newest failing sub-build for the user). A case calls this last, once
     * its checks passed, so that the suite leaves nothing in the temporary folder; a case that fails
     * keeps them for diagnosis.
     */
    public static void removeSubBuilds(File basedir) {
        Path root = dev.autocoder.verify.SubBuildVerifier.defaultRoot(basedir.toPath());
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file below {@code root} whose bytes contain {@code needle}, as relative paths. */
    public static List<String> filesContaining(File root, String needle) {
        byte[] wanted = needle.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> walk = Files.walk(root.toPath())) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> contains(read(path), wanted))
                    .map(path -> root.toPath().relativize(path).toString())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String key(File basedir) {
        return "autocoder.it.server:" + basedir.getAbsolutePath();
    }

    private static String proxyKey(File basedir) {
        return "autocoder.it.proxy:" + basedir.getAbsolutePath();
    }
}

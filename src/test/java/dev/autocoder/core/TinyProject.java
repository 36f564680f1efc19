package dev.autocoder.core;

import dev.autocoder.project.ProjectLayout;
import dev.autocoder.report.PriceTable;
import dev.autocoder.state.TaskState;
import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import dev.autocoder.verify.SubBuildSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A consuming project small enough for real runs in tests: specs in {@code src/main/autocoder},
 * an empty main source root and no tests of its own, so each sub-build only compiles and checks.
 *
 * <p>Task {@code alpha} writes {@code tiny.Alpha}; task {@code beta} writes {@code tiny.Beta},
 * which uses {@code Alpha}, so beta verifies only when alpha's code is part of its build.
 */
final class TinyProject {

    /** A recognisable fake key: no file a run writes may contain it. */
    static final String KEY = "sk-tiny-SECRET-51d0e2";

    /** In every request about alpha: its generation and its review both quote the spec. */
    static final String ALPHA = spec("alpha");
    static final String BETA = spec("beta");
    static final String REVIEW = "You review Java code";

    static final String ALPHA_CODE = code("alpha");

    static final String BETA_CODE = """
            ```java
            package tiny;

            /** A greeting for alpha. */
            public final class Beta {
                public String greet() {
                    return "hello " + new Alpha().name();
                }
            }
            ```
            """;

    private static final String PASS = "{\"complete\": true, \"feedback\": \"\"}";

    private final Path base;
    private final String executionId;
    private final String lockName;

    private TinyProject(Path base, String executionId, String lockName) {
        this.base = base;
        this.executionId = executionId;
        this.lockName = lockName;
    }

    /** A project at {@code base} with the given tasks ({@code alpha}, {@code beta}) as spec files. */
    static TinyProject create(Path base, String... tasks) throws IOException {
        Files.createDirectories(base.resolve("src/main/java"));
        Path specs = Files.createDirectories(base.resolve("src/main/autocoder"));
        for (String task : tasks) {
            Files.writeString(specs.resolve(task + ".md"), spec(task)
                    + (task.equals("beta") ? ", whose `greet()` says hello to `tiny.Alpha`'s name.\n" : ".\n"),
                    StandardCharsets.UTF_8);
        }
        return at(base);
    }

    /** A project {@link #create} made earlier, as its default execution sees it. */
    static TinyProject at(Path base) {
        return new TinyProject(base, "default", "autocoder.lock.json");
    }

    /** The same project seen by another execution, with its own lock file and outputs. */
    TinyProject execution(String id) {
        return new TinyProject(base, id, id + ".lock.json");
    }

    /** Rules that answer every request: reviews pass, each task gets its code. */
    static Rule[] answerEverything() {
        return new Rule[] {
            Rule.reply(PASS).whenContains(REVIEW).always(),
            Rule.reply(ALPHA_CODE).whenContains(ALPHA).always(),
            Rule.reply(BETA_CODE).whenContains(BETA).always(),
        };
    }

    /** The start of a task's spec, which every request about the task quotes. */
    static String spec(String task) {
        return "Write `tiny." + type(task) + "`";
    }

    /** Code that verifies for a task: {@code tiny.<Task>}, whose {@code name()} is the task's name. */
    static String code(String task) {
        return """
                ```java
                package tiny;

                /** A name. */
                public final class %s {
                    public String name() {
                        return "%s";
                    }
                }
                ```
                """.formatted(type(task), task);
    }

    /** The simple name of the type a task writes. */
    static String type(String task) {
        return Character.toUpperCase(task.charAt(0)) + task.substring(1);
    }

    /** Runs every task in this JVM against the given endpoint. */
    List<TaskState> run(String baseUrl, RunLog log) throws IOException {
        return run(config(baseUrl), log);
    }

    /** Runs every task in this JVM as {@code config} says. */
    List<TaskState> run(AutocoderConfig config, RunLog log) throws IOException {
        return new Autocoder(config, layout(), subBuild(), log, Optional.empty(), PriceTable.defaults()).run();
    }

    AutocoderConfig config(String baseUrl) {
        return config(baseUrl, AutocoderConfig.Mode.LIVE, Optional.of(KEY));
    }

    /** A configuration with the given mode and key, or none. */
    AutocoderConfig config(String baseUrl, AutocoderConfig.Mode mode, Optional<String> key) {
        Path target = base.resolve("target");
        AutocoderConfig.Paths paths = new AutocoderConfig.Paths(base, base.resolve("src/main/autocoder"), false,
                target.resolve("generated-sources/" + executionId), target.resolve("generated-test-sources/"
                        + executionId), stateDirectory(), lockFile(), base.resolve("src/main/autocoder/cassette.jsonl"),
                Optional.empty());
        AutocoderConfig.ModelOptions model = new AutocoderConfig.ModelOptions(AutocoderConfig.parseBaseUrl(baseUrl),
                "test-model", key, 300, 0, 0.1, 0.1, 1, 0, 0, 0, mode);
        // parallelism 1: the tasks run in spec order, so a test knows which request comes when
        AutocoderConfig.Limits limits = new AutocoderConfig.Limits(3, 10, 1, 1, 180, 4000);
        return new AutocoderConfig(paths, model, limits, Optional.empty(), Map.of(), false, executionId,
                "0.1.0-test");
    }

    ProjectLayout layout() {
        return new ProjectLayout(base, "17", List.of(base.resolve("src/main/java")), List.of(), List.of(), Map.of(),
                Optional.empty(), ProjectLayout.CompilerSetup.PLAIN, dev.autocoder.testing.TestBuilds.plain(base, List.of()));
    }

    /** The outer build's Maven and local repository, as surefire (or the parent test) passes them on. */
    static SubBuildSettings subBuild() {
        String repository = System.getProperty("autocoder.it.localRepository");
        return new SubBuildSettings(Path.of(System.getProperty("maven.home", "/usr/share/maven")),
                repository != null && !repository.isBlank() ? Path.of(repository)
                        : Path.of(System.getProperty("user.home"), ".m2", "repository"),
                null, null, false, Duration.ofSeconds(180), null);
    }

    Path base() {
        return base;
    }

    Path stateDirectory() {
        return base.resolve("target/autocoder");
    }

    /** This execution's own state folder. */
    Path runDirectory() {
        return stateDirectory().resolve(executionId);
    }

    /**
     * {@code config} keeping every sub-build folder: the evidence of which sub-builds a run started,
     * since a run removes the folders of passing ones, and the folders themselves once empty.
     */
    static AutocoderConfig keepingSubBuilds(AutocoderConfig config) {
        return new AutocoderConfig(config.paths(), config.model(), config.limits(), config.prompt(), config.answers(),
                config.force(), config.executionId(), config.pluginVersion(), true, config.reverify(), config.rounds(),
                config.subBuilds());
    }

    /** Where this execution's sub-builds go: the plugin's default folder for this module. */
    Path subBuilds() {
        return dev.autocoder.verify.SubBuildVerifier.defaultRoot(base).resolve(executionId);
    }

    Path stateFile(String task) {
        return runDirectory().resolve("tasks").resolve(task + ".json");
    }

    Path lockFile() {
        return base.resolve("src/main/autocoder").resolve(lockName);
    }

    Path output(String type) {
        return base.resolve("target/generated-sources/" + executionId + "/tiny/" + type + ".java");
    }

    /** How many requests the server received for a task (marker {@link #ALPHA} or {@link #BETA}). */
    static long requestsFor(FakeOpenAiServer server, String marker) {
        return server.requests().stream().filter(request -> request.messagesText().contains(marker)).count();
    }
}

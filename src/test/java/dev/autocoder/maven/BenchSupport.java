package dev.autocoder.maven;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.autocoder.project.ProjectLayout;
import dev.autocoder.verify.CodeUnit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.project.MavenProject;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;

/**
 * What the benchmarks that build a project with the installed plugin share ({@link SpringServiceBenchmark},
 * {@link RealProjectBenchmark}): Maven runs with a timestamped log against the benchmark's own local
 * repository, the layout the plugin would compute, the reply script with its files read in, and file helpers.
 * Not a test.
 */
final class BenchSupport {

    static final String HELP_PLUGIN = "org.apache.maven.plugins:maven-help-plugin:3.5.1";
    static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";

    private final Path maven;
    private final Path repository;
    private final String version;

    /**
     * @param maven the {@code mvn} launcher
     * @param repository the benchmark's local repository, which holds the installed plugin
     * @param version the installed plugin's version
     */
    BenchSupport(Path maven, Path repository, String version) {
        this.maven = maven;
        this.repository = repository;
        this.version = version;
    }

    /** From the system properties {@code maven.home}, {@code autocoder.bench.repository}, {@code autocoder.bench.version}. */
    static BenchSupport fromSystemProperties() {
        return new BenchSupport(Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn"),
                Path.of(System.getProperty("autocoder.bench.repository")).toAbsolutePath(),
                System.getProperty("autocoder.bench.version"));
    }

    Path maven() {
        return maven;
    }

    Path repository() {
        return repository;
    }

    String version() {
        return version;
    }

    /**
     * Runs Maven in {@code folder}, writing every line of its output to {@code log} with the seconds
     * since the start; fails when Maven does. Returns the wall-clock seconds.
     */
    double timed(Path folder, Path log, Map<String, String> env, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(maven.toString(), "-Dmaven.repo.local=" + repository));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().remove("MAVEN_OPTS");
        builder.environment().remove("MAVEN_ARGS");
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter writer = new PrintWriter(Files.newBufferedWriter(log))) {
            writer.println("# " + String.join(" ", command));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                writer.printf(Locale.ROOT, "[%8.3f] %s%n", seconds(start), line.replaceAll("\u001B\\[[0-9;]*m", ""));
                writer.flush();
            }
        }
        int status = process.waitFor();
        double seconds = seconds(start);
        if (status != 0) {
            throw new IllegalStateException("mvn " + String.join(" ", arguments) + " failed in " + folder + " (log: "
                    + log + ")");
        }
        return seconds;
    }

    /**
     * The layout the plugin hands its verifier, computed by {@link MavenProjectView#layout} from the
     * project's effective POM ({@code help:effective-pom}) and its resolved dependencies
     * ({@code dependency:list}), both written into {@code work}.
     */
    ProjectLayout layout(Path project, Path work) throws Exception {
        timed(project, work.resolve("layout.log"), Map.of(), "-B", "-q", HELP_PLUGIN + ":effective-pom",
                "-Doutput=" + work.resolve("effective-pom.xml"), DEPENDENCY_PLUGIN + ":list",
                "-DoutputFile=" + work.resolve("dependencies.txt"), "-DoutputAbsoluteArtifactFilename=true",
                "-DincludeScope=test", "-DexcludeTransitive=false");
        return layoutFrom(project, work, version);
    }

    /** The layout {@link #layout} computes, from the two files it wrote into {@code work}; no Maven run. */
    static ProjectLayout layoutFrom(Path project, Path work, String version) throws Exception {
        Path effective = work.resolve("effective-pom.xml");
        Path list = work.resolve("dependencies.txt");
        Model model;
        try (Reader reader = Files.newBufferedReader(effective)) {
            model = new MavenXpp3Reader().read(reader);
        }
        MavenProject mavenProject = new MavenProject(model);
        mavenProject.setFile(project.resolve("pom.xml").toFile());
        mavenProject.addCompileSourceRoot(model.getBuild().getSourceDirectory());
        mavenProject.addTestCompileSourceRoot(model.getBuild().getTestSourceDirectory());
        Set<Artifact> artifacts = new LinkedHashSet<>();
        for (String line : Files.readAllLines(list)) {
            String entry = line.strip().replaceAll(" -- .*$", "");
            String[] parts = entry.split(":");
            if (parts.length < 6 || !entry.contains("/")) {
                continue;
            }
            boolean classified = parts.length == 7;
            DefaultArtifact artifact = new DefaultArtifact(parts[0], parts[1], parts[classified ? 4 : 3],
                    parts[classified ? 5 : 4], parts[2], classified ? parts[3] : null, new DefaultArtifactHandler(parts[2]));
            artifact.setFile(Path.of(parts[parts.length - 1]).toFile());
            artifacts.add(artifact);
        }
        mavenProject.setArtifacts(artifacts);
        MavenSession session = new MavenSession(null, MavenRepositorySystemUtils.newSession(),
                new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult());
        session.setProjects(List.of(mavenProject));
        Path target = Path.of(model.getBuild().getDirectory());
        return MavenProjectView.layout(mavenProject, session, null, target.resolve("generated-sources/autocoder"),
                target.resolve("generated-test-sources/autocoder"), List.of(),
                "dev.autocoder:autocoder-maven-plugin:" + version, true);
    }

    /**
     * The reply script with every {@code replyFile} read in (relative to {@code replies}), written to
     * {@code resolved}, as the integration tests' server reads it.
     */
    static Path resolved(Path script, Path replies, Path resolved) throws IOException {
        JsonArray rules = JsonParser.parseString(Files.readString(script)).getAsJsonArray();
        for (JsonElement rule : rules) {
            JsonElement file = rule.getAsJsonObject().remove("replyFile");
            if (file != null) {
                rule.getAsJsonObject().addProperty("reply", Files.readString(replies.resolve(file.getAsString())));
            }
        }
        Files.writeString(resolved, rules.toString());
        return resolved;
    }

    static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    static Set<Path> folders(Path root) throws IOException {
        Set<Path> folders = new HashSet<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> list = Files.list(root)) {
                list.forEach(folders::add);
            }
        }
        return folders;
    }

    /** The sub-build folder that came last, of those not there {@code before}. */
    static Path newest(Path root, Set<Path> before) throws IOException {
        return folders(root).stream().filter(folder -> !before.contains(folder))
                .max(Comparator.comparing(BenchSupport::modified))
                .orElseThrow(() -> new IllegalStateException("no sub-build folder below " + root));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static void write(Path root, CodeUnit unit) {
        try {
            Path file = root.resolve(unit.relativePath());
            Files.createDirectories(file.getParent());
            Files.writeString(file, unit.source());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a project folder, less its {@code target}. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(file -> !from.relativize(file).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The Java sources below a source root, as main units named by their package folders. */
    static List<CodeUnit> sources(Path root) throws IOException {
        List<CodeUnit> units = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                Path folder = root.relativize(file.getParent());
                units.add(new CodeUnit(folder.toString().replace(java.io.File.separatorChar, '.'),
                        file.getFileName().toString().replace(".java", ""), Files.readString(file), false));
            }
        }
        return units;
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

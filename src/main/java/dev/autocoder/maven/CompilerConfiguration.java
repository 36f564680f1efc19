package dev.autocoder.maven;

import dev.autocoder.core.ConfigurationException;
import dev.autocoder.project.ProjectLayout;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.Exclusion;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * What the project's maven-compiler-plugin gives javac, read as each of its two executions sees its
 * configuration: the main code from {@code default-compile}'s, the tests from
 * {@code default-testCompile}'s (each the execution's own settings over the plugin's), so the
 * in-process compile matches the real one. Other executions of the plugin (a {@code module-info}
 * compiled on its own) write into the same output and are left to the sub-build.
 */
final class CompilerConfiguration {

    static final String PLUGIN_KEY = "org.apache.maven.plugins:maven-compiler-plugin";

    private static final String PROCESSOR_PATHS = "annotationProcessorPaths";
    /** The phase after the test compile and before the tests, whose plugins read the test classes. */
    private static final String TEST_CLASSES_PHASE = "process-test-classes";

    private final MavenProject project;
    private final Xpp3Dom configuration;
    private final Xpp3Dom testConfiguration;
    private final boolean version4;
    /** Whether the plugin's {@code showWarnings} defaults to true, as it does from version 3.11.0. */
    private final boolean showsWarningsByDefault;

    CompilerConfiguration(MavenProject project) {
        this.project = project;
        Plugin plugin = project.getPlugin(PLUGIN_KEY);
        this.configuration = plugin == null ? new Xpp3Dom("configuration")
                : PluginConfig.forExecution(plugin, "default-compile");
        this.testConfiguration = plugin == null ? new Xpp3Dom("configuration")
                : PluginConfig.forExecution(plugin, "default-testCompile");
        this.version4 = plugin != null && plugin.getVersion() != null && plugin.getVersion().startsWith("4.");
        this.showsWarningsByDefault = plugin != null && plugin.getVersion() != null
                && new org.apache.maven.artifact.versioning.ComparableVersion(plugin.getVersion())
                        .compareTo(new org.apache.maven.artifact.versioning.ComparableVersion("3.11.0")) >= 0;
    }

    /**
     * The release javac compiles the main code for, as the compiler plugin picks it: {@code release}
     * wins over {@code target}, which wins over {@code source}; each from the configuration, else
     * from its {@code maven.compiler.*} property (the parameter's default). Without any, the running
     * JDK's.
     */
    String javaRelease() {
        return release(configuration, List.of("release", "target", "source"))
                .orElse(Integer.toString(Runtime.version().feature()));
    }

    /**
     * The release javac compiles the tests for: the plugin's test compile takes {@code testRelease}
     * over {@code release}, then {@code testTarget} over {@code target}, then {@code testSource}
     * over {@code source}, each from {@code default-testCompile}'s configuration or its property;
     * empty when it is the main code's release, so that a plain project's setup stays plain.
     */
    private Optional<String> testRelease() {
        return release(testConfiguration, List.of("testRelease", "release", "testTarget", "target", "testSource",
                "source")).filter(release -> !release.equals(javaRelease()));
    }

    private Optional<String> release(Xpp3Dom settings, List<String> names) {
        for (String name : names) {
            Optional<String> value = parameter(settings, name);
            if (value.isPresent()) {
                return Optional.of(value.get().replaceFirst("^1\\.", ""));
            }
        }
        return Optional.empty();
    }

    /**
     * javac options besides sources, classpath, release and processor path, in the order the plugin
     * passes them: {@code -Werror} for {@code failOnWarning}, {@code compilerArguments} and
     * {@code compilerArgument}, which the test compile
     * replaces by {@code testCompilerArguments} and {@code testCompilerArgument}, then
     * {@code compilerArgs} for both compiles ({@code testCompilerArgs} for the tests from version 4).
     */
    private List<String> arguments(Xpp3Dom settings, boolean test) {
        List<String> arguments = new ArrayList<>();
        if (flag(settings, "parameters")) {
            arguments.add("-parameters");
        }
        if (flag(settings, "enablePreview")) {
            arguments.add("--enable-preview");
        }
        if (parameter(settings, "failOnWarning").map(Boolean::parseBoolean).orElse(false)) {
            // The plugin passes failOnWarning to javac as -Werror.
            arguments.add("-Werror");
        }
        PluginConfig.value(settings, "proc").ifPresent(proc -> arguments.add("-proc:" + proc));
        List<String> processors = childValues(settings, "annotationProcessors");
        if (!processors.isEmpty()) {
            arguments.add("-processor");
            arguments.add(String.join(",", processors));
        }
        Xpp3Dom map = test && settings.getChild("testCompilerArguments") != null
                ? settings.getChild("testCompilerArguments") : settings.getChild("compilerArguments");
        if (map != null) {
            for (Xpp3Dom entry : map.getChildren()) {
                String key = entry.getName().startsWith("-") ? entry.getName() : "-" + entry.getName();
                String value = entry.getValue() == null || entry.getValue().contains("${") ? "" : entry.getValue().strip();
                if (key.startsWith("-A") && !value.isEmpty()) {
                    arguments.add(key + "=" + value);
                } else {
                    arguments.add(key);
                    if (!value.isEmpty()) {
                        arguments.add(value);
                    }
                }
            }
        }
        Optional<String> argument = test ? PluginConfig.value(settings, "testCompilerArgument")
                .or(() -> PluginConfig.value(settings, "compilerArgument"))
                : PluginConfig.value(settings, "compilerArgument");
        argument.ifPresent(line -> arguments.addAll(Arrays.asList(line.split("\\s+"))));
        List<String> testArgs = test && version4 ? childValues(settings, "testCompilerArgs") : List.of();
        arguments.addAll(testArgs.isEmpty() ? childValues(settings, "compilerArgs") : testArgs);
        if (arguments.contains("-Werror")
                && !parameter(settings, "showWarnings").map(Boolean::parseBoolean).orElse(showsWarningsByDefault)) {
            // Warnings the plugin hides (javac's -nowarn, before the project's own options) fail nothing.
            arguments.add(0, "-nowarn");
        }
        return arguments;
    }

    /**
     * The {@code annotationProcessorPaths} resolved with their dependencies, as the compiler plugin
     * resolves them: through the build's repository session and the project's remote repositories.
     */
    private List<Path> processorPath(RepositorySystem repositorySystem, RepositorySystemSession session) {
        Xpp3Dom paths = configuration.getChild(PROCESSOR_PATHS);
        if (paths == null || paths.getChildCount() == 0) {
            return List.of();
        }
        CollectRequest request = new CollectRequest();
        request.setRepositories(project.getRemoteProjectRepositories());
        List<String> coordinates = new ArrayList<>();
        for (Xpp3Dom path : paths.getChildren()) {
            Dependency dependency = processor(path);
            coordinates.add(dependency.getGroupId() + ":" + dependency.getArtifactId() + ":" + dependency.getVersion());
            request.addDependency(RepositoryUtils.toDependency(dependency, session.getArtifactTypeRegistry()));
        }
        try {
            List<Path> files = new ArrayList<>();
            for (ArtifactResult result : repositorySystem.resolveDependencies(session,
                    new DependencyRequest(request, null)).getArtifactResults()) {
                files.add(result.getArtifact().getFile().toPath());
            }
            return files;
        } catch (DependencyResolutionException e) {
            throw new ConfigurationException(PROCESSOR_PATHS, "maven-compiler-plugin <" + PROCESSOR_PATHS + ">: cannot"
                    + " resolve " + String.join(", ", coordinates) + " for the in-process compile: " + e.getMessage(), e);
        }
    }

    /** What javac gets besides sources, classpath and release; resolving the processor path may throw. */
    ProjectLayout.CompilerSetup setup(RepositorySystem repositorySystem, RepositorySystemSession session) {
        return new ProjectLayout.CompilerSetup(processorPath(repositorySystem, session),
                new ProjectLayout.CompilerSetup.Compile(Optional.empty(), childValues(configuration, "includes"),
                        childValues(configuration, "excludes"), arguments(configuration, false)),
                new ProjectLayout.CompilerSetup.Compile(testRelease(), childValues(testConfiguration, "testIncludes"),
                        childValues(testConfiguration, "testExcludes"), arguments(testConfiguration, true)),
                testClassReaders(), encoding());
    }

    /**
     * The encoding javac reads the main sources in: {@code default-compile}'s {@code encoding}, else
     * {@code project.build.sourceEncoding} (the parameter's default); empty when neither names one
     * this JVM knows (the compile then fails in the sub-build, as it does in the project's build).
     */
    private Optional<Charset> encoding() {
        return PluginConfig.value(configuration, "encoding").or(() -> property("project.build.sourceEncoding"))
                .filter(name -> {
                    try {
                        return Charset.isSupported(name);
                    } catch (IllegalArgumentException e) {
                        return false;
                    }
                }).map(Charset::forName);
    }

    /**
     * The plugin executions bound to {@code process-test-classes}, between the test compile and the
     * tests, as {@code artifactId:executionId}: such a plugin (a copy or rename of test classes, an
     * obfuscator run over them) may need every test class. Only executions that name the phase are
     * seen; a goal's default phase is in its plugin's descriptor, which the model does not hold.
     */
    private List<String> testClassReaders() {
        List<String> readers = new ArrayList<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            for (PluginExecution execution : plugin.getExecutions()) {
                if (TEST_CLASSES_PHASE.equals(execution.getPhase())) {
                    readers.add(plugin.getArtifactId() + ":" + execution.getId());
                }
            }
        }
        return readers;
    }

    private Dependency processor(Xpp3Dom path) {
        Dependency dependency = new Dependency();
        dependency.setGroupId(PluginConfig.value(path, "groupId").orElse(null));
        dependency.setArtifactId(PluginConfig.value(path, "artifactId").orElse(null));
        dependency.setType(PluginConfig.value(path, "type").orElse("jar"));
        dependency.setClassifier(PluginConfig.value(path, "classifier").orElse(null));
        dependency.setScope("runtime");
        Xpp3Dom exclusions = path.getChild("exclusions");
        if (exclusions != null) {
            for (Xpp3Dom excluded : exclusions.getChildren()) {
                Exclusion exclusion = new Exclusion();
                exclusion.setGroupId(PluginConfig.value(excluded, "groupId").orElse("*"));
                exclusion.setArtifactId(PluginConfig.value(excluded, "artifactId").orElse("*"));
                dependency.addExclusion(exclusion);
            }
        }
        String name = dependency.getGroupId() + ":" + dependency.getArtifactId();
        if (dependency.getGroupId() == null || dependency.getArtifactId() == null) {
            throw new ConfigurationException(PROCESSOR_PATHS, "maven-compiler-plugin <" + PROCESSOR_PATHS + ">: "
                    + name + " needs both a <groupId> and an <artifactId>");
        }
        dependency.setVersion(PluginConfig.value(path, "version").or(() -> managedVersion(dependency))
                .orElseThrow(() -> new ConfigurationException(PROCESSOR_PATHS, "maven-compiler-plugin <"
                        + PROCESSOR_PATHS + ">: " + name + " has no <version>, and the project's"
                        + " <dependencyManagement> gives none")));
        return dependency;
    }

    /** The compiler plugin takes a path's missing version from the project's dependency management. */
    private Optional<String> managedVersion(Dependency processor) {
        DependencyManagement management = project.getDependencyManagement();
        if (management == null) {
            return Optional.empty();
        }
        return management.getDependencies().stream()
                .filter(managed -> managed.getManagementKey().equals(processor.getManagementKey()))
                .map(Dependency::getVersion)
                .filter(Objects::nonNull)
                .findFirst();
    }

    private Optional<String> property(String name) {
        String value = project.getProperties().getProperty(name);
        return value == null || value.isBlank() || value.contains("${") ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * A compiler plugin parameter as the plugin reads it: from the configuration, else from its
     * {@code maven.compiler.*} property.
     */
    private Optional<String> parameter(Xpp3Dom settings, String name) {
        return PluginConfig.value(settings, name).or(() -> property("maven.compiler." + name));
    }

    private static boolean flag(Xpp3Dom settings, String name) {
        return PluginConfig.value(settings, name).map(Boolean::parseBoolean).orElse(false);
    }

    private static List<String> childValues(Xpp3Dom settings, String name) {
        Xpp3Dom parent = settings.getChild(name);
        List<String> values = new ArrayList<>();
        if (parent != null) {
            for (Xpp3Dom child : parent.getChildren()) {
                if (child.getValue() != null && !child.getValue().isBlank()) {
                    values.add(child.getValue().strip());
                }
            }
        }
        return values;
    }
}

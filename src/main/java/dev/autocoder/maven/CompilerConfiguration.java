package dev.autocoder.maven;

import dev.autocoder.core.ConfigurationException;
import dev.autocoder.project.ProjectLayout;
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
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * What the project's maven-compiler-plugin gives javac for main code, read from the configuration
 * its {@code default-compile} execution sees, so the in-process compile matches the real one.
 */
final class CompilerConfiguration {

    static final String PLUGIN_KEY = "org.apache.maven.plugins:maven-compiler-plugin";

    private static final String PROCESSOR_PATHS = "annotationProcessorPaths";

    private final MavenProject project;
    private final Xpp3Dom configuration;

    CompilerConfiguration(MavenProject project) {
        this.project = project;
        Plugin plugin = project.getPlugin(PLUGIN_KEY);
        this.configuration = plugin == null ? new Xpp3Dom("configuration")
                : PluginConfig.forExecution(plugin, "default-compile");
    }

    /**
     * The release javac compiles for, as the compiler plugin picks it: {@code release} wins over
     * {@code target}, which wins over {@code source}; each from the configuration, else from its
     * {@code maven.compiler.*} property (the parameter's default). Without any, the running JDK's.
     */
    String javaRelease() {
        for (String name : List.of("release", "target", "source")) {
            Optional<String> value = PluginConfig.value(configuration, name)
                    .or(() -> property("maven.compiler." + name));
            if (value.isPresent()) {
                return value.get().replaceFirst("^1\\.", "");
            }
        }
        return Integer.toString(Runtime.version().feature());
    }

    /** javac options besides sources, classpath, release and processor path. */
    private List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        if (flag("parameters")) {
            arguments.add("-parameters");
        }
        if (flag("enablePreview")) {
            arguments.add("--enable-preview");
        }
        PluginConfig.value(configuration, "proc").ifPresent(proc -> arguments.add("-proc:" + proc));
        List<String> processors = childValues("annotationProcessors");
        if (!processors.isEmpty()) {
            arguments.add("-processor");
            arguments.add(String.join(",", processors));
        }
        arguments.addAll(childValues("compilerArgs"));
        PluginConfig.value(configuration, "compilerArgument")
                .ifPresent(argument -> arguments.addAll(Arrays.asList(argument.split("\\s+"))));
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
        return new ProjectLayout.CompilerSetup(processorPath(repositorySystem, session), arguments());
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

    private boolean flag(String name) {
        return PluginConfig.value(configuration, name).map(Boolean::parseBoolean).orElse(false);
    }

    private List<String> childValues(String name) {
        Xpp3Dom parent = configuration.getChild(name);
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

package dev.autocoder.maven;

import dev.autocoder.project.Dependency;
import dev.autocoder.project.ProjectLayout;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/** Reads the running build's project into the core's {@link ProjectLayout}. */
final class MavenProjectView {

    private static final Set<String> SUB_BUILD_PLUGINS =
            Set.of("maven-compiler-plugin", "maven-surefire-plugin", "maven-checkstyle-plugin",
                    "maven-resources-plugin");

    private MavenProjectView() {
    }

    /** Where autocoder executions of a module record the source roots they added, in the project's context. */
    private static final String OUTPUTS_KEY = "dev.autocoder.outputs";

    /**
     * Records the roots an execution adds and returns those that executions before it in this
     * module added, which a sub-build must add too.
     */
    @SuppressWarnings("unchecked")
    static List<ProjectLayout.GeneratedRoots> recordOutputs(MavenProject project, ProjectLayout.GeneratedRoots own) {
        synchronized (project) {
            List<ProjectLayout.GeneratedRoots> outputs = (List<ProjectLayout.GeneratedRoots>) project
                    .getContextValue(OUTPUTS_KEY);
            List<ProjectLayout.GeneratedRoots> earlier = outputs == null ? List.of() : outputs.stream()
                    .filter(roots -> !roots.equals(own)).toList();
            List<ProjectLayout.GeneratedRoots> all = new ArrayList<>(earlier);
            all.add(own);
            project.setContextValue(OUTPUTS_KEY, List.copyOf(all));
            return earlier;
        }
    }

    /**
     * The project as the core sees it.
     *
     * @param session the running build: its reactor and its repository session
     * @param repositorySystem resolves the compiler's annotation processor path
     * @param selfPlugin autocoder's own {@code groupId:artifactId:version}
     * @param checkDependents whether the final check builds the reactor's modules that depend on
     *     this one ({@link #dependentBuilds}); they are named as left out otherwise
     */
    static ProjectLayout layout(MavenProject project, MavenSession session, RepositorySystem repositorySystem,
            Path outputDirectory, Path testOutputDirectory, List<ProjectLayout.GeneratedRoots> earlierOutputs,
            String selfPlugin, boolean checkDependents) {
        Path base = project.getBasedir().toPath();
        List<MavenProject> all = session.getAllProjects() != null ? session.getAllProjects() : session.getProjects();
        CompilerConfiguration compiler = new CompilerConfiguration(project);
        return new ProjectLayout(base, compiler.javaRelease(),
                existingRoots(project.getCompileSourceRoots(), outputDirectory),
                existingRoots(project.getTestCompileSourceRoots(), testOutputDirectory),
                dependencies(project), pluginVersions(project), checkstyle(project),
                compiler.setup(repositorySystem, session.getRepositorySession()),
                new ProjectLayout.BuildModel(EffectivePom.write(project, session.getProjects(), selfPlugin),
                        Path.of(project.getBuild().getDirectory()), selfPlugin, earlierOutputs,
                        dependents(project, all), dependentBuilds(project,
                                checkDependents ? session.getProjects() : List.of(), all, selfPlugin)));
    }

    /**
     * The dependents the final check builds along with this module: those this build builds
     * (modules left out with {@code -pl} are not the user's build now) that do not run autocoder
     * themselves (their own code does not exist yet; their own final check builds them with this
     * module's verified code) and whose other reactor dependencies are this module, another of them,
     * or a module this one was built with (used as the outer build resolved it for this one). A
     * module that needs any other reactor module, which may not be built yet, is left out.
     */
    static List<ProjectLayout.DependentBuild> dependentBuilds(MavenProject project, List<MavenProject> built,
            List<MavenProject> all, String selfPlugin) {
        Set<String> dependents = reached(project, all);
        String self = selfPlugin.substring(0, selfPlugin.lastIndexOf(':'));
        Map<String, File> resolvedModules = EffectivePom.resolvedModules(project, all);
        Set<String> reactorKeys = new HashSet<>();
        all.forEach(module -> reactorKeys.add(key(module)));
        List<MavenProject> candidates = new ArrayList<>(built.stream()
                .filter(module -> module != project && dependents.contains(key(module))
                        && module.getPlugin(self) == null)
                .toList());
        boolean dropped = true;
        while (dropped) {
            Set<String> allowed = new HashSet<>(Set.of(key(project)));
            candidates.forEach(module -> allowed.add(key(module)));
            dropped = candidates.removeIf(module -> module.getDependencies().stream().anyMatch(dependency -> {
                String key = dependency.getGroupId() + ":" + dependency.getArtifactId();
                return reactorKeys.contains(key) && !allowed.contains(key)
                        && !(EffectivePom.plainJar(dependency) && resolvedModules.containsKey(key));
            }));
        }
        return candidates.stream().map(module -> new ProjectLayout.DependentBuild(module.getArtifactId(), key(module),
                module.getBasedir().toPath().toAbsolutePath().normalize(),
                Path.of(module.getBuild().getDirectory()).toAbsolutePath().normalize(),
                EffectivePom.writeDependent(module, resolvedModules, selfPlugin))).toList();
    }

    private static String key(MavenProject module) {
        return module.getGroupId() + ":" + module.getArtifactId();
    }

    /**
     * The artifact ids of the reactor's modules that depend on {@code project}, directly or through
     * one another, in reactor order. {@code all} is the whole reactor, modules left out with
     * {@code -pl} included, since they build with this module's code as well.
     */
    static List<String> dependents(MavenProject project, List<MavenProject> all) {
        Set<String> reached = reached(project, all);
        return all.stream().filter(module -> module != project && reached.contains(key(module)))
                .map(MavenProject::getArtifactId).toList();
    }

    /** The {@code groupId:artifactId} of {@code project} and of every module that depends on it. */
    private static Set<String> reached(MavenProject project, List<MavenProject> all) {
        Set<String> reached = new HashSet<>(Set.of(key(project)));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (MavenProject module : all) {
                if (!reached.contains(key(module)) && module.getDependencies().stream()
                        .anyMatch(d -> reached.contains(d.getGroupId() + ":" + d.getArtifactId()))) {
                    reached.add(key(module));
                    grew = true;
                }
            }
        }
        return reached;
    }

    private static List<Path> existingRoots(List<String> roots, Path ownOutput) {
        List<Path> existing = new ArrayList<>();
        for (String root : roots) {
            Path path = Path.of(root).toAbsolutePath().normalize();
            if (!path.equals(ownOutput.toAbsolutePath().normalize()) && Files.isDirectory(path)) {
                existing.add(path);
            }
        }
        return existing;
    }

    private static List<Dependency> dependencies(MavenProject project) {
        Set<String> direct = new HashSet<>();
        project.getDependencies().forEach(d -> direct.add(d.getGroupId() + ":" + d.getArtifactId()));
        List<Dependency> dependencies = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            File file = artifact.getFile();
            if (file == null) {
                continue;
            }
            String key = artifact.getGroupId() + ":" + artifact.getArtifactId();
            dependencies.add(new Dependency(artifact.getGroupId(), artifact.getArtifactId(),
                    artifact.getBaseVersion(), artifact.getScope() == null ? "compile" : artifact.getScope(),
                    direct.contains(key), file.toPath()));
        }
        dependencies.sort(java.util.Comparator.comparing(Dependency::coordinates));
        return dependencies;
    }

    private static Map<String, String> pluginVersions(MavenProject project) {
        Map<String, String> versions = new HashMap<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            if (SUB_BUILD_PLUGINS.contains(plugin.getArtifactId()) && plugin.getVersion() != null) {
                versions.put(plugin.getArtifactId(), plugin.getVersion());
            }
        }
        return versions;
    }

    private static Optional<ProjectLayout.CheckstyleSetup> checkstyle(MavenProject project) {
        Plugin plugin = project.getPlugin("org.apache.maven.plugins:maven-checkstyle-plugin");
        if (plugin == null) {
            return Optional.empty();
        }
        // The plugin-level configuration, then each check execution's: a project that binds
        // checkstyle to a phase often configures it there.
        StringBuilder configurationXml = new StringBuilder();
        PluginConfig.of(plugin).ifPresent(configurationXml::append);
        for (PluginExecution execution : plugin.getExecutions()) {
            if (execution.getGoals().contains("check")) {
                PluginConfig.of(execution).ifPresent(configurationXml::append);
            }
        }
        StringBuilder dependencies = new StringBuilder();
        if (!plugin.getDependencies().isEmpty()) {
            dependencies.append("<dependencies>");
            for (org.apache.maven.model.Dependency dependency : plugin.getDependencies()) {
                dependencies.append("<dependency><groupId>").append(dependency.getGroupId())
                        .append("</groupId><artifactId>").append(dependency.getArtifactId())
                        .append("</artifactId><version>").append(dependency.getVersion())
                        .append("</version></dependency>");
            }
            dependencies.append("</dependencies>");
        }
        return Optional.of(new ProjectLayout.CheckstyleSetup(configurationXml.toString(), dependencies.toString()));
    }
}

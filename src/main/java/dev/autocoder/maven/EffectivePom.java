package dev.autocoder.maven;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Build;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.io.xpp3.MavenXpp3Writer;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Writes the module's effective POM so that it builds on its own from another folder: the build
 * Maven computed for the outer run, less what only makes sense inside it.
 */
final class EffectivePom {

    private static final Set<String> TEST_PLUGINS = Set.of("org.apache.maven.plugins:maven-surefire-plugin",
            "org.apache.maven.plugins:maven-failsafe-plugin");

    private static final String SITE_PLUGIN = "org.apache.maven.plugins:maven-site-plugin";

    /** XML 1.0's {@code Name}: what an element, and so a POM property, may be called. */
    private static final Pattern XML_NAME;

    /** Text made only of XML 1.0's {@code Char}s (supplementary characters aside). */
    private static final Pattern XML_TEXT = Pattern.compile("[\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}"
            + "\\x{10000}-\\x{10FFFF}]*");

    static {
        String start = ":A-Z_a-z\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{2FF}\\x{370}-\\x{37D}\\x{37F}-\\x{1FFF}"
                + "\\x{200C}-\\x{200D}\\x{2070}-\\x{218F}\\x{2C00}-\\x{2FEF}\\x{3001}-\\x{D7FF}\\x{F900}-\\x{FDCF}"
                + "\\x{FDF0}-\\x{FFFD}\\x{10000}-\\x{EFFFF}";
        XML_NAME = Pattern.compile("[" + start + "][" + start + "\\-.0-9\\x{B7}\\x{300}-\\x{36F}\\x{203F}-\\x{2040}]*");
    }

    private EffectivePom() {
    }

    /**
     * The effective POM of {@code project} as XML.
     *
     * @param reactor the projects of the outer build, to tell reactor modules from repository artifacts
     * @param selfPlugin autocoder's own {@code groupId:artifactId:version}, left out of the build
     */
    static String write(MavenProject project, List<MavenProject> reactor, String selfPlugin) {
        return xml(model(project, reactor, selfPlugin), project);
    }

    /** The effective model {@link #write} writes. */
    private static Model model(MavenProject project, List<MavenProject> reactor, String selfPlugin) {
        // In a running build getModel() is the effective model: parents merged, active profiles
        // applied, interpolated. The clone keeps the outer build's own model untouched.
        Model model = project.getModel().clone();
        model.setParent(null);
        model.setModules(new ArrayList<>());
        model.setProfiles(new ArrayList<>());
        model.setReporting(null);
        model.setDistributionManagement(null);
        // Plugins add properties while the build runs, and some names no POM can hold: build-helper's
        // parse-version defines "<prefix>.qualifier?", which Apache Commons' parent POM uses. Written,
        // such a property makes the POM unreadable; the sub-build's own run of the plugin defines it again.
        model.getProperties().entrySet().removeIf(property -> !(property.getKey() instanceof String name
                && XML_NAME.matcher(name).matches() && property.getValue() instanceof String value
                && XML_TEXT.matcher(value).matches()));
        if (model.getBuild() == null) {
            model.setBuild(new Build());
        }
        String self = selfPlugin.substring(0, selfPlugin.lastIndexOf(':'));
        model.getBuild().getPlugins().removeIf(plugin -> plugin.getKey().equals(self));
        if (model.getBuild().getPluginManagement() != null) {
            model.getBuild().getPluginManagement().getPlugins().removeIf(plugin -> plugin.getKey().equals(self));
        }
        Path base = project.getBasedir().toPath().toAbsolutePath();
        for (Plugin plugin : allPlugins(model.getBuild())) {
            absolutePaths(plugin, base);
        }
        for (Plugin plugin : model.getBuild().getPlugins()) {
            if (TEST_PLUGINS.contains(plugin.getKey())) {
                testsRunInBaseFolder(plugin, base);
            }
            if (plugin.getKey().equals(SITE_PLUGIN)) {
                withoutReports(plugin);
            }
        }
        pinReactorModules(model, project, reactor);
        return model;
    }

    /**
     * The effective POM of a module that depends on {@code project}, for the final check to build
     * it after the project's copy: written as {@link #write} writes the project's, but its
     * dependencies on modules the project was built with point at the files the outer build
     * resolved for the project, and its dependencies on the project and on the other dependents
     * stay as they are, for the sub-build to point at their copies.
     *
     * @param resolvedModules the reactor modules the outer build resolved for the project, by
     *     {@code groupId:artifactId} ({@link #resolvedModules})
     */
    static String writeDependent(MavenProject dependent, Map<String, File> resolvedModules, String selfPlugin) {
        // The dependent's own dependencies are not resolved yet at this point of the reactor, so
        // write() pins none of them.
        Model model = model(dependent, List.of(), selfPlugin);
        for (Dependency dependency : model.getDependencies()) {
            File file = resolvedModules.get(dependency.getGroupId() + ":" + dependency.getArtifactId());
            if (file != null && plainJar(dependency)) {
                dependency.setScope(Artifact.SCOPE_SYSTEM);
                dependency.setSystemPath(file.getAbsolutePath());
            }
        }
        return xml(model, dependent);
    }

    /** Whether a POM's dependency is a module's main jar (no test-jar, no classifier). */
    static boolean plainJar(Dependency dependency) {
        return "jar".equals(dependency.getType())
                && (dependency.getClassifier() == null || dependency.getClassifier().isEmpty());
    }

    /**
     * The reactor modules the outer build resolved for {@code project} (a jar or a classes folder),
     * by {@code groupId:artifactId}.
     */
    static Map<String, File> resolvedModules(MavenProject project, List<MavenProject> reactor) {
        Set<String> keys = new HashSet<>();
        reactor.stream().filter(other -> other != project)
                .forEach(other -> keys.add(other.getGroupId() + ":" + other.getArtifactId()));
        Map<String, File> modules = new TreeMap<>();
        for (Artifact artifact : project.getArtifacts()) {
            String key = artifact.getGroupId() + ":" + artifact.getArtifactId();
            if (artifact.getFile() != null && keys.contains(key) && "jar".equals(artifact.getType())
                    && classifier(artifact) == null) {
                modules.put(key, artifact.getFile());
            }
        }
        return modules;
    }

    private static String xml(Model model, MavenProject project) {
        StringWriter xml = new StringWriter();
        try {
            new MavenXpp3Writer().write(xml, model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the effective POM of " + project.getId(), e);
        }
        return xml.toString();
    }

    private static List<Plugin> allPlugins(Build build) {
        List<Plugin> plugins = new ArrayList<>(build.getPlugins());
        if (build.getPluginManagement() != null) {
            plugins.addAll(build.getPluginManagement().getPlugins());
        }
        return plugins;
    }

    /**
     * The sub-build's POM lives elsewhere, so a relative path in a plugin's configuration would name
     * a file there. Only values that name an existing file or folder now are taken for paths. Entries
     * of {@code includes} and {@code excludes} are patterns that plugins match relative to their base
     * folder (Apache RAT, resources, checkstyle), so an absolute one would match nothing: they stay as
     * written, even when they name an existing file (Commons Text's RAT excludes of its test data).
     */
    private static void absolutePaths(Plugin plugin, Path base) {
        PluginConfig.of(plugin).ifPresent(dom -> absolutePaths(dom, base));
        for (PluginExecution execution : plugin.getExecutions()) {
            PluginConfig.of(execution).ifPresent(dom -> absolutePaths(dom, base));
        }
    }

    private static void absolutePaths(Xpp3Dom element, Path base) {
        if (element.getChildCount() > 0) {
            for (Xpp3Dom child : element.getChildren()) {
                absolutePaths(child, base);
            }
            return;
        }
        if (isPattern(element)) {
            return;
        }
        String value = element.getValue() == null ? "" : element.getValue().strip();
        if (!value.isEmpty() && !value.contains("${") && !value.contains("*") && !value.contains("\n")
                && !value.startsWith("-")) {
            existingRelative(base, value).ifPresent(path -> element.setValue(path.toString()));
        }
    }

    /** An {@code <include>} or {@code <exclude>}, or any entry of an {@code <includes>} or {@code <excludes>}. */
    private static boolean isPattern(Xpp3Dom element) {
        Xpp3Dom parent = element.getParent();
        return Set.of("include", "exclude").contains(element.getName())
                || parent != null && Set.of("includes", "excludes").contains(parent.getName());
    }

    private static Optional<Path> existingRelative(Path base, String value) {
        try {
            Path path = Path.of(value);
            return path.isAbsolute() || !Files.exists(base.resolve(path)) ? Optional.empty()
                    : Optional.of(base.resolve(path).normalize());
        } catch (InvalidPathException notAPath) {
            // Not a path on this file system (a URL, a pattern), so there is nothing to resolve.
            return Optional.empty();
        }
    }

    /**
     * Surefire and failsafe run tests in the POM's folder by default, and tests open files such as
     * {@code src/test/resources/x} relative to it; the sub-build's POM folder has none of them.
     */
    private static void testsRunInBaseFolder(Plugin plugin, Path base) {
        Xpp3Dom configuration = PluginConfig.of(plugin).orElseGet(() -> new Xpp3Dom("configuration"));
        if (configuration.getChild("workingDirectory") == null) {
            Xpp3Dom workingDirectory = new Xpp3Dom("workingDirectory");
            workingDirectory.setValue(base.toString());
            configuration.addChild(workingDirectory);
        }
        plugin.setConfiguration(configuration);
    }

    /**
     * Maven copies {@code <reporting>} into the site plugin's {@code reportPlugins}; without the
     * section, every sub-build would warn that reports belong there.
     */
    private static void withoutReports(Plugin plugin) {
        List<Xpp3Dom> configurations = new ArrayList<>();
        PluginConfig.of(plugin).ifPresent(configurations::add);
        plugin.getExecutions().forEach(execution -> PluginConfig.of(execution).ifPresent(configurations::add));
        for (Xpp3Dom configuration : configurations) {
            for (int i = configuration.getChildCount() - 1; i >= 0; i--) {
                if (configuration.getChild(i).getName().equals("reportPlugins")) {
                    configuration.removeChild(i);
                }
            }
        }
    }

    /**
     * Reactor modules are used as the outer build resolved them (a jar or a classes folder) through
     * system scope. System-scoped dependencies bring no dependencies of their own, so whatever came in
     * only through a module is listed explicitly, with the version the outer build resolved.
     */
    private static void pinReactorModules(Model model, MavenProject project, List<MavenProject> reactor) {
        Set<String> reactorProjects = new HashSet<>();
        for (MavenProject other : reactor) {
            if (other != project) {
                reactorProjects.add(other.getGroupId() + ":" + other.getArtifactId() + ":" + other.getVersion());
            }
        }
        List<Artifact> modules = new ArrayList<>();
        Set<String> moduleIds = new HashSet<>();
        for (Artifact artifact : project.getArtifacts()) {
            File file = artifact.getFile();
            if (file != null && (file.isDirectory() || reactorProjects.contains(
                    artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getBaseVersion()))) {
                modules.add(artifact);
                moduleIds.add(artifact.getId());
            }
        }
        if (modules.isEmpty()) {
            return;
        }
        for (Dependency dependency : model.getDependencies()) {
            modules.stream().filter(module -> declares(dependency, module)).findFirst().ifPresent(module -> {
                dependency.setScope(Artifact.SCOPE_SYSTEM);
                dependency.setSystemPath(module.getFile().getAbsolutePath());
            });
        }
        List<Dependency> declared = List.copyOf(model.getDependencies());
        for (Artifact artifact : project.getArtifacts()) {
            if (declared.stream().noneMatch(dependency -> declares(dependency, artifact))
                    && camePastModule(artifact, moduleIds)) {
                model.addDependency(explicit(artifact, modules.contains(artifact)));
            }
        }
    }

    /** Whether a module stands between the project and the artifact on the path Maven resolved it by. */
    private static boolean camePastModule(Artifact artifact, Set<String> moduleIds) {
        List<String> trail = artifact.getDependencyTrail();
        if (trail == null) {
            return false;
        }
        for (int i = 1; i < trail.size() - 1; i++) {
            if (moduleIds.contains(trail.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static Dependency explicit(Artifact artifact, boolean module) {
        Dependency dependency = new Dependency();
        dependency.setGroupId(artifact.getGroupId());
        dependency.setArtifactId(artifact.getArtifactId());
        dependency.setVersion(artifact.getBaseVersion());
        dependency.setType(artifact.getType());
        dependency.setClassifier(classifier(artifact));
        if (module || Artifact.SCOPE_SYSTEM.equals(artifact.getScope())) {
            dependency.setScope(Artifact.SCOPE_SYSTEM);
            dependency.setSystemPath(artifact.getFile().getAbsolutePath());
        } else {
            dependency.setScope(artifact.getScope());
        }
        return dependency;
    }

    /**
     * Whether the POM's dependency is the resolved artifact. A dependency without a classifier
     * gets its type's ({@code test-jar} means {@code tests}), as the artifact did.
     */
    private static boolean declares(Dependency dependency, Artifact artifact) {
        String classifier = dependency.getClassifier() != null && !dependency.getClassifier().isEmpty()
                ? dependency.getClassifier()
                : artifact.getArtifactHandler() == null ? null : artifact.getArtifactHandler().getClassifier();
        return dependency.getGroupId().equals(artifact.getGroupId())
                && dependency.getArtifactId().equals(artifact.getArtifactId())
                && dependency.getType().equals(artifact.getType())
                && Objects.equals(classifier == null || classifier.isEmpty() ? null : classifier, classifier(artifact));
    }

    private static String classifier(Artifact artifact) {
        return artifact.getClassifier() == null || artifact.getClassifier().isEmpty() ? null : artifact.getClassifier();
    }
}

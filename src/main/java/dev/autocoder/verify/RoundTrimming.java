package dev.autocoder.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Resource;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What a round leaves out of the project's build: executions of goals whose result cannot depend on
 * the candidate's code, because they only record (a coverage agent whose report and check bind after
 * {@code test}, an SBOM, git metadata) or look only at what a candidate does not change (the
 * enforcer's rules look at the POM and the environment, which the outer build already passed). The
 * final check keeps every one of them: it is the project's whole build.
 *
 * <p>A known goal stays when its output can reach the tests: a git-commit-id or buildnumber goal
 * whose properties the POM refers to or whose resources are filtered, a {@code git.properties} file,
 * an SBOM written onto the class path (Spring Boot's actuator serves it from there). Goals the project
 * names ({@code roundSkips}) are left out of rounds without such a check: the project vouches for them.
 */
public final class RoundTrimming {

    /** Leaves everything in: the final check, and any plan built without a round's trimming. */
    public static final RoundTrimming NONE = new RoundTrimming(List.of(), false);

    private static final String PARAMETER = "roundSkips";

    /**
     * A goal of a plugin, or every goal of it.
     *
     * @param goal the goal, or empty for every goal of the plugin
     */
    public record Goal(String groupId, String artifactId, Optional<String> goal) {

        /**
         * Reads {@code groupId:artifactId[:goal]}.
         *
         * @throws IllegalArgumentException naming the entry when it is not of that shape
         */
        public static Goal parse(String entry) {
            String[] parts = entry.strip().split(":", -1);
            boolean wellFormed = parts.length >= 2 && parts.length <= 3;
            for (String part : parts) {
                wellFormed &= part.matches("[A-Za-z0-9_.\\-]+");
            }
            if (!wellFormed) {
                throw new IllegalArgumentException(PARAMETER + " entry `" + entry.strip() + "` is not"
                        + " groupId:artifactId or groupId:artifactId:goal (for example"
                        + " org.jacoco:jacoco-maven-plugin:prepare-agent)");
            }
            return new Goal(parts[0], parts[1], parts.length == 3 ? Optional.of(parts[2]) : Optional.empty());
        }

        boolean matches(String group, String artifact, String name) {
            return groupId.equals(group) && artifactId.equals(artifact) && goal.map(name::equals).orElse(true);
        }

        @Override
        public String toString() {
            return groupId + ":" + artifactId + goal.map(name -> ":" + name).orElse("");
        }
    }

    /**
     * A known verdict-neutral goal and when it must stay all the same: {@code keep} is asked with the
     * whole project element and the execution's merged configuration (execution over plugin).
     */
    private record Known(Goal goal, BiPredicate<Model, Configuration> keep) {
    }

    /** An execution's setting, else the plugin's. */
    private record Configuration(PluginExecution execution, Plugin plugin) {
        Optional<String> get(String name) {
            return PomModel.setting(PomModel.configuration(plugin), PomModel.configuration(execution), name)
                    .map(PomModel::value);
        }
    }

    private static final List<Known> KNOWN = List.of(
            new Known(goal("org.jacoco:jacoco-maven-plugin:prepare-agent"), (project, config) -> false),
            new Known(goal("org.apache.maven.plugins:maven-enforcer-plugin:enforce"), (project, config) -> false),
            new Known(goal("org.cyclonedx:cyclonedx-maven-plugin:makeBom"), RoundTrimming::onClassPath),
            new Known(goal("org.cyclonedx:cyclonedx-maven-plugin:makeAggregateBom"), RoundTrimming::onClassPath),
            new Known(goal("org.cyclonedx:cyclonedx-maven-plugin:makePackageBom"), RoundTrimming::onClassPath),
            new Known(goal("io.github.git-commit-id:git-commit-id-maven-plugin:revision"), RoundTrimming::gitReadable),
            new Known(goal("pl.project13.maven:git-commit-id-plugin:revision"), RoundTrimming::gitReadable),
            new Known(goal("org.codehaus.mojo:buildnumber-maven-plugin:create"), RoundTrimming::buildNumberReadable),
            new Known(goal("org.codehaus.mojo:buildnumber-maven-plugin:create-timestamp"),
                    RoundTrimming::buildNumberReadable));

    private final List<Goal> named;
    private final boolean known;

    private RoundTrimming(List<Goal> named, boolean known) {
        this.named = List.copyOf(named);
        this.known = known;
    }

    /** A round's trimming: the known verdict-neutral goals and those the project names. */
    public static RoundTrimming forRounds(List<Goal> named) {
        return new RoundTrimming(named, true);
    }

    /**
     * Reads {@code roundSkips}: comma-separated {@code groupId:artifactId[:goal]}, blanks ignored.
     *
     * @throws IllegalArgumentException naming the parameter and the malformed entry
     */
    public static List<Goal> parse(String roundSkips) {
        List<Goal> goals = new ArrayList<>();
        if (roundSkips != null) {
            for (String entry : roundSkips.split(",")) {
                if (!entry.isBlank()) {
                    goals.add(Goal.parse(entry));
                }
            }
        }
        return List.copyOf(goals);
    }

    /** The goals a round leaves out without a check, for the README's table and tests. */
    static List<Goal> knownGoals() {
        return KNOWN.stream().map(Known::goal).toList();
    }

    /**
     * Removes the left-out goals from the module POM's build plugins; an execution left without a
     * goal goes too. A coverage agent's property (default {@code argLine}) is defined empty when the
     * project does not define it, so that surefire's {@code @{argLine}} still resolves.
     *
     * @param model the module POM's model
     * @return what was left out, as {@code groupId:artifactId:goal (execution)}
     */
    public List<String> apply(Model model) {
        List<String> removed = new ArrayList<>();
        if (named.isEmpty() && !known) {
            return removed;
        }
        for (Plugin plugin : PomModel.plugins(model)) {
            String group = plugin.getGroupId();
            String artifact = plugin.getArtifactId();
            for (PluginExecution execution : List.copyOf(plugin.getExecutions())) {
                Configuration configuration = new Configuration(execution, plugin);
                for (String name : List.copyOf(execution.getGoals())) {
                    if (leftOut(model, configuration, group, artifact, name)) {
                        execution.removeGoal(name);
                        removed.add(group + ":" + artifact + ":" + name + " (" + execution.getId() + ")");
                        if (group.equals("org.jacoco") && name.equals("prepare-agent")) {
                            defineEmpty(model, configuration.get("propertyName").orElse("argLine"));
                        }
                    }
                }
                if (execution.getGoals().isEmpty()) {
                    plugin.removeExecution(execution);
                }
            }
        }
        return removed;
    }

    private boolean leftOut(Model model, Configuration configuration, String group, String artifact, String name) {
        if (named.stream().anyMatch(goal -> goal.matches(group, artifact, name))) {
            return true;
        }
        return known && KNOWN.stream().anyMatch(entry -> entry.goal().matches(group, artifact, name)
                && !entry.keep().test(model, configuration));
    }

    /** An SBOM written into the class folders can be read by a test (Spring Boot's actuator serves it). */
    private static boolean onClassPath(Model model, Configuration configuration) {
        Optional<String> output = configuration.get("outputDirectory");
        Build build = model.getBuild();
        if (output.isEmpty() || build == null) {
            return false;
        }
        for (String classes : new String[] {build.getOutputDirectory(), build.getTestOutputDirectory()}) {
            if (classes != null && output.get().startsWith(classes.strip())) {
                return true;
            }
        }
        return false;
    }

    /** git-commit-id's properties reach tests through filtered resources, POM references or git.properties. */
    private static boolean gitReadable(Model model, Configuration configuration) {
        if (configuration.get("generateGitPropertiesFile").map("true"::equalsIgnoreCase).orElse(false)) {
            return true;
        }
        String prefix = configuration.get("prefix").orElse("git");
        return filtersResources(model) || refersTo(model, "${" + prefix + ".");
    }

    /** buildnumber's properties reach tests through filtered resources or POM references. */
    private static boolean buildNumberReadable(Model model, Configuration configuration) {
        if (filtersResources(model)) {
            return true;
        }
        for (String[] property : new String[][] {{"buildNumberPropertyName", "buildNumber"},
                {"timestampPropertyName", "timestamp"}, {"scmBranchPropertyName", "scmBranch"}}) {
            if (refersTo(model, "${" + configuration.get(property[0]).orElse(property[1]) + "}")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether anything is filtered: a resource of the build, or a {@code filtering} setting in a
     * plugin's configuration (an execution of the resources plugin with resources of its own).
     */
    private static boolean filtersResources(Model model) {
        Build build = model.getBuild();
        if (build == null) {
            return false;
        }
        List<Resource> resources = new ArrayList<>(build.getResources());
        resources.addAll(build.getTestResources());
        if (resources.stream().anyMatch(Resource::isFiltering)) {
            return true;
        }
        return build.getPlugins().stream()
                .flatMap(plugin -> java.util.stream.Stream.concat(java.util.stream.Stream.of(plugin),
                        plugin.getExecutions().stream()))
                .flatMap(container -> PomModel.configuration(container).stream())
                .anyMatch(RoundTrimming::filters);
    }

    private static boolean filters(Xpp3Dom element) {
        return element.getName().equals("filtering") && "true".equalsIgnoreCase(PomModel.value(element))
                || PomModel.children(element, null).stream().anyMatch(RoundTrimming::filters);
    }

    /** Whether the POM refers to the expression anywhere (a property, a plugin's setting, a resource's). */
    private static boolean refersTo(Model model, String expression) {
        return PomModel.write(model).toLowerCase(Locale.ROOT).contains(expression.toLowerCase(Locale.ROOT));
    }

    private static void defineEmpty(Model model, String property) {
        if (!model.getProperties().containsKey(property)) {
            model.getProperties().setProperty(property, "");
        }
    }

    private static Goal goal(String text) {
        return Goal.parse(text);
    }
}

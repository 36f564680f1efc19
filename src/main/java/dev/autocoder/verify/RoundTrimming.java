package dev.autocoder.verify;

import static dev.autocoder.verify.PomElements.child;
import static dev.autocoder.verify.PomElements.children;
import static dev.autocoder.verify.PomElements.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

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

    private static final String MAVEN_PLUGINS = "org.apache.maven.plugins";
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
    private record Known(Goal goal, BiPredicate<Element, Configuration> keep) {
    }

    /** An execution's setting, else the plugin's. */
    private record Configuration(Element execution, Element plugin) {
        Optional<String> get(String name) {
            return setting(execution, name).or(() -> setting(plugin, name));
        }

        private static Optional<String> setting(Element owner, String name) {
            return child(owner, "configuration")
                    .flatMap(configuration -> child(configuration, name))
                    .map(Node::getTextContent).map(String::strip);
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
     * @param plugins the {@code <build><plugins>} element of the module POM
     * @return what was left out, as {@code groupId:artifactId:goal (execution)}
     */
    public List<String> apply(Element plugins) {
        List<String> removed = new ArrayList<>();
        if (named.isEmpty() && !known) {
            return removed;
        }
        Element project = (Element) plugins.getParentNode().getParentNode();
        for (Element plugin : children(plugins, "plugin")) {
            String group = text(plugin, "groupId");
            group = group.isEmpty() ? MAVEN_PLUGINS : group;
            String artifact = text(plugin, "artifactId");
            Optional<Element> executions = child(plugin, "executions");
            if (executions.isEmpty()) {
                continue;
            }
            for (Element execution : children(executions.get(), "execution")) {
                String id = PomElements.executionId(execution);
                Optional<Element> goals = child(execution, "goals");
                if (goals.isEmpty()) {
                    continue;
                }
                Configuration configuration = new Configuration(execution, plugin);
                for (Element goal : children(goals.get(), "goal")) {
                    String name = goal.getTextContent().strip();
                    if (leftOut(project, configuration, group, artifact, name)) {
                        goals.get().removeChild(goal);
                        removed.add(group + ":" + artifact + ":" + name + " (" + id + ")");
                        if (group.equals("org.jacoco") && name.equals("prepare-agent")) {
                            defineEmpty(project, configuration.get("propertyName").orElse("argLine"));
                        }
                    }
                }
                if (children(goals.get(), "goal").isEmpty()) {
                    executions.get().removeChild(execution);
                }
            }
        }
        return removed;
    }

    private boolean leftOut(Element project, Configuration configuration, String group, String artifact, String name) {
        if (named.stream().anyMatch(goal -> goal.matches(group, artifact, name))) {
            return true;
        }
        return known && KNOWN.stream().anyMatch(entry -> entry.goal().matches(group, artifact, name)
                && !entry.keep().test(project, configuration));
    }

    /** An SBOM written into the class folders can be read by a test (Spring Boot's actuator serves it). */
    private static boolean onClassPath(Element project, Configuration configuration) {
        Optional<String> output = configuration.get("outputDirectory");
        if (output.isEmpty()) {
            return false;
        }
        Element build = child(project, "build").orElse(null);
        for (String folder : List.of("outputDirectory", "testOutputDirectory")) {
            Optional<String> classes = build == null ? Optional.empty()
                    : child(build, folder).map(Node::getTextContent).map(String::strip);
            if (classes.isPresent() && output.get().startsWith(classes.get())) {
                return true;
            }
        }
        return false;
    }

    /** git-commit-id's properties reach tests through filtered resources, POM references or git.properties. */
    private static boolean gitReadable(Element project, Configuration configuration) {
        if (configuration.get("generateGitPropertiesFile").map("true"::equalsIgnoreCase).orElse(false)) {
            return true;
        }
        String prefix = configuration.get("prefix").orElse("git");
        return filtersResources(project) || refersTo(project, "${" + prefix + ".");
    }

    /** buildnumber's properties reach tests through filtered resources or POM references. */
    private static boolean buildNumberReadable(Element project, Configuration configuration) {
        if (filtersResources(project)) {
            return true;
        }
        for (String[] property : new String[][] {{"buildNumberPropertyName", "buildNumber"},
                {"timestampPropertyName", "timestamp"}, {"scmBranchPropertyName", "scmBranch"}}) {
            if (refersTo(project, "${" + configuration.get(property[0]).orElse(property[1]) + "}")) {
                return true;
            }
        }
        return false;
    }

    private static boolean filtersResources(Element project) {
        NodeList filtering = project.getElementsByTagName("filtering");
        for (int i = 0; i < filtering.getLength(); i++) {
            if ("true".equalsIgnoreCase(filtering.item(i).getTextContent().strip())) {
                return true;
            }
        }
        return false;
    }

    private static boolean refersTo(Element project, String expression) {
        return project.getTextContent().toLowerCase(Locale.ROOT).contains(expression.toLowerCase(Locale.ROOT));
    }

    private static void defineEmpty(Element project, String property) {
        Element properties = child(project, "properties").orElseGet(() -> {
            Element created = project.getOwnerDocument().createElement("properties");
            project.appendChild(created);
            return created;
        });
        if (child(properties, property).isEmpty()) {
            properties.appendChild(project.getOwnerDocument().createElement(property));
        }
    }

    private static Goal goal(String text) {
        return Goal.parse(text);
    }
}

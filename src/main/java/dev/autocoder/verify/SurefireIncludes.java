package dev.autocoder.verify;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.shared.utils.io.SelectorUtils;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The test classes the project's test phase runs by name: surefire's {@code <includes>}, read from
 * the effective POM where Maven reads them for each execution of the phase ({@code default-test} and
 * every other execution of the {@code test} goal; each execution's own list, else the plugin's), or
 * surefire's defaults ({@code **}{@code /Test*.java}, {@code **}{@code /*Test.java},
 * {@code **}{@code /*Tests.java}, {@code **}{@code /*TestCase.java}) where neither names any.
 * Rounds choose among these classes, so that a project that names its tests {@code *Check} has
 * them run in the rounds that can tell about a candidate, not only in the final check. The same
 * reading of one execution tells which chosen tests that execution runs in a round.
 *
 * <p>A {@code <test>} in the POM names the tests instead, overriding includes and excludes as
 * surefire reads it: each class pattern ({@code *Check}, {@code com.acme.PriceCheck},
 * {@code com/acme/*Check.java}) matches as {@code **}{@code /pattern}, and one marked {@code !}
 * ({@code *Check, !SlowCheck}) leaves the classes it matches out, so a round never runs a test the
 * project's build does not.
 *
 * <p>Unknown when the project names its tests another way: an {@code includesFile},
 * {@code dependenciesToScan} (classes from a jar), a {@code %regex[...]} pattern, a method in
 * {@code <test>} ({@code #method}), or a {@code <test>} of exclusions only (surefire then runs
 * every class it finds). Then rounds choose among surefire's defaults, and the final check runs the
 * rest.
 */
final class SurefireIncludes {

    private static final List<String> DEFAULTS = List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java",
            "**/*TestCase.java");
    private static final List<String> OTHER_WAYS = List.of("includesFile", "dependenciesToScan");
    private static final String DEFAULT_TEST = "default-test";

    /** One execution's patterns: it runs a class that one of {@code included} matches and none of {@code excluded}. */
    private record Named(List<String> included, List<String> excluded) {
        Named {
            included = List.copyOf(included);
            excluded = List.copyOf(excluded);
        }

        boolean runs(String path) {
            return included.stream().anyMatch(pattern -> SelectorUtils.matchPath(pattern, path, true))
                    && excluded.stream().noneMatch(pattern -> SelectorUtils.matchPath(pattern, path, true));
        }
    }

    /** An execution that names no tests: surefire's defaults. */
    private static final Named DEFAULT_EXECUTION = new Named(DEFAULTS.stream().map(SurefireIncludes::pattern).toList(),
            List.of());

    /** The executions of the phase: a class runs when any of them runs it. */
    private final List<Named> executions;

    private SurefireIncludes(List<Named> executions) {
        this.executions = List.copyOf(executions);
    }

    private SurefireIncludes(Named execution) {
        this(List.of(execution));
    }

    /** Surefire's defaults. */
    static SurefireIncludes defaults() {
        return new SurefireIncludes(DEFAULT_EXECUTION);
    }

    /**
     * The includes of the project's test phase, or empty when its POM names its tests in a way
     * rounds cannot follow (or does not parse). The phase runs surefire's {@code default-test}
     * execution (unless the project moves it to phase {@code none}) and every other execution of
     * the {@code test} goal, each with its own includes or else the plugin's: the phase runs a
     * class that any of them includes.
     */
    static Optional<SurefireIncludes> of(String effectivePom) {
        return PomModel.read(effectivePom).flatMap(SurefireIncludes::of);
    }

    /** The includes of the test phase of this effective model; see {@link #of(String)}. */
    static Optional<SurefireIncludes> of(Model model) {
        Optional<Plugin> found = PomModel.mavenPlugin(PomModel.plugins(model), "maven-surefire-plugin");
        if (found.isEmpty()) {
            return Optional.of(defaults());
        }
        Plugin surefire = found.get();
        Optional<Xpp3Dom> plugin = PomModel.configuration(surefire);
        boolean defaultTestListed = surefire.getExecutions().stream()
                .anyMatch(execution -> execution.getId().equals(DEFAULT_TEST));
        List<Optional<Xpp3Dom>> running = new ArrayList<>();
        if (!defaultTestListed) {
            running.add(Optional.empty());
        }
        surefire.getExecutions().stream().filter(SurefireIncludes::runsInTheBuild)
                .forEach(execution -> running.add(PomModel.configuration(execution)));
        List<Named> executions = new ArrayList<>();
        for (Optional<Xpp3Dom> own : running) {
            Optional<Named> named = named(plugin, own);
            if (named.isEmpty()) {
                return Optional.empty();
            }
            executions.add(named.get());
        }
        return Optional.of(new SurefireIncludes(executions));
    }

    /**
     * The includes of one surefire execution whose own configuration is {@code own}, as Maven
     * merges it over the plugin's: empty when either names its tests in a way rounds cannot follow.
     */
    static Optional<SurefireIncludes> ofExecution(Optional<Xpp3Dom> plugin, Optional<Xpp3Dom> own) {
        return named(plugin, own).map(SurefireIncludes::new);
    }

    /** Whether an execution of the POM runs: {@code default-test}, or the {@code test} goal, at a phase. */
    private static boolean runsInTheBuild(PluginExecution execution) {
        boolean bound = execution.getId().equals(DEFAULT_TEST) || execution.getGoals().contains("test");
        return bound && !"none".equals(execution.getPhase());
    }

    /** The patterns of one execution, surefire's defaults where it names none; empty when unknown. */
    private static Optional<Named> named(Optional<Xpp3Dom> plugin, Optional<Xpp3Dom> own) {
        List<Xpp3Dom> configurations = new ArrayList<>();
        plugin.ifPresent(configurations::add);
        own.ifPresent(configurations::add);
        if (configurations.stream().anyMatch(configuration -> OTHER_WAYS.stream()
                .anyMatch(tag -> PomModel.child(configuration, tag).isPresent()))) {
            return Optional.empty();
        }
        Optional<String> test = PomModel.setting(plugin, own, "test").map(PomModel::value).filter(text -> !text.isEmpty());
        if (test.isPresent()) {
            return testPatterns(test.get());
        }
        // The execution's own list replaces the plugin's, as Maven merges a configuration's children.
        Optional<Xpp3Dom> includes = PomModel.setting(plugin, own, "includes");
        List<String> named = includes.map(list -> PomModel.children(list, "include").stream()
                .map(PomModel::value).filter(text -> !text.isEmpty()).toList())
                .orElse(List.of());
        if (named.isEmpty()) {
            return Optional.of(DEFAULT_EXECUTION);
        }
        if (named.stream().anyMatch(text -> text.startsWith("%regex[") || text.startsWith("%ant[")
                || text.contains("#") || text.startsWith("!"))) {
            return Optional.empty();
        }
        // Surefire reads a comma-separated list inside one include too.
        return Optional.of(new Named(named.stream().flatMap(text -> Stream.of(text.split(",")))
                .map(String::strip).filter(text -> !text.isEmpty()).map(SurefireIncludes::pattern).toList(), List.of()));
    }

    /**
     * Whether one surefire execution, as Maven merges its configuration over the plugin's, names its
     * tests with {@code <test>}, which overrides its includes and excludes.
     */
    static boolean namedByTest(Optional<Xpp3Dom> plugin, Optional<Xpp3Dom> own) {
        return PomModel.setting(plugin, own, "test").map(PomModel::value).filter(text -> !text.isEmpty()).isPresent();
    }

    /**
     * Surefire's {@code test} parameter as class patterns, read as surefire's {@code ResolvedTest}
     * reads them: a name without {@code /} is a (possibly qualified) class name whose dots are
     * package separators, every pattern may lie in any package ({@code **}{@code /}), and one that
     * starts with {@code !} excludes what it matches.
     */
    private static Optional<Named> testPatterns(String test) {
        List<String> included = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (String entry : test.split(",")) {
            String text = entry.strip();
            boolean exclusion = text.startsWith("!");
            if (exclusion) {
                text = text.substring(1).strip();
            }
            if (text.isEmpty()) {
                continue;
            }
            if (text.contains("#") || text.startsWith("%regex[") || text.startsWith("%ant[")) {
                return Optional.empty();
            }
            for (String extension : List.of(".java", ".class", ".*")) {
                if (text.endsWith(extension)) {
                    text = text.substring(0, text.length() - extension.length());
                }
            }
            if (!text.contains("/")) {
                text = text.replace('.', '/');
            }
            (exclusion ? excluded : included).add(pattern(text.startsWith("**/") ? text : "**/" + text));
        }
        return included.isEmpty() ? Optional.empty() : Optional.of(new Named(included, excluded));
    }

    /** Whether the test phase runs the top-level test class of this binary name by its name. */
    boolean includes(String binaryName) {
        String path = binaryName.replace('.', File.separatorChar);
        return executions.stream().anyMatch(execution -> execution.runs(path));
    }

    /** As a filter of binary names. */
    Predicate<String> asFilter() {
        return this::includes;
    }

    /**
     * An Ant pattern of a test source ({@code **}{@code /*Check.java}) as surefire reads it, without
     * its extension (surefire matches {@code .java} and {@code .class} alike), in the platform's
     * separators, as maven-shared-utils' {@code SelectorUtils} (surefire's own matcher) wants them.
     */
    private static String pattern(String ant) {
        String text = ant.replace('\\', '/');
        for (String extension : List.of(".java", ".class")) {
            if (text.endsWith(extension)) {
                text = text.substring(0, text.length() - extension.length());
            }
        }
        return (text.startsWith("/") ? text.substring(1) : text).replace('/', File.separatorChar);
    }
}

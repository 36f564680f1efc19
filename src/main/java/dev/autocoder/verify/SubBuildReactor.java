package dev.autocoder.verify;

import static dev.autocoder.verify.PomModel.append;
import static dev.autocoder.verify.PomModel.childOf;
import static dev.autocoder.verify.PomModel.configurationOf;
import static dev.autocoder.verify.PomModel.set;

import dev.autocoder.project.ProjectLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.maven.model.Build;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Lays out one sub-build on disk: an aggregator POM and one module per plan, each module a copy of
 * the module's base folder (see {@link ModuleCopy}) with the project's own effective POM, every
 * path below the base folder moved into the copy. With strict gates the plan's code lies in the
 * copy's own source folders, where the project's gates see it as they see the user's code;
 * otherwise (and for a file the project already has) in a source root below the copy's build
 * folder, added by autocoder's own (skipped) execution as the real build adds its output. A round
 * also gets its test selection. Everything else (resources, filtering, annotation processors,
 * compiler arguments, surefire's setup, the project's own checkstyle) is the project's.
 */
final class SubBuildReactor {

    static final String DEFAULT_CHECKSTYLE = "default-checkstyle.xml";
    /** The report of the checkstyle execution that looks at the plan's code only. */
    static final String CHECKSTYLE_REPORT = "autocoder-checkstyle.xml";
    /** Below the copy's build folder: where code goes that is not placed in the copy's own source folders. */
    static final String MAIN_SOURCES = "generated-sources/autocoder-candidate";
    /** The name of each project checkstyle execution's report: this, its id, {@code .xml}. */
    static final String PROJECT_CHECKSTYLE_REPORT = "autocoder-checkstyle-";
    /** The severity of an execution that never fails ({@code failOnViolation} false). */
    static final String NEVER_FAILS = "never";
    /** What a module's groupId ends with before its name: {@code com.acme.autocoder-c0}. */
    static final String GROUP_MARKER = ".autocoder-";
    static final String TEST_SOURCES = "generated-test-sources/autocoder-candidate";

    /** Settings the candidate's checkstyle execution sets itself, whatever the project's execution says. */
    private static final Set<String> OWN_CHECKSTYLE_ELEMENTS = Set.of("failOnViolation", "failsOnError",
            "violationSeverity", "outputFile", "outputFileFormat", "consoleOutput", "logViolationsToConsole", "skip",
            "includeTestSourceDirectory", "sourceDirectories", "testSourceDirectories", "sourceDirectory",
            "includeResources", "includeTestResources", "cacheFile", "includes");

    /**
     * One module of the reactor.
     *
     * @param own the candidate's units, whose findings are the model's
     * @param others the newest code of other tasks and parts, built along, whose findings are theirs
     * @param excludedTests project test files (below their root, forward slashes) left out of the
     *     test compile because they wait for types nobody has written yet
     * @param tests the test classes to run (fully qualified), or empty to run the project's whole
     *     configured test phase
     * @param trimming what a round leaves out of the build; {@link RoundTrimming#NONE} for the final
     *     check, which is the project's whole build
     * @param baseline whether the module only asks how tests end with this code (a baseline, or the
     *     final check's runs that leave a task out): then no gate can change the answer, so its code
     *     lies where the project's gates do not look, as without strict gates, and the candidate's
     *     checkstyle execution is left out. A gate that rejected a stub's one-line bodies or another
     *     task's unfinished code would stop the build before its tests, and the answer would be lost.
     * @param dependents whether the reactor's modules that build on this one
     *     ({@link ProjectLayout.BuildModel#dependentBuilds}) are built after it, on its copy, running
     *     the same tests: the final check and its runs that leave a task out
     */
    record Plan(List<CodeUnit> own, List<CodeUnit> others, List<String> excludedTests, Optional<List<String>> tests,
            RoundTrimming trimming, boolean baseline, boolean dependents) {
        /** A plan of this module alone. */
        Plan(List<CodeUnit> own, List<CodeUnit> others, List<String> excludedTests, Optional<List<String>> tests,
                RoundTrimming trimming, boolean baseline) {
            this(own, others, excludedTests, tests, trimming, baseline, false);
        }

        /** A candidate's plan: its code meets the project's gates. */
        Plan(List<CodeUnit> own, List<CodeUnit> others, List<String> excludedTests, Optional<List<String>> tests,
                RoundTrimming trimming) {
            this(own, others, excludedTests, tests, trimming, false);
        }

        /** This plan with the modules that build on this one built after it. */
        Plan withDependents() {
            return new Plan(own, others, excludedTests, tests, trimming, baseline, true);
        }

        /** A plan that runs the project's whole build, every goal included. */
        Plan(List<CodeUnit> own, List<CodeUnit> others, List<String> excludedTests, Optional<List<String>> tests) {
            this(own, others, excludedTests, tests, RoundTrimming.NONE);
        }

        /** A baseline's plan: this code and the project, running {@code tests} only to see how they end. */
        static Plan baseline(List<CodeUnit> code, List<String> excludedTests, List<String> tests,
                RoundTrimming trimming) {
            return new Plan(code, List.of(), excludedTests, Optional.of(tests), trimming, true);
        }

        Plan {
            own = List.copyOf(own);
            others = List.copyOf(others);
            excludedTests = List.copyOf(excludedTests);
            tests = tests.map(List::copyOf);
        }
    }

    /**
     * Where one module's code was written and which checkstyle reports it writes, for reading the
     * results back.
     *
     * @param units each file of the plan's code, as {@link SubBuildResults#comparable} spells its
     *     absolute path, with its key: {@code main:com/acme/Money.java} or {@code test:...}
     * @param checkstyleReports the file name of each checkstyle report below the module's build
     *     folder, with the severity from which a violation in it fails that execution
     * @param leftOut the goals the plan's trimming left out of the module's build, as
     *     {@link RoundTrimming#apply} names them: empty when the module runs the project's whole build
     */
    record ModuleFiles(Map<String, String> units, Map<String, String> checkstyleReports, List<String> leftOut) {
        ModuleFiles {
            units = Map.copyOf(units);
            checkstyleReports = Map.copyOf(checkstyleReports);
            leftOut = List.copyOf(leftOut);
        }
    }

    /**
     * Files of the project's {@code .mvn} folder that no sub-build gets from it: {@code maven.config}
     * (its {@code -D} and {@code -P} arrive through the outer session, less the plugin's own, and its
     * other flags were for the outer session) and {@code jvm.config} (written as
     * {@code SubBuildVerifier} prepared it).
     */
    static final Set<String> MVN_FILES_LEFT_OUT = Set.of("maven.config", "jvm.config");

    private final ProjectLayout layout;
    private final Path checkstyleConfig;
    private final String jvmConfig;
    private final Map<String, byte[]> mvnFiles;
    private final ModuleCopy copy;
    private final boolean strictGates;

    /** A reactor whose modules copy the whole module but its build folder, with strict gates. */
    SubBuildReactor(ProjectLayout layout, Path checkstyleConfig, String jvmConfig) {
        this(layout, checkstyleConfig, jvmConfig, new ModuleCopy(layout.baseDirectory(), layout.buildDirectory(),
                List.of()), true);
    }

    /**
     * @param checkstyleConfig a checkstyle configuration file that overrides the project's and the
     *     default one, or null
     * @param jvmConfig the {@code .mvn/jvm.config} text Maven's JVM runs with, or null for none
     * @param copy what each module copies of the module's base folder
     * @param strictGates place the plan's code in the copy's own source folders rather than in a
     *     generated source root
     */
    SubBuildReactor(ProjectLayout layout, Path checkstyleConfig, String jvmConfig, ModuleCopy copy,
            boolean strictGates) {
        this(layout, checkstyleConfig, jvmConfig, null, copy, strictGates);
    }

    /**
     * @param mvnFolder the project's {@code .mvn} folder, whose files (see {@link #carriedMvnFiles})
     *     every sub-build gets in its own {@code .mvn}, read once here; null for none
     */
    SubBuildReactor(ProjectLayout layout, Path checkstyleConfig, String jvmConfig, Path mvnFolder, ModuleCopy copy,
            boolean strictGates) {
        this.layout = layout;
        this.checkstyleConfig = checkstyleConfig;
        this.jvmConfig = jvmConfig;
        this.mvnFiles = carriedMvnFiles(mvnFolder);
        this.copy = copy;
        this.strictGates = strictGates;
    }

    /**
     * The files of the project's {@code .mvn} folder a sub-build gets, by name: every file directly
     * in it ({@code extensions.xml}, and what extensions read from there, such as
     * {@code maven-build-cache-config.xml}, {@code develocity.xml} or {@code gradle-enterprise.xml})
     * but {@link #MVN_FILES_LEFT_OUT}. No folder below it: {@code wrapper/} fetches a Maven the
     * sub-build does not run (it runs the outer build's), and the others hold what extensions keep
     * between builds (a local store, a cache), which a sub-build must neither read nor write.
     */
    static Map<String, byte[]> carriedMvnFiles(Path mvnFolder) {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        if (mvnFolder == null || !Files.isDirectory(mvnFolder)) {
            return files;
        }
        try (Stream<Path> entries = Files.list(mvnFolder)) {
            for (Path file : entries.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!MVN_FILES_LEFT_OUT.contains(name)) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the project's " + mvnFolder, e);
        }
        return files;
    }

    static String moduleName(int index) {
        return "c" + index;
    }

    /** The module that builds the {@code dependent}th dependent on module {@code index}: {@code c0-d1}. */
    static String dependentName(int index, int dependent) {
        return moduleName(index) + "-d" + dependent;
    }

    /** The dependents' modules a plan's module gets, by name, in reactor order: none unless it asks for them. */
    List<String> dependentModules(int index, Plan plan) {
        List<String> names = new ArrayList<>();
        if (plan.dependents()) {
            for (int k = 0; k < layout.build().dependentBuilds().size(); k++) {
                names.add(dependentName(index, k));
            }
        }
        return names;
    }

    /** Writes the reactor into an empty folder; what each module holds, by index. */
    List<ModuleFiles> write(Path folder, List<Plan> plans) throws IOException {
        // Maven looks upwards for .mvn/ (the work folder may lie inside the consuming project):
        // one here keeps the project's maven.config file out of the sub-build (its -D and -P
        // arrive through the outer session, less the plugin's own, and its other flags were for the
        // outer session), holds the project's jvm.config as SubBuildVerifier prepared it, and the
        // project's other .mvn files, so that the sub-build loads the core extensions the user's
        // build loads (a packaging or lifecycle of their own) with their configuration.
        Path mvn = Files.createDirectories(folder.resolve(".mvn"));
        if (jvmConfig != null) {
            Files.writeString(mvn.resolve("jvm.config"), jvmConfig, StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, byte[]> file : mvnFiles.entrySet()) {
            Files.write(mvn.resolve(file.getKey()), file.getValue());
        }
        StringBuilder modules = new StringBuilder();
        for (int i = 0; i < plans.size(); i++) {
            modules.append("    <module>").append(moduleName(i)).append("</module>\n");
            for (String dependent : dependentModules(i, plans.get(i))) {
                modules.append("    <module>").append(dependent).append("</module>\n");
            }
        }
        // Plain strings: the plugin descriptor's source parser (QDox) loses its place in this text as a text block.
        Files.writeString(folder.resolve("pom.xml"), String.join("\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">",
                "  <modelVersion>4.0.0</modelVersion>",
                "  <groupId>dev.autocoder.subbuild</groupId>",
                "  <artifactId>reactor</artifactId>",
                "  <version>0</version>",
                "  <packaging>pom</packaging>",
                "  <modules>",
                modules + "  </modules>",
                "</project>", ""));
        Path defaultRules = null;
        if (checkstyleConfig == null && layout.checkstyle().isEmpty()) {
            defaultRules = folder.resolve(DEFAULT_CHECKSTYLE);
            try (InputStream rules = Objects.requireNonNull(
                    SubBuildReactor.class.getResourceAsStream(DEFAULT_CHECKSTYLE), DEFAULT_CHECKSTYLE)) {
                Files.copy(rules, defaultRules);
            }
        }
        Path rules = checkstyleConfig != null ? checkstyleConfig : defaultRules;
        Map<String, String> jars = new HashMap<>();
        List<ModuleFiles> written = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Path module = folder.resolve(moduleName(i)).toAbsolutePath().normalize();
            copy.copyTo(module);
            Model model = PomModel.parse(copy.moveInto(layout.build().effectivePom(), module));
            // Before modulePom gives the copy coordinates of its own: how the dependents name this module.
            String key = model.getGroupId() + ":" + model.getArtifactId();
            Map<String, String> units = writeSources(module, model, plans.get(i));
            Map<String, String> reports = new LinkedHashMap<>();
            List<String> leftOut = new ArrayList<>();
            Files.writeString(module.resolve("pom.xml"), modulePom(model, folder, module, plans.get(i), rules, jars,
                    reports, leftOut), StandardCharsets.UTF_8);
            written.add(new ModuleFiles(units, reports, leftOut));
            if (plans.get(i).dependents()) {
                writeDependents(folder, i, key, model.getGroupId(), plans.get(i), jars);
            }
        }
        return written;
    }

    /**
     * Writes the modules that build on module {@code index}, each a copy of its own base folder with
     * its own effective POM: its dependencies on this module and on the other dependents point at
     * their copies in this reactor, and its tests run as the plan's do (every test of its
     * configured test phase, or the plan's test classes it has). Its build is the project's
     * otherwise: no candidate checkstyle, no trimming.
     */
    private void writeDependents(Path folder, int index, String key, String copyGroupId, Plan plan,
            Map<String, String> jars) throws IOException {
        List<ProjectLayout.DependentBuild> dependents = layout.build().dependentBuilds();
        // Each module's groupId:artifactId, as the dependents' POMs name it, to its copy's groupId.
        Map<String, String> copies = new HashMap<>();
        copies.put(key, copyGroupId);
        for (int k = 0; k < dependents.size(); k++) {
            String dependentKey = dependents.get(k).key();
            copies.put(dependentKey, dependentKey.substring(0, dependentKey.indexOf(':')) + GROUP_MARKER
                    + dependentName(index, k));
        }
        for (int k = 0; k < dependents.size(); k++) {
            ProjectLayout.DependentBuild dependent = dependents.get(k);
            Path module = folder.resolve(dependentName(index, k)).toAbsolutePath().normalize();
            ModuleCopy moduleCopy = copy.ofAnother(dependent.baseDirectory(), dependent.buildDirectory());
            moduleCopy.copyTo(module);
            Model model = PomModel.parse(moduleCopy.moveInto(dependent.effectivePom(), module));
            model.setGroupId(copies.get(dependent.key()));
            for (Dependency dependency : model.getDependencies()) {
                String copied = copies.get(dependency.getGroupId() + ":" + dependency.getArtifactId());
                if (copied != null) {
                    dependency.setGroupId(copied);
                }
            }
            if (model.getBuild() == null) {
                model.setBuild(new Build());
            }
            configureTests(plugin(model.getBuild().getPlugins(), "maven-surefire-plugin", "3.5.3"), plan.tests());
            jarSystemFolders(model, folder.resolve("deps"), jars);
            Files.writeString(module.resolve("pom.xml"), PomModel.write(model), StandardCharsets.UTF_8);
        }
    }

    /**
     * Writes the plan's code (the others' first, then the candidate's) into the module, and returns
     * where each file went. With strict gates a file goes to the copy's first main or test source
     * folder, unless the project has a file of that name there; otherwise to a source root below
     * the copy's build folder, as the real build has it.
     */
    private Map<String, String> writeSources(Path module, Model model, Plan plan) throws IOException {
        Path generatedMain = module.resolve(ModuleCopy.BUILD_FOLDER).resolve(MAIN_SOURCES);
        Path generatedTest = module.resolve(ModuleCopy.BUILD_FOLDER).resolve(TEST_SOURCES);
        Build build = model.getBuild();
        boolean strict = strictGates && !plan.baseline();
        Optional<Path> main = strict ? ownRoot(module, layout.mainSourceRoots(),
                build == null ? null : build.getSourceDirectory()) : Optional.empty();
        Optional<Path> test = strict ? ownRoot(module, layout.testSourceRoots(),
                build == null ? null : build.getTestSourceDirectory()) : Optional.empty();
        Map<String, String> units = new LinkedHashMap<>();
        Set<Path> ours = new HashSet<>();
        for (List<CodeUnit> group : List.of(plan.others(), plan.own())) {
            for (CodeUnit unit : group) {
                Optional<Path> root = unit.test() ? test : main;
                Optional<Path> placed = root.map(folder -> folder.resolve(unit.relativePath()))
                        .filter(file -> ours.contains(file) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS));
                Path generated = unit.test() ? generatedTest : generatedMain;
                Path file = placed.orElseGet(() -> generated.resolve(unit.relativePath()));
                Files.createDirectories(file.getParent());
                Files.writeString(file, unit.source(), StandardCharsets.UTF_8);
                ours.add(file);
                units.put(SubBuildResults.comparable(file.toString()), (unit.test() ? "test:" : "main:")
                        + SourceFile.slashes(unit.relativePath()));
            }
        }
        Files.createDirectories(generatedMain);
        Files.createDirectories(generatedTest);
        return units;
    }

    /**
     * The copy's first main (or test) source folder: the first of the project's that lies in the
     * module outside its build folder, else the one the effective POM names, when it lies in the
     * copy. A root below the build folder is some generator's output (another execution's, whose
     * code the sub-build reads from where the real build has it), not a folder gates look at, and
     * the copy's build folder starts empty.
     */
    private Optional<Path> ownRoot(Path module, List<Path> roots, String named) {
        Path buildDirectory = layout.buildDirectory().toAbsolutePath().normalize();
        for (Path root : roots) {
            if (root.toAbsolutePath().normalize().startsWith(buildDirectory)) {
                continue;
            }
            Optional<Path> moved = copy.moved(root, module);
            if (moved.isPresent()) {
                return moved;
            }
        }
        return Optional.ofNullable(named).filter(name -> !name.isBlank())
                .map(name -> Path.of(name.strip()).toAbsolutePath().normalize())
                .filter(root -> root.startsWith(module));
    }

    /** The project's effective POM, its paths already in the module's copy, made to build the plan there. */
    private String modulePom(Model model, Path folder, Path module, Plan plan, Path rules,
            Map<String, String> jars, Map<String, String> reports, List<String> leftOut) throws IOException {
        // Modules of one reactor need distinct coordinates. Resources often filter the name,
        // artifactId and version, so only the groupId changes; it also tells the modules apart
        // in Maven's log headers.
        String groupId = model.getGroupId() != null ? model.getGroupId()
                : model.getParent() != null ? model.getParent().getGroupId() : "";
        model.setGroupId(groupId.strip() + GROUP_MARKER + module.getFileName());
        if (model.getBuild() == null) {
            model.setBuild(new Build());
        }
        List<Plugin> plugins = model.getBuild().getPlugins();
        leftOut.addAll(plan.trimming().apply(model));
        addCandidateSources(plugins, module);
        configureTests(plugin(plugins, "maven-surefire-plugin", "3.5.3"), plan.tests());
        excludeTests(plugin(plugins, "maven-compiler-plugin", "3.14.0"), plan.excludedTests());
        reportProjectCheckstyle(plugins, module, reports);
        if (!plan.baseline()) {
            addCandidateCheckstyle(model, module, rules, plan);
            reports.put(CHECKSTYLE_REPORT, "error");
        }
        jarSystemFolders(model, folder.resolve("deps"), jars);
        return PomModel.write(model);
    }

    /**
     * Autocoder's own executions, skipped, add the candidate's folders as the real build adds its
     * output, and the outputs of the module's earlier autocoder executions as they stand.
     */
    private void addCandidateSources(List<Plugin> plugins, Path module) {
        String[] coordinates = layout.build().selfPlugin().split(":");
        Plugin plugin = new Plugin();
        plugin.setGroupId(coordinates[0]);
        plugin.setArtifactId(coordinates[1]);
        plugin.setVersion(coordinates[2]);
        List<ProjectLayout.GeneratedRoots> earlier = layout.build().earlierOutputs();
        for (int i = 0; i < earlier.size(); i++) {
            addRoots(plugin, "autocoder-earlier-" + i, earlier.get(i).main(), earlier.get(i).test());
        }
        Path target = module.resolve(ModuleCopy.BUILD_FOLDER);
        addRoots(plugin, "autocoder-candidate", target.resolve(MAIN_SOURCES), target.resolve(TEST_SOURCES));
        plugins.add(plugin);
    }

    private static void addRoots(Plugin plugin, String id, Path main, Path test) {
        PluginExecution execution = execution(id, "generate-sources", "generate");
        Xpp3Dom configuration = configurationOf(execution);
        append(configuration, "skip", "true");
        append(configuration, "outputDirectory", main.toAbsolutePath().toString());
        append(configuration, "testOutputDirectory", test.toAbsolutePath().toString());
        plugin.addExecution(execution);
    }

    private static PluginExecution execution(String id, String phase, String goal) {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.setPhase(phase);
        execution.addGoal(goal);
        return execution;
    }

    /**
     * A round runs the tests that can tell about the candidate, as surefire's {@code includes}, so
     * that the project's own {@code excludes}, {@code excludesFile} and groups still leave out what
     * its build leaves out.
     * A failing test does not stop the module: every test's outcome is read from surefire's reports
     * and charged by evidence, so a test the project fails on its own does not hide the others.
     * Maven merges the plugin's configuration into each execution and the execution's own setting
     * wins, so each setting goes into every execution's configuration as well as the plugin's. Each
     * execution runs only the chosen tests among those it includes in the project's build (its own
     * includes, else the plugin's, else surefire's defaults), and none when it includes none of
     * them; an execution whose tests rounds cannot follow by name runs every chosen test. Where the
     * project names an execution's tests with {@code <test>} (which overrides includes and excludes),
     * the round's share replaces that {@code <test>}, so the execution's rules stay the project's.
     */
    private static void configureTests(Plugin surefire, Optional<List<String>> tests) {
        List<Xpp3Dom> configurations = configurations(surefire);
        // Read before anything is changed: the plugin's configuration first, then each execution's.
        Optional<Xpp3Dom> plugin = Optional.of(configurations.get(0));
        List<List<String>> shares = tests.map(chosen -> configurations.stream().map(configuration -> {
            Optional<Xpp3Dom> own = configuration == plugin.get() ? Optional.empty() : Optional.of(configuration);
            return skipped(plugin, own) ? List.<String>of() : SurefireIncludes.ofExecution(plugin, own)
                    .map(includes -> chosen.stream().filter(includes.asFilter()).toList()).orElse(chosen);
        }).toList()).orElse(List.of());
        List<Boolean> namedByTest = configurations.stream().map(configuration -> SurefireIncludes.namedByTest(plugin,
                configuration == plugin.get() ? Optional.empty() : Optional.of(configuration))).toList();
        for (int i = 0; i < configurations.size(); i++) {
            Xpp3Dom configuration = configurations.get(i);
            set(configuration, "trimStackTrace", "false");
            set(configuration, "testFailureIgnore", "true");
            if (tests.isEmpty()) {
                continue;
            }
            set(configuration, "failIfNoSpecifiedTests", "false");
            // Said in each: an execution would otherwise take the plugin's skip when its own share is not empty.
            set(configuration, "skipTests", Boolean.toString(shares.get(i).isEmpty()));
            if (!shares.get(i).isEmpty() && namedByTest.get(i)) {
                // The project names this execution's tests with <test>, which overrides its includes
                // and excludes: the round narrows that <test> to its share, so that the same rules hold.
                set(configuration, "test", String.join(",", shares.get(i).stream()
                        .map(test -> test.replace('.', '/')).toList()));
                set(configuration, "failIfNoTests", "false");
            } else if (!shares.get(i).isEmpty()) {
                // Through includes, not surefire's test parameter: that one overrides the project's
                // excludes and excludesFile, so a round would run tests the project's build leaves out.
                PomModel.remove(configuration, "test");
                PomModel.remove(configuration, "includes");
                Xpp3Dom includes = append(configuration, "includes", null);
                shares.get(i).forEach(test -> append(includes, "include", test.replace('.', '/') + ".java"));
                set(configuration, "failIfNoTests", "false");
            }
        }
    }

    /** Whether the project's build skips this surefire execution ({@code skip} or {@code skipTests}, its own or the plugin's). */
    private static boolean skipped(Optional<Xpp3Dom> plugin, Optional<Xpp3Dom> own) {
        for (String name : List.of("skip", "skipTests", "skipExec")) {
            if (PomModel.setting(plugin, own, name).map(PomModel::value)
                    .filter("true"::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Project test files left out of the test compile, added to the compiler's own
     * {@code testExcludes} in the plugin's configuration and in every execution's that has its own
     * list (which would otherwise replace the plugin's).
     */
    private static void excludeTests(Plugin compiler, List<String> excluded) {
        if (excluded.isEmpty()) {
            return;
        }
        Xpp3Dom plugin = configurationOf(compiler);
        for (Xpp3Dom configuration : configurations(compiler)) {
            if (configuration == plugin || PomModel.child(configuration, "testExcludes").isPresent()) {
                Xpp3Dom testExcludes = childOf(configuration, "testExcludes");
                excluded.forEach(file -> append(testExcludes, "testExclude", file));
            }
        }
    }

    /** The plugin's configuration and that of each of its executions, each created when missing. */
    private static List<Xpp3Dom> configurations(Plugin plugin) {
        List<Xpp3Dom> configurations = new ArrayList<>();
        configurations.add(configurationOf(plugin));
        plugin.getExecutions().forEach(execution -> configurations.add(configurationOf(execution)));
        return configurations;
    }

    /**
     * Each of the project's checkstyle executions writes an XML report of its own, so that its
     * findings are read per file: one in the plan's code with its line and rule, one in the
     * project's file as the project's. The severity from which the execution fails goes with it.
     */
    private static void reportProjectCheckstyle(List<Plugin> plugins, Path module, Map<String, String> reports) {
        Optional<Plugin> plugin = PomModel.mavenPlugin(plugins, "maven-checkstyle-plugin");
        if (plugin.isEmpty()) {
            return;
        }
        Optional<Xpp3Dom> pluginConfiguration = PomModel.configuration(plugin.get());
        Path target = module.resolve(ModuleCopy.BUILD_FOLDER);
        for (PluginExecution execution : plugin.get().getExecutions()) {
            if (!execution.getGoals().contains("check")) {
                continue;
            }
            String report = PROJECT_CHECKSTYLE_REPORT + execution.getId().replaceAll("[^A-Za-z0-9_.-]", "_") + ".xml";
            Optional<Xpp3Dom> own = PomModel.configuration(execution);
            String severity = PomModel.setting(pluginConfiguration, own, "violationSeverity").map(PomModel::value)
                    .orElse("error");
            if (PomModel.setting(pluginConfiguration, own, "failOnViolation").map(PomModel::value)
                    .filter("false"::equals).isPresent()) {
                severity = NEVER_FAILS;
            }
            Xpp3Dom configuration = configurationOf(execution);
            set(configuration, "outputFileFormat", "xml");
            set(configuration, "outputFile", target.resolve(report).toString());
            // Read from the report: on the console a violation reads like a compiler error.
            set(configuration, "logViolationsToConsole", "false");
            reports.put(report, severity);
        }
    }

    /**
     * A checkstyle execution over the plan's main code only, with the project's rules (or the
     * override, or the built-in rules when the project has none), reporting to a file of its own.
     * The project's own checkstyle executions still run as its build runs them.
     */
    private void addCandidateCheckstyle(Model model, Path module, Path rules, Plan plan) {
        List<Plugin> plugins = model.getBuild().getPlugins();
        Optional<Plugin> found = PomModel.mavenPlugin(plugins, "maven-checkstyle-plugin");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Plugin plugin;
        if (found.isEmpty()) {
            plugin = plugin(plugins, "maven-checkstyle-plugin", "3.6.0");
            Dependency checkstyle = new Dependency();
            checkstyle.setGroupId("com.puppycrawl.tools");
            checkstyle.setArtifactId("checkstyle");
            checkstyle.setVersion("12.3.1");
            plugin.addDependency(checkstyle);
        } else {
            plugin = found.get();
            projectCheckConfiguration(plugin).ifPresent(projects -> copyChildren(projects, configuration));
        }
        if (rules != null) {
            set(configuration, "configLocation", rules.toAbsolutePath().toString());
        }
        Path target = module.resolve(ModuleCopy.BUILD_FOLDER);
        Xpp3Dom sources = append(configuration, "sourceDirectories", null);
        append(sources, "sourceDirectory", target.resolve(MAIN_SOURCES).toString());
        List<String> files = new ArrayList<>();
        for (CodeUnit unit : Stream.concat(plan.others().stream(), plan.own().stream()).toList()) {
            if (!unit.test()) {
                files.add(SourceFile.slashes(unit.relativePath()));
            }
        }
        // Strict gates put the code among the project's own files: only the plan's code is checked here,
        // the others' too (their findings are theirs, SubBuildResults reads only the candidate's), as
        // without strict gates, where this execution reads the whole generated folder. So a module
        // that passed checked all of its code, as a final check of that code does.
        if (strictGates && !files.isEmpty()) {
            ownRoot(module, layout.mainSourceRoots(), model.getBuild().getSourceDirectory())
                    .ifPresent(root -> append(sources, "sourceDirectory", root.toString()));
            set(configuration, "includes", String.join(",", files));
        }
        for (String[] setting : new String[][] {{"includeTestSourceDirectory", "false"}, {"includeResources", "false"},
                {"includeTestResources", "false"}, {"failOnViolation", "false"}, {"failsOnError", "false"},
                {"violationSeverity", "error"}, {"consoleOutput", "false"}, {"logViolationsToConsole", "false"},
                {"skip", "false"}, {"outputFileFormat", "xml"},
                {"outputFile", target.resolve(CHECKSTYLE_REPORT).toAbsolutePath().toString()},
                {"cacheFile", target.resolve("autocoder-checkstyle.cache").toAbsolutePath().toString()}}) {
            set(configuration, setting[0], setting[1]);
        }
        PluginExecution execution = execution("autocoder-checkstyle", "process-sources", "check");
        execution.setConfiguration(configuration);
        plugin.addExecution(execution);
    }

    /** The configuration of the project's first {@code check} execution, which holds its rules when the plugin's does not. */
    private static Optional<Xpp3Dom> projectCheckConfiguration(Plugin plugin) {
        return plugin.getExecutions().stream().filter(execution -> execution.getGoals().contains("check"))
                .flatMap(execution -> PomModel.configuration(execution).stream()).findFirst();
    }

    private static void copyChildren(Xpp3Dom from, Xpp3Dom to) {
        for (Xpp3Dom child : PomModel.children(from, null)) {
            if (!OWN_CHECKSTYLE_ELEMENTS.contains(child.getName())) {
                to.addChild(new Xpp3Dom(child));
            }
        }
    }

    /**
     * Maven accepts only files as system paths, and reactor modules arrive as class folders when the
     * outer build did not package them: those are packed into jars once per sub-build.
     */
    private static void jarSystemFolders(Model model, Path deps, Map<String, String> jars) throws IOException {
        for (Dependency dependency : everyDependency(model)) {
            if (dependency.getSystemPath() == null || dependency.getSystemPath().isBlank()) {
                continue;
            }
            Path folder = Path.of(dependency.getSystemPath().strip());
            if (Files.isDirectory(folder)) {
                String jar = jars.get(folder.toString());
                if (jar == null) {
                    jar = asJar(folder, deps.resolve(jars.size() + "-" + folder.getParent().getFileName() + ".jar"));
                    jars.put(folder.toString(), jar);
                }
                dependency.setSystemPath(jar);
            }
        }
    }

    /** The model's dependencies, managed ones and those of its build's plugins, managed ones too. */
    private static List<Dependency> everyDependency(Model model) {
        List<Dependency> dependencies = new ArrayList<>(model.getDependencies());
        if (model.getDependencyManagement() != null) {
            dependencies.addAll(model.getDependencyManagement().getDependencies());
        }
        Build build = model.getBuild();
        if (build != null) {
            build.getPlugins().forEach(plugin -> dependencies.addAll(plugin.getDependencies()));
            if (build.getPluginManagement() != null) {
                build.getPluginManagement().getPlugins().forEach(plugin -> dependencies.addAll(plugin.getDependencies()));
            }
        }
        return dependencies;
    }

    private static String asJar(Path folder, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(SourceFile.slashes(folder.relativize(file))));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar.toAbsolutePath().toString();
    }

    /** The build plugin of this artifactId, added with the given version when the POM has none. */
    private Plugin plugin(List<Plugin> plugins, String artifactId, String fallbackVersion) {
        return PomModel.mavenPlugin(plugins, artifactId).orElseGet(() -> {
            Plugin plugin = new Plugin();
            plugin.setGroupId(PomModel.MAVEN_PLUGINS);
            plugin.setArtifactId(artifactId);
            plugin.setVersion(layout.pluginVersions().getOrDefault(artifactId, fallbackVersion));
            plugins.add(plugin);
            return plugin;
        });
    }

    /** The module a module is built on: itself, or for a dependent's module ({@code c0-d1}) the plan's ({@code c0}). */
    static String builtOn(String module) {
        int dependent = module.indexOf("-d");
        return dependent < 0 ? module : module.substring(0, dependent);
    }

    /** The module folders by name, for reading results back. */
    static Map<String, Integer> indexByName(int modules) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < modules; i++) {
            index.put(moduleName(i), i);
        }
        return index;
    }
}

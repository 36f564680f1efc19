package dev.autocoder.verify;

import dev.autocoder.project.ProjectLayout;
import java.io.ByteArrayInputStream;
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
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

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
     */
    record Plan(List<CodeUnit> own, List<CodeUnit> others, List<String> excludedTests, Optional<List<String>> tests,
            RoundTrimming trimming) {
        /** A plan that runs the project's whole build, every goal included. */
        Plan(List<CodeUnit> own, List<CodeUnit> others, List<String> excludedTests, Optional<List<String>> tests) {
            this(own, others, excludedTests, tests, RoundTrimming.NONE);
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
            Document document = parse(layout.build().effectivePom());
            copy.moveInto(document, module);
            Map<String, String> units = writeSources(module, document, plans.get(i));
            Map<String, String> reports = new LinkedHashMap<>();
            List<String> leftOut = new ArrayList<>();
            Files.writeString(module.resolve("pom.xml"), modulePom(document, folder, module, plans.get(i), rules, jars,
                    reports, leftOut), StandardCharsets.UTF_8);
            written.add(new ModuleFiles(units, reports, leftOut));
        }
        return written;
    }

    /**
     * Writes the plan's code (the others' first, then the candidate's) into the module, and returns
     * where each file went. With strict gates a file goes to the copy's first main or test source
     * folder, unless the project has a file of that name there; otherwise to a source root below
     * the copy's build folder, as the real build has it.
     */
    private Map<String, String> writeSources(Path module, Document document, Plan plan) throws IOException {
        Path generatedMain = module.resolve(ModuleCopy.BUILD_FOLDER).resolve(MAIN_SOURCES);
        Path generatedTest = module.resolve(ModuleCopy.BUILD_FOLDER).resolve(TEST_SOURCES);
        Optional<Path> main = strictGates ? ownRoot(module, layout.mainSourceRoots(), document, "sourceDirectory")
                : Optional.empty();
        Optional<Path> test = strictGates ? ownRoot(module, layout.testSourceRoots(), document, "testSourceDirectory")
                : Optional.empty();
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
    private Optional<Path> ownRoot(Path module, List<Path> roots, Document document, String tag) {
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
        return PomElements.child(document.getDocumentElement(), "build").flatMap(build -> PomElements.child(build, tag))
                .map(element -> Path.of(element.getTextContent().strip()).toAbsolutePath().normalize())
                .filter(root -> root.startsWith(module));
    }

    /** The project's effective POM, its paths already in the module's copy, made to build the plan there. */
    private String modulePom(Document document, Path folder, Path module, Plan plan, Path rules,
            Map<String, String> jars, Map<String, String> reports, List<String> leftOut) throws IOException {
        Element project = document.getDocumentElement();
        // Modules of one reactor need distinct coordinates. Resources often filter the name,
        // artifactId and version, so only the groupId changes; it also tells the modules apart
        // in Maven's log headers.
        Element groupId = child(project, "groupId");
        groupId.setTextContent(groupId.getTextContent().strip() + GROUP_MARKER + module.getFileName());
        Element plugins = child(child(project, "build"), "plugins");
        leftOut.addAll(plan.trimming().apply(plugins));
        addCandidateSources(plugins, module);
        configureTests(plugin(plugins, "maven-surefire-plugin", "3.5.3"), plan.tests());
        excludeTests(plugin(plugins, "maven-compiler-plugin", "3.14.0"), plan.excludedTests());
        reportProjectCheckstyle(plugins, module, reports);
        addCandidateCheckstyle(plugins, module, rules, plan);
        reports.put(CHECKSTYLE_REPORT, "error");
        jarSystemFolders(project, folder.resolve("deps"), jars);
        return serialize(document);
    }

    /**
     * Autocoder's own executions, skipped, add the candidate's folders as the real build adds its
     * output, and the outputs of the module's earlier autocoder executions as they stand.
     */
    private void addCandidateSources(Element plugins, Path module) {
        String[] coordinates = layout.build().selfPlugin().split(":");
        Element plugin = append(plugins, "plugin");
        text(plugin, "groupId", coordinates[0]);
        text(plugin, "artifactId", coordinates[1]);
        text(plugin, "version", coordinates[2]);
        Element executions = append(plugin, "executions");
        List<ProjectLayout.GeneratedRoots> earlier = layout.build().earlierOutputs();
        for (int i = 0; i < earlier.size(); i++) {
            addRoots(executions, "autocoder-earlier-" + i, earlier.get(i).main(), earlier.get(i).test());
        }
        Path target = module.resolve(ModuleCopy.BUILD_FOLDER);
        addRoots(executions, "autocoder-candidate", target.resolve(MAIN_SOURCES), target.resolve(TEST_SOURCES));
    }

    private static void addRoots(Element executions, String id, Path main, Path test) {
        Element execution = append(executions, "execution");
        text(execution, "id", id);
        text(execution, "phase", "generate-sources");
        text(append(execution, "goals"), "goal", "generate");
        Element configuration = append(execution, "configuration");
        text(configuration, "skip", "true");
        text(configuration, "outputDirectory", main.toAbsolutePath().toString());
        text(configuration, "testOutputDirectory", test.toAbsolutePath().toString());
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
     * them; an execution whose tests rounds cannot follow by name runs every chosen test.
     */
    private static void configureTests(Element surefire, Optional<List<String>> tests) {
        List<Element> configurations = configurations(surefire);
        // Read before anything is changed: the plugin's configuration first, then each execution's.
        Optional<Element> plugin = Optional.of(configurations.get(0));
        List<List<String>> shares = tests.map(chosen -> configurations.stream().map(configuration -> {
            Optional<Element> own = configuration == plugin.get() ? Optional.empty() : Optional.of(configuration);
            return skipped(plugin, own) ? List.<String>of() : SurefireIncludes.ofExecution(plugin, own)
                    .map(includes -> chosen.stream().filter(includes.asFilter()).toList()).orElse(chosen);
        }).toList()).orElse(List.of());
        for (int i = 0; i < configurations.size(); i++) {
            Element configuration = configurations.get(i);
            set(configuration, "trimStackTrace", "false");
            set(configuration, "testFailureIgnore", "true");
            if (tests.isEmpty()) {
                continue;
            }
            set(configuration, "failIfNoSpecifiedTests", "false");
            // Said in each: an execution would otherwise take the plugin's skip when its own share is not empty.
            set(configuration, "skipTests", Boolean.toString(shares.get(i).isEmpty()));
            if (!shares.get(i).isEmpty()) {
                // Through includes, not surefire's test parameter: that one overrides the project's
                // excludes and excludesFile, so a round would run tests the project's build leaves out.
                PomElements.child(configuration, "test").ifPresent(configuration::removeChild);
                PomElements.child(configuration, "includes").ifPresent(configuration::removeChild);
                Element includes = append(configuration, "includes");
                shares.get(i).forEach(test -> text(includes, "include", test.replace('.', '/') + ".java"));
                set(configuration, "failIfNoTests", "false");
            }
        }
    }

    /** Whether the project's build skips this surefire execution ({@code skip} or {@code skipTests}, its own or the plugin's). */
    private static boolean skipped(Optional<Element> plugin, Optional<Element> own) {
        for (String name : List.of("skip", "skipTests", "skipExec")) {
            if (PomElements.setting(plugin, own, name).map(element -> element.getTextContent().strip())
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
    private static void excludeTests(Element compiler, List<String> excluded) {
        if (excluded.isEmpty()) {
            return;
        }
        Element plugin = child(compiler, "configuration");
        for (Element configuration : configurations(compiler)) {
            if (configuration == plugin || PomElements.child(configuration, "testExcludes").isPresent()) {
                Element testExcludes = child(configuration, "testExcludes");
                excluded.forEach(file -> text(testExcludes, "testExclude", file));
            }
        }
    }

    /** The plugin's configuration (created when missing) and that of each of its executions. */
    private static List<Element> configurations(Element plugin) {
        List<Element> configurations = new java.util.ArrayList<>();
        configurations.add(child(plugin, "configuration"));
        PomElements.child(plugin, "executions").ifPresent(executions -> PomElements.children(executions, "execution")
                .forEach(execution -> configurations.add(child(execution, "configuration"))));
        return configurations;
    }

    /**
     * Each of the project's checkstyle executions writes an XML report of its own, so that its
     * findings are read per file: one in the plan's code with its line and rule, one in the
     * project's file as the project's. The severity from which the execution fails goes with it.
     */
    private static void reportProjectCheckstyle(Element plugins, Path module, Map<String, String> reports) {
        Optional<Element> plugin = PomElements.mavenPlugin(plugins, "maven-checkstyle-plugin");
        Optional<Element> executions = plugin.flatMap(found -> PomElements.child(found, "executions"));
        if (executions.isEmpty()) {
            return;
        }
        String pluginSeverity = PomElements.child(plugin.get(), "configuration")
                .flatMap(c -> PomElements.child(c, "violationSeverity"))
                .map(element -> element.getTextContent().strip()).orElse("error");
        Path target = module.resolve(ModuleCopy.BUILD_FOLDER);
        for (Element execution : PomElements.children(executions.get(), "execution")) {
            if (!PomElements.binds(execution, "check")) {
                continue;
            }
            String id = PomElements.executionId(execution);
            String report = PROJECT_CHECKSTYLE_REPORT + id.replaceAll("[^A-Za-z0-9_.-]", "_") + ".xml";
            Element configuration = child(execution, "configuration");
            String severity = PomElements.child(configuration, "violationSeverity").map(e -> e.getTextContent().strip())
                    .orElse(pluginSeverity);
            if (PomElements.child(configuration, "failOnViolation").or(() -> PomElements.child(plugin.get(), "configuration")
                    .flatMap(c -> PomElements.child(c, "failOnViolation"))).map(e -> e.getTextContent().strip())
                    .filter("false"::equals).isPresent()) {
                severity = NEVER_FAILS;
            }
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
    private void addCandidateCheckstyle(Element plugins, Path module, Path rules, Plan plan) {
        Element plugin = PomElements.mavenPlugin(plugins, "maven-checkstyle-plugin").orElse(null);
        Element configuration = document(plugins).createElement("configuration");
        if (plugin == null) {
            plugin = plugin(plugins, "maven-checkstyle-plugin", "3.6.0");
            Element dependency = append(append(plugin, "dependencies"), "dependency");
            text(dependency, "groupId", "com.puppycrawl.tools");
            text(dependency, "artifactId", "checkstyle");
            text(dependency, "version", "12.3.1");
        } else {
            projectCheckConfiguration(plugin).ifPresent(projects -> copyChildren(projects, configuration));
        }
        if (rules != null) {
            set(configuration, "configLocation", rules.toAbsolutePath().toString());
        }
        Path target = module.resolve(ModuleCopy.BUILD_FOLDER);
        Element sources = child(configuration, "sourceDirectories");
        text(sources, "sourceDirectory", target.resolve(MAIN_SOURCES).toString());
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
            ownRoot(module, layout.mainSourceRoots(), document(plugins), "sourceDirectory")
                    .ifPresent(root -> text(sources, "sourceDirectory", root.toString()));
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
        Element execution = append(child(plugin, "executions"), "execution");
        text(execution, "id", "autocoder-checkstyle");
        text(execution, "phase", "process-sources");
        text(append(execution, "goals"), "goal", "check");
        execution.appendChild(configuration);
    }

    /** The configuration of the project's first {@code check} execution, which holds its rules when the plugin's does not. */
    private static Optional<Element> projectCheckConfiguration(Element plugin) {
        Element executions = PomElements.child(plugin, "executions").orElse(null);
        if (executions == null) {
            return Optional.empty();
        }
        for (Element execution : PomElements.children(executions, "execution")) {
            Optional<Element> configuration = PomElements.child(execution, "configuration");
            if (PomElements.binds(execution, "check") && configuration.isPresent()) {
                return configuration;
            }
        }
        return Optional.empty();
    }

    private static void copyChildren(Element from, Element to) {
        for (Element child : PomElements.children(from, null)) {
            if (!OWN_CHECKSTYLE_ELEMENTS.contains(child.getTagName())) {
                to.appendChild(child.cloneNode(true));
            }
        }
    }

    /**
     * Maven accepts only files as system paths, and reactor modules arrive as class folders when the
     * outer build did not package them: those are packed into jars once per sub-build.
     */
    private static void jarSystemFolders(Element project, Path deps, Map<String, String> jars) throws IOException {
        NodeList paths = project.getElementsByTagName("systemPath");
        for (int i = 0; i < paths.getLength(); i++) {
            Element systemPath = (Element) paths.item(i);
            Path dependency = Path.of(systemPath.getTextContent().strip());
            if (Files.isDirectory(dependency)) {
                String jar = jars.get(dependency.toString());
                if (jar == null) {
                    jar = asJar(dependency, deps.resolve(jars.size() + "-" + dependency.getParent().getFileName() + ".jar"));
                    jars.put(dependency.toString(), jar);
                }
                systemPath.setTextContent(jar);
            }
        }
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
    private Element plugin(Element plugins, String artifactId, String fallbackVersion) {
        return PomElements.mavenPlugin(plugins, artifactId).orElseGet(() -> {
            Element plugin = append(plugins, "plugin");
            text(plugin, "groupId", "org.apache.maven.plugins");
            text(plugin, "artifactId", artifactId);
            text(plugin, "version", layout.pluginVersions().getOrDefault(artifactId, fallbackVersion));
            return plugin;
        });
    }

    /** The direct child of this name, created when missing. */
    private static Element child(Element parent, String tag) {
        return PomElements.child(parent, tag).orElseGet(() -> append(parent, tag));
    }

    private static Element append(Element parent, String tag) {
        Element element = document(parent).createElement(tag);
        parent.appendChild(element);
        return element;
    }

    private static void text(Element parent, String tag, String value) {
        append(parent, tag).setTextContent(value);
    }

    /** Sets a single-valued setting, replacing what the project had there. */
    private static void set(Element configuration, String tag, String value) {
        PomElements.child(configuration, tag).ifPresent(configuration::removeChild);
        text(configuration, tag, value);
    }

    private static Document document(Node node) {
        return node instanceof Document document ? document : node.getOwnerDocument();
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("the project's effective POM is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static String serialize(Document document) {
        try {
            javax.xml.transform.Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            java.io.StringWriter out = new java.io.StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException("cannot write the sub-build's POM", e));
        }
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

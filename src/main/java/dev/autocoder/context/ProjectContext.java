package dev.autocoder.context;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import dev.autocoder.project.Dependency;
import dev.autocoder.project.ProjectLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds, for one task, a bounded view of the consuming project that the model's code must fit:
 * the Java release and dependencies, the files the spec names, the project's tests about the task's
 * types, and the signatures of the project and dependency classes those refer to. The text is a pure
 * function of the project's files and the task, so it can be part of fingerprints and cassette keys.
 */
public final class ProjectContext {

    /**
     * The context for one task.
     *
     * @param text the sections that fit the budget, most relevant first
     * @param included what the text holds, one label each ({@code test src/test/java/MoneyTest.java})
     * @param leftOut what did not fit, with its size ({@code signatures src/main/java/A.java (812 chars)})
     */
    public record Context(String text, List<String> included, List<String> leftOut) {
        public Context {
            Objects.requireNonNull(text, "text");
            included = List.copyOf(included);
            leftOut = List.copyOf(leftOut);
        }

        /**
         * The text without the project summary (Java release, dependency versions), which always comes
         * first: what the task is about rather than what it is built against. A new dependency version
         * calls for verifying the code again, not for writing it again.
         */
        public String withoutProjectSummary() {
            if (included.isEmpty() || !included.get(0).equals("project")) {
                return text;
            }
            // The summary is one fenced section with no backticks inside, so its fence closes it.
            int end = text.indexOf("\n```\n") + "\n```\n".length();
            return text.substring(end < text.length() && text.charAt(end) == '\n' ? end + 1 : end);
        }
    }

    // Where a test's imports come from the JDK; such names never make it a test about the task.
    private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.");

    private final ProjectLayout project;
    private final int budgetChars;
    private final ProjectFiles files;

    /** A context whose specs may name no git-ignored or secret-looking file. */
    public ProjectContext(ProjectLayout project, int budgetChars) {
        this(project, budgetChars, Set.of());
    }

    /**
     * @param project the consuming project
     * @param budgetChars the most characters the context text may have
     * @param allowedFiles project-relative files a spec may name although they are git-ignored or
     *     look like secrets ({@code .env.example})
     */
    public ProjectContext(ProjectLayout project, int budgetChars, Set<String> allowedFiles) {
        this.project = Objects.requireNonNull(project, "project");
        if (budgetChars < 0) {
            throw new IllegalArgumentException("the context budget must not be negative, was " + budgetChars);
        }
        this.budgetChars = budgetChars;
        this.files = new ProjectFiles(project.baseDirectory(), allowedFiles);
    }

    /**
     * The context for a task.
     *
     * @param taskName the task's name
     * @param taskDescription the task's plain-words description; the type names it mentions decide
     *     which tests and classes are relevant
     * @param contextFiles project-relative files the spec asks to show in full
     * @throws ContextException when a context file is outside the project, missing, git-ignored or
     *     looks like a secret
     */
    public Context build(String taskName, String taskDescription, List<String> contextFiles) {
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(taskDescription, "taskDescription");
        // every named file is checked before any work, so a bad path fails fast and alone
        List<ProjectFile> specFiles = contextFiles.stream().map(files::specFile).toList();
        ContextPacker packer = new ContextPacker(budgetChars);
        packer.offer("project", "Project", projectSummary(), "");
        // a file the spec names is shown in full once, never again as a test or as signatures
        Set<String> shown = specFiles.stream().map(ProjectFile::path).collect(Collectors.toSet());
        for (ProjectFile file : specFiles) {
            packer.offer("file " + file.path(), "File " + file.path(), file.text(), language(file.path()));
        }

        // the task name is prefixed so that a capitalised name (MoneyTransfer) does not start a sentence
        Set<String> taskTypes = TypeNames.simpleNames("task " + taskName + "\n" + taskDescription);
        try (DependencyClasses classes = new DependencyClasses(project.dependencies())) {
            List<ParsedSource> includedTests = offerTests(packer, taskTypes, shown, classes);

            Set<String> specTypes = new TreeSet<>(taskTypes);
            specFiles.forEach(file -> specTypes.addAll(TypeNames.simpleNames(file.text())));
            Map<String, Integer> testMentions = new HashMap<>();
            for (ParsedSource test : includedTests) {
                test.nameCounts().forEach((name, n) -> testMentions.merge(name, n, Integer::sum));
            }
            Set<String> mainTypes = offerMainSignatures(packer, specTypes, testMentions, shown);

            Set<String> usedNames = new HashSet<>(testMentions.keySet());
            usedNames.addAll(List.of(taskDescription.split("\\W+")));
            for (String className : dependencyCandidates(taskDescription, taskTypes, mainTypes, includedTests,
                    classes)) {
                classes.find(className).ifPresent(found -> offerDependencyClass(packer, found, usedNames));
            }
        }
        return packer.result();
    }

    /**
     * Offers a dependency class whole or, when that does not fit (Assertions has hundreds of
     * overloads), only the members the spec and the included tests name.
     */
    private static void offerDependencyClass(ContextPacker packer, DependencyClasses.Found found,
            Set<String> usedNames) {
        String from = found.className() + " from " + found.dependency().coordinates();
        String whole;
        try {
            whole = ClassFileSignatures.render(found.bytes());
        } catch (IllegalArgumentException e) {
            // a class file newer or stranger than this reader costs its section, not the whole context
            packer.skip("dependency " + from, e.getMessage());
            return;
        }
        if (!packer.offer("dependency " + from, "Signatures of " + from, whole, "java")) {
            packer.offer("dependency " + from + ", members used", "Signatures of " + from
                    + ", only the members used here", ClassFileSignatures.render(found.bytes(), usedNames::contains),
                    "java");
        }
    }

    /**
     * The sections of a context text, most relevant first, each with its {@code ###} heading: what a
     * request that must shrink cuts from the end.
     */
    public static List<String> sections(String contextText) {
        return ContextPacker.sections(contextText);
    }

    /** A one-line summary for a debug log: size, and what was included and left out. */
    public static String describe(Context context) {
        return "project context: " + context.text().length() + " chars; included " + context.included().size()
                + " " + context.included() + "; left out " + context.leftOut().size() + " " + context.leftOut();
    }

    private String projectSummary() {
        List<String> direct = project.dependencies().stream()
                .filter(Dependency::direct)
                .map(d -> d.coordinates() + " (" + d.scope() + ")")
                .sorted()
                .toList();
        StringBuilder out = new StringBuilder("Java release: ").append(project.javaRelease()).append('\n');
        project.compiler().test().release().filter(release -> !release.equals(project.javaRelease()))
                .ifPresent(release -> out.append("Java release of the tests: ").append(release).append('\n'));
        if (direct.isEmpty()) {
            return out.append("Direct dependencies: none\n").toString();
        }
        out.append("Direct dependencies (use only APIs that exist at these versions):\n");
        direct.forEach(d -> out.append("- ").append(d).append('\n'));
        return out.toString();
    }

    /** A parsed source with the names its code mentions. */
    private record ParsedSource(ProjectFile file, CompilationUnitTree unit, Map<String, Integer> nameCounts) {
        /**
         * How often the code names the task's types, leaving out names it imports from the JDK or a
         * dependency: a spec that says `List` means java.util.List, and every test of every other
         * task uses it too, so counting it would make a task's context grow with the project.
         */
        int mentionsOfProjectTypes(Set<String> names, DependencyClasses classes) {
            Set<String> outside = new HashSet<>();
            for (ImportTree anImport : unit.getImports()) {
                String imported = anImport.getQualifiedIdentifier().toString();
                int dot = imported.lastIndexOf('.');
                if (anImport.isStatic() || dot < 0) {
                    continue;
                }
                String owner = imported.substring(0, dot);
                String last = imported.substring(dot + 1);
                if (!last.equals("*") && isOutsideTheProject(imported, classes)) {
                    outside.add(last);
                } else if (last.equals("*")) {
                    names.stream().filter(name -> isOutsideTheProject(owner + "." + name, classes))
                            .forEach(outside::add);
                }
            }
            return names.stream().filter(name -> !outside.contains(name))
                    .mapToInt(name -> nameCounts.getOrDefault(name, 0)).sum();
        }

        private static boolean isOutsideTheProject(String className, DependencyClasses classes) {
            return JDK_PACKAGES.stream().anyMatch(className::startsWith)
                    && ClassLoader.getPlatformClassLoader().getResource(className.replace('.', '/') + ".class") != null
                    || classes.find(className).isPresent();
        }
    }

    private static List<ParsedSource> parse(List<ProjectFile> sources) {
        List<CompilationUnitTree> units = JavaSources.parse(sources);
        List<ParsedSource> parsed = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            parsed.add(new ParsedSource(sources.get(i), units.get(i), JavaSources.nameCounts(units.get(i))));
        }
        return parsed;
    }

    /** Offers the tests about the task's types in full; returns those that fit. */
    private List<ParsedSource> offerTests(ContextPacker packer, Set<String> taskTypes, Set<String> shown,
            DependencyClasses classes) {
        List<ParsedSource> included = new ArrayList<>();
        for (ParsedSource test : testsMentioning(taskTypes, shown, classes)) {
            String path = test.file().path();
            if (packer.offer("test " + path, "Test " + path, test.file().text(), "java")) {
                included.add(test);
            }
        }
        return included;
    }

    // In test-first work these tests are the specification, so the most mentions rank first.
    private List<ParsedSource> testsMentioning(Set<String> taskTypes, Set<String> shown, DependencyClasses classes) {
        if (taskTypes.isEmpty()) {
            return List.of();
        }
        // a plain text search first, so only candidate tests pay for parsing
        List<ProjectFile> candidates = files.javaFiles(project.testSourceRoots()).stream()
                .map(files::read)
                .filter(file -> !shown.contains(file.path()))
                .filter(file -> taskTypes.stream().anyMatch(file.text()::contains))
                .toList();
        Map<ParsedSource, Integer> mentions = new HashMap<>();
        parse(candidates).forEach(test -> mentions.put(test, test.mentionsOfProjectTypes(taskTypes, classes)));
        return mentions.keySet().stream()
                .filter(test -> mentions.get(test) > 0)
                .sorted(Comparator.comparingInt((ParsedSource test) -> -mentions.get(test))
                        .thenComparing(test -> test.file().path()))
                .toList();
    }

    /** Offers the signatures of the main classes the spec and tests name; returns every main type name. */
    private Set<String> offerMainSignatures(ContextPacker packer, Set<String> specTypes,
            Map<String, Integer> testMentions, Set<String> shown) {
        Map<String, List<Path>> mainByName = new TreeMap<>();
        for (Path file : files.javaFiles(project.mainSourceRoots())) {
            String name = file.getFileName().toString();
            mainByName.computeIfAbsent(name.substring(0, name.length() - ".java".length()), k -> new ArrayList<>())
                    .add(file);
        }
        // the spec's own types first, then those the tests use most
        Set<String> ranked = new LinkedHashSet<>();
        specTypes.stream().filter(mainByName::containsKey).forEach(ranked::add);
        testMentions.entrySet().stream()
                .filter(e -> mainByName.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ranked.add(e.getKey()));
        List<ProjectFile> sources = ranked.stream()
                .flatMap(name -> mainByName.get(name).stream())
                .map(files::read)
                .filter(file -> !shown.contains(file.path()))
                .toList();
        for (ParsedSource source : parse(sources)) {
            packer.offer("signatures " + source.file().path(), "Signatures of " + source.file().path(),
                    SourceSignatures.render(source.unit()), "java");
        }
        return mainByName.keySet();
    }

    /**
     * Dependency classes worth showing, best first: those the spec names, then those the included tests
     * use, by how often. Simple names resolve through the tests' imports; a simple name the spec uses
     * that no import explains is looked up in the direct dependencies.
     */
    private static List<String> dependencyCandidates(String description, Set<String> taskTypes,
            Set<String> mainTypes, List<ParsedSource> tests, DependencyClasses classes) {
        Set<String> specNamed = new TreeSet<>(TypeNames.qualifiedNames(description));
        Map<String, Integer> uses = new TreeMap<>();
        for (ParsedSource test : tests) {
            importedUses(test).forEach((name, n) -> uses.merge(name, n, Integer::sum));
        }
        Set<String> resolvedSimpleNames = new HashSet<>();
        uses.keySet().forEach(name -> resolvedSimpleNames.add(name.substring(name.lastIndexOf('.') + 1)));
        specNamed.forEach(name -> resolvedSimpleNames.add(name.substring(name.lastIndexOf('.') + 1)));
        for (String type : taskTypes) {
            if (!mainTypes.contains(type) && !resolvedSimpleNames.contains(type)) {
                specNamed.addAll(classes.namedInDirectDependencies(type));
            }
        }
        Map<String, Integer> ranked = new LinkedHashMap<>();
        specNamed.forEach(name -> ranked.put(name, Integer.MAX_VALUE));
        uses.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ranked.putIfAbsent(e.getKey(), e.getValue()));
        return ranked.keySet().stream().filter(name -> !name.startsWith("java.")).toList();
    }

    /** The imported classes a test uses, with how often its code names them. */
    private static Map<String, Integer> importedUses(ParsedSource test) {
        Map<String, Integer> uses = new TreeMap<>();
        Map<String, Integer> counts = test.nameCounts();
        for (ImportTree anImport : test.unit().getImports()) {
            String imported = anImport.getQualifiedIdentifier().toString();
            int dot = imported.lastIndexOf('.');
            if (dot < 0) {
                continue;
            }
            String owner = imported.substring(0, dot);
            String last = imported.substring(dot + 1);
            if (anImport.isStatic()) {
                // import static org.junit.jupiter.api.Assertions.assertEquals: the class is what to show
                uses.merge(owner, last.equals("*") ? 1 : counts.getOrDefault(last, 0), Integer::sum);
            } else if (last.equals("*")) {
                counts.forEach((name, n) -> {
                    if (Character.isUpperCase(name.charAt(0))) {
                        uses.merge(owner + "." + name, n, Integer::sum);
                    }
                });
            } else if (counts.getOrDefault(last, 0) > 0) {
                uses.merge(imported, counts.get(last), Integer::sum);
            }
        }
        uses.values().removeIf(n -> n == 0);
        return uses;
    }

    private static String language(String path) {
        return path.endsWith(".java") ? "java" : "";
    }
}

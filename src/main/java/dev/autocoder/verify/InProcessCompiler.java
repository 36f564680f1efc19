package dev.autocoder.verify;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import dev.autocoder.project.ProjectLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.apache.maven.shared.utils.io.MatchPatterns;

/**
 * Compiles a candidate in memory together with the project's sources and the code verified so
 * far: main code on the main classpath first, then the tests against it, leaving out project tests
 * that only wait for types another task has not written yet.
 */
public final class InProcessCompiler implements Verifier, AutoCloseable {

    /** Closes the classpaths of a compiler that was dropped without {@link #close}. */
    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

    /** How many rounds of leaving out waiting tests before giving up; each round can free others. */
    private static final int MAX_EXCLUSION_ROUNDS = 5;
    private static final int CACHE_SIZE = 32;

    /**
     * What compiling a candidate showed.
     *
     * @param verdict blocking COMPILE findings, plus advice naming the tests left out
     * @param compilingProjectTests the project's test files that compile with this candidate, which a
     *     sub-build may run
     * @param excludedProjectTests the project's test files left out because they refer to types that
     *     do not exist yet, as paths relative to their test source root
     * @param selection the compiled classes' dependency graph, which tells which tests can depend
     *     on a type; empty when the tests did not compile, so that no selection can be made
     * @param missingTypes for each test left out, the simple names of the types (or the packages)
     *     it refers to and nobody wrote, as javac names them
     */
    public record Outcome(Verdict verdict, List<SourceFile> compilingProjectTests, List<String> excludedProjectTests,
            Optional<TestSelection> selection, Map<String, Set<String>> missingTypes) {
        public Outcome {
            compilingProjectTests = List.copyOf(compilingProjectTests);
            excludedProjectTests = List.copyOf(excludedProjectTests);
            missingTypes = Map.copyOf(missingTypes);
        }

        Outcome(Verdict verdict) {
            this(verdict, List.of(), List.of(), Optional.empty(), Map.of());
        }
    }

    /** How an error about a type the build generates is reported: left to the sub-build. */
    private static final String GENERATED = "the in-process compile does not see a type the build generates: ";

    /** How a project file's error that is neither the model's nor waiting is reported. */
    private static final String CANNOT_CHECK = "the in-process compile could not check the project's file: ";

    private final ProjectLayout layout;
    private final Function<String, List<CodeUnit>> others;
    private final Consumer<String> notices;
    private final Set<String> noticed = ConcurrentHashMap.newKeySet();
    private final JavaCompiler compiler;
    /** Why the project's own code does not compile in process as its build compiles it; set at the first check. */
    private Optional<String> projectProblem;
    /** Outcomes by a candidate's code and the others' it was checked with. */
    private final Compiles<List<Object>> cache = new Compiles<>();
    /**
     * Outcomes by the set of code compiled, a candidate's with the others': one that found nothing
     * to judge is the same for every candidate whose code and others' code make up the set, whoever
     * is the candidate, since no error is there to judge by its file and no test is left out. After
     * one task's new code, every task's check compiles the same set (issue 21: a round's checks
     * compiled it once per task, one after another).
     */
    private final Compiles<Set<CodeUnit>> clean = new Compiles<>();
    private final SourceTexts sourceTexts;
    private final Classpaths classpaths;
    /**
     * Types (or {@code package x}) that files miss in process but that a sub-build's compile of the
     * same code had: the build's own generators write them ({@link #learnCompiled}).
     */
    private final Set<String> generated = ConcurrentHashMap.newKeySet();
    private volatile Runnable onGenerated = () -> { };

    /**
     * @param layout the project: its sources, dependencies, release and javac setup
     * @param others the newest code of the other tasks and parts, by the name of the task or part
     *     asking, read at each check (see {@link CandidateBoard#others})
     */
    public InProcessCompiler(ProjectLayout layout, Function<String, List<CodeUnit>> others) {
        this(layout, others, message -> { });
    }

    /**
     * @param layout the project: its sources, dependencies, releases and javac setup
     * @param others the newest code of the other tasks and parts, by the name of the task or part
     *     asking, read at each check (see {@link CandidateBoard#others})
     * @param notices told once, for each reason, why a compile is handed to the sub-build
     */
    public InProcessCompiler(ProjectLayout layout, Function<String, List<CodeUnit>> others, Consumer<String> notices) {
        this(layout, others, notices, true);
    }

    /**
     * @param keepClasspathsOpen keep javac's view of the classpath (every jar's index) from one
     *     compile to the next ({@link Classpaths}); false opens it afresh for each compile, which
     *     only a benchmark compares against
     */
    InProcessCompiler(ProjectLayout layout, Function<String, List<CodeUnit>> others, Consumer<String> notices,
            boolean keepClasspathsOpen) {
        this.layout = layout;
        this.others = others;
        this.notices = notices;
        this.sourceTexts = new SourceTexts(layout.compiler().encoding());
        this.compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime; run Maven on a JDK, not a JRE");
        }
        this.classpaths = new Classpaths(compiler, layout, keepClasspathsOpen);
        CLEANER.register(this, classpaths::close);
    }

    /**
     * Does now the work the first check would start with: compiles the project's own code alone,
     * once, which opens the classpath's jars and warms javac in this JVM. A run calls this on a
     * thread of its own while the model writes the first candidates, so that the seconds a cold
     * javac takes hide behind the model's; a check that comes first waits for it, and it is never
     * done twice. Nothing is judged here: a failure shows at the first check.
     */
    public void warmUp() {
        try {
            projectProblem();
        } catch (RuntimeException e) {
            // The first check compiles again and reports what went wrong there.
        }
    }

    /** What to do when {@link #learnCompiled} learns a generated type: wake the checks that wait for types. */
    public void onGenerated(Runnable action) {
        this.onGenerated = action;
    }

    /**
     * Tells the compiler that a sub-build's javac compiled the code this outcome is for, with these
     * findings. The types that outcome's files missed, when the in-process compile missed nothing
     * else, and that no finding of the sub-build misses, existed there: the build generates them (a
     * template, a code generator bound before {@code compile}), and the in-process compile never
     * sees them. From now on a file that misses only such types is not judged here, and its
     * compile is left to the sub-build, which runs the whole test suite (no closure can be
     * computed without them). Returns whether it learned a type it did not know.
     */
    public boolean learnCompiled(Outcome compiled, List<Feedback> subBuildFindings) {
        Set<String> missing = new java.util.TreeSet<>(missingTypes(compiled.verdict()));
        subBuildFindings.forEach(finding -> finding.missingTypes().forEach(missing::remove));
        if (missing.isEmpty() || !generated.addAll(missing)) {
            return false;
        }
        cache.clear();
        clean.clear();
        onGenerated.run();
        return true;
    }

    /** The types (or {@code package x}) a verdict's waits say are missing, when waits are all it has; else none. */
    private static Set<String> missingTypes(Verdict verdict) {
        Set<String> missing = new java.util.TreeSet<>();
        for (Feedback finding : verdict.feedback()) {
            if (!finding.blocking()) {
                continue;
            }
            List<String> names = finding.missingTypes();
            if (finding.stage() != Feedback.Stage.WAITING || names.isEmpty()) {
                return Set.of();
            }
            missing.addAll(names);
        }
        return missing;
    }

    /** Whether a formatted error says only that a generated type is missing. */
    private boolean missesGenerated(String message) {
        List<String> missing = Feedback.missingTypes(message);
        return !missing.isEmpty() && generated.containsAll(missing);
    }

    /** Releases the jars this compiler keeps open; a later compile opens them again. */
    @Override
    public void close() {
        classpaths.close();
    }

    @Override
    public Verdict verify(Candidate candidate) {
        return check(candidate).verdict();
    }

    /**
     * Compiles the candidate with the project and the others' newest code; cached for repeated calls.
     * Checks of different code compile at the same time; a check of code being compiled waits for it.
     */
    public Outcome check(Candidate candidate) {
        List<CodeUnit> theirs = withoutReplaced(others.apply(candidate.taskName()), candidate.units());
        return cache.once(List.of(candidate.units(), theirs), outcome -> true,
                () -> compileOrHandOver(candidate.units(), theirs));
    }

    /** Compiles every verified unit together with the project, as the final check of a run. */
    public Outcome checkTogether(List<CodeUnit> allVerified) {
        return compileOrHandOver(allVerified, List.of());
    }

    /**
     * The compile, unless it cannot reproduce the project's: when javac in this JVM fails on the
     * project's own code alone (an option it refuses, a module descriptor at a release without
     * modules, a processor that crashes, an error in a project file that no task's type explains),
     * or fails on this compile in a way no file explains, its verdict would not be about the
     * candidate. Then nothing is judged here and nothing is left out: the sub-build compiles
     * everything as the project's build does and runs the whole test suite.
     */
    private Outcome compileOrHandOver(List<CodeUnit> own, List<CodeUnit> theirs) {
        Optional<String> problem = projectProblem();
        if (problem.isPresent()) {
            return handOver(problem.get());
        }
        try {
            return compile(own, theirs);
        } catch (Unreproducible e) {
            return handOver(e.getMessage());
        }
    }

    /**
     * Why the project's own code does not compile in process, found once by compiling it alone: an
     * error that no missing type explains, in a file that waits for no type a task will write.
     */
    private synchronized Optional<String> projectProblem() {
        if (projectProblem == null) {
            projectProblem = moduleProblem().or(() -> {
                try {
                    List<Feedback> findings = compile(List.of(), List.of()).verdict().feedback();
                    Set<String> waiting = findings.stream().filter(finding -> finding.stage() == Feedback.Stage.WAITING)
                            .map(finding -> fileOf(finding.message())).collect(Collectors.toSet());
                    return findings.stream().filter(finding -> finding.message().startsWith(CANNOT_CHECK))
                            .map(finding -> finding.message().substring(CANNOT_CHECK.length()))
                            .filter(message -> !waiting.contains(fileOf(message))).findFirst();
                } catch (Unreproducible e) {
                    return Optional.of(e.getMessage());
                }
            });
        }
        return projectProblem;
    }

    /** The file a finding ({@code com/acme/Money.java:12: ...}) is in. */
    private static String fileOf(String finding) {
        int colon = finding.indexOf(':');
        return colon < 0 ? finding : finding.substring(0, colon);
    }

    /**
     * A module descriptor the main compile includes at a release without modules, which javac
     * refuses (the project's build fails on it too). One at release 9 or later is left out of the
     * in-process compile, which compiles the module's classes as the unnamed module does; the
     * sub-build compiles the descriptor.
     */
    private Optional<String> moduleProblem() {
        boolean descriptor = selected(layout.mainSourceRoots(), layout.compiler().main()).stream()
                .anyMatch(InProcessCompiler::isModuleDescriptor);
        String release = release(layout.compiler().main());
        return descriptor && feature(release) < 9 ? Optional.of("the main compile includes module-info.java at"
                + " release " + release + ", which has no modules") : Optional.empty();
    }

    /** What a check says when the sub-build must do the compile: nothing judged, nothing left out. */
    private Outcome handOver(String reason) {
        if (noticed.add(reason)) {
            notices.accept("autocoder: the in-process compile cannot reproduce the project's compile (" + reason
                    + "); the sub-build compiles the code and runs the whole test suite instead");
        }
        return new Outcome(Verdict.PASSED, testSources(), List.of(), Optional.empty(), Map.of());
    }

    /** The main sources the project's {@code default-compile} compiles, less a module descriptor. */
    private List<SourceFile> mainSources() {
        return withoutDescriptor(selected(layout.mainSourceRoots(), layout.compiler().main()));
    }

    /** The test sources the project's {@code default-testCompile} compiles, less a module descriptor. */
    private List<SourceFile> testSources() {
        return withoutDescriptor(selected(layout.testSourceRoots(), layout.compiler().test()));
    }

    /**
     * The files below the roots that a compile's includes and excludes select, matched as the
     * compiler plugin's source scanner matches them (Ant patterns relative to each root; every
     * {@code .java} file when there are no includes).
     */
    static List<SourceFile> selected(List<Path> roots, ProjectLayout.CompilerSetup.Compile compile) {
        List<SourceFile> all = SourceFile.under(roots);
        if (compile.includes().isEmpty() && compile.excludes().isEmpty()) {
            return all;
        }
        MatchPatterns includes = patterns(compile.includes().isEmpty() ? List.of("**/*.java") : compile.includes());
        MatchPatterns excludes = patterns(compile.excludes());
        return all.stream().filter(file -> {
            String path = file.relativePath().toString().replace('/', java.io.File.separatorChar);
            return includes.matches(path, true) && !excludes.matches(path, true);
        }).toList();
    }

    /** Patterns as the scanner reads them: either slash, and a trailing one meaning everything below. */
    private static MatchPatterns patterns(List<String> patterns) {
        return MatchPatterns.from(patterns.stream().map(pattern -> {
            if (pattern.startsWith("%regex[")) {
                return pattern;
            }
            String normalized = pattern.strip().replace('/', java.io.File.separatorChar)
                    .replace('\\', java.io.File.separatorChar);
            return normalized.endsWith(java.io.File.separator) ? normalized + "**" : normalized;
        }).toArray(String[]::new));
    }

    private static boolean isModuleDescriptor(SourceFile file) {
        return file.relativePath().toString().equals("module-info.java");
    }

    private static List<SourceFile> withoutDescriptor(List<SourceFile> files) {
        return files.stream().filter(file -> !isModuleDescriptor(file)).toList();
    }

    private String release(ProjectLayout.CompilerSetup.Compile compile) {
        return compile.release().orElse(layout.javaRelease());
    }

    /** A release's feature number ({@code 8}, {@code 17}), or a large one when it cannot be read. */
    private static int feature(String release) {
        Matcher digits = Pattern.compile("^(?:1\\.)?(\\d+)").matcher(release.strip());
        return digits.find() ? Integer.parseInt(digits.group(1)) : Integer.MAX_VALUE;
    }

    /**
     * Compiles by a key, each a future from the moment its compile starts, the least recently used
     * dropped past {@value #CACHE_SIZE}: compiles under different keys run at the same time, each
     * outside the map's lock, and a compile under a key already compiling waits for that one. It
     * takes that outcome where {@code reusable} accepts it, and compiles itself otherwise, as after
     * a compile that threw (whose own caller reports why).
     */
    private static final class Compiles<K> {
        private final Map<K, CompletableFuture<Outcome>> futures = java.util.Collections.synchronizedMap(
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<K, CompletableFuture<Outcome>> eldest) {
                        return size() > CACHE_SIZE;
                    }
                });

        Outcome once(K key, java.util.function.Predicate<Outcome> reusable, java.util.function.Supplier<Outcome> compile) {
            CompletableFuture<Outcome> mine = new CompletableFuture<>();
            CompletableFuture<Outcome> earlier = futures.putIfAbsent(key, mine);
            if (earlier != null) {
                Outcome shared = earlier.exceptionally(failed -> null).join();
                return shared != null && reusable.test(shared) ? shared : compile.get();
            }
            try {
                Outcome outcome = compile.get();
                mine.complete(outcome);
                return outcome;
            } catch (RuntimeException | Error e) {
                futures.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }

        void clear() {
            futures.clear();
        }
    }

    /** The compile failed in a way that says nothing about the code: javac refused or crashed. */
    private static final class Unreproducible extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreproducible(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** The units that stay once the candidate's own units replace their namesakes. */
    static List<CodeUnit> withoutReplaced(List<CodeUnit> units, Collection<CodeUnit> own) {
        Set<String> ownNames = own.stream().map(CodeUnit::qualifiedName).collect(Collectors.toSet());
        return units.stream().filter(unit -> !ownNames.contains(unit.qualifiedName())).toList();
    }

    /**
     * Compiles the candidate's units with the others' and the project's, and judges each error by
     * the file it is in: the candidate's own files are the model's; a project file is the model's
     * only when the error names one of the candidate's types, waits when it misses a type nobody
     * wrote yet, and is left to the sub-build otherwise; the others' files are theirs.
     */
    private Outcome compile(List<CodeUnit> own, List<CodeUnit> theirs) {
        List<String> known = new ArrayList<>();
        mainSources().forEach(file -> known.add(typeOf(file)));
        testSources().forEach(file -> known.add(typeOf(file)));
        theirs.forEach(unit -> known.add(unit.qualifiedName()));
        Attribution attribution = new Attribution(own, known, this::missesGenerated);
        try (MemoryFileManager mainFiles = fileManager(false);
                MemoryFileManager testFiles = fileManager(true)) {
            List<Feedback> redeclared = redeclared(own, testFiles);
            if (!redeclared.isEmpty()) {
                return new Outcome(new Verdict(redeclared));
            }
            Set<CodeUnit> code = new HashSet<>(own);
            code.addAll(theirs);
            // Where that code is being or was compiled and nothing was found, that outcome is this one too;
            // where something was found, it is judged here by whose file it is, which differs by candidate.
            return clean.once(code, InProcessCompiler::isClean,
                    () -> compile(own, theirs, attribution, mainFiles, testFiles));
        }
    }

    /** Whether a compile found nothing to judge: no error or warning, no test left out. */
    private static boolean isClean(Outcome outcome) {
        return outcome.verdict().feedback().isEmpty() && outcome.excludedProjectTests().isEmpty()
                && outcome.missingTypes().isEmpty() && outcome.selection().isPresent();
    }

    /** Compiles the candidate's units with the others' and the project's main code, then the tests. */
    private Outcome compile(List<CodeUnit> own, List<CodeUnit> theirs, Attribution attribution,
            MemoryFileManager mainFiles, MemoryFileManager testFiles) {
        List<JavaFileObject> mainSources = new ArrayList<>(mainSources().stream().map(this::source).toList());
        theirs.stream().filter(unit -> !unit.test()).map(unit -> source(unit, false)).forEach(mainSources::add);
        own.stream().filter(unit -> !unit.test()).map(unit -> source(unit, true)).forEach(mainSources::add);
        DiagnosticCauses mainErrors = run(mainFiles, mainSources, layout.compiler().main());
        if (!mainErrors.errors().isEmpty()) {
            List<Feedback> findings = attribution.judge(mainErrors);
            if (findings.stream().anyMatch(f -> f.message().startsWith(GENERATED))
                    && findings.stream().noneMatch(Feedback::blocking)) {
                // Only types the build generates are missing: nothing is judged here and nothing is
                // left out; the sub-build compiles everything and runs the whole test suite.
                return new Outcome(new Verdict(findings), testSources(), List.of(), Optional.empty(), Map.of());
            }
            return new Outcome(new Verdict(findings));
        }
        testFiles.withClasses(mainFiles);
        List<JavaFileObject> tests = new ArrayList<>();
        theirs.stream().filter(CodeUnit::test).map(unit -> source(unit, false)).forEach(tests::add);
        own.stream().filter(CodeUnit::test).map(unit -> source(unit, true)).forEach(tests::add);
        return compileTests(testFiles, tests, attribution);
    }

    /** Compiles the tests, leaving out project tests that wait for types nobody has written yet. */
    private Outcome compileTests(MemoryFileManager testFiles, List<JavaFileObject> unitTests, Attribution attribution) {
        Map<SourceFile, JavaFileObject> included = new LinkedHashMap<>();
        testSources().forEach(file -> included.put(file, source(file)));
        List<String> excluded = new ArrayList<>();
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        DiagnosticCauses testErrors = DiagnosticCauses.withoutTrees(List.of());
        for (int round = 0; round < MAX_EXCLUSION_ROUNDS; round++) {
            List<JavaFileObject> testSources = new ArrayList<>(included.values());
            testSources.addAll(unitTests);
            testErrors = testSources.isEmpty() ? DiagnosticCauses.withoutTrees(List.of())
                    : run(testFiles.fresh(), testSources, layout.compiler().test());
            Set<SourceFile> waiting = waitingTests(included, testErrors, attribution.roots(testErrors));
            if (waiting.isEmpty()) {
                break;
            }
            for (SourceFile file : waiting) {
                missing.put(file.displayName(), missingNames(testErrors, included.remove(file)));
                excluded.add(file.displayName());
            }
        }
        List<Feedback> findings = new ArrayList<>(attribution.judge(testErrors));
        for (String file : excluded) {
            findings.add(Feedback.advice(Feedback.Stage.COMPILE, "left out the test " + file
                    + ": it refers to types that do not exist yet"));
        }
        Optional<TestSelection> selection = testErrors.errors().isEmpty()
                ? Optional.of(TestSelection.of(bytes(testFiles.upstream), bytes(testFiles.classes),
                        testFiles.allConstantUses())) : Optional.empty();
        return new Outcome(new Verdict(findings), List.copyOf(included.keySet()), excluded, selection, missing);
    }

    /** The simple names of the types, and the packages, a file's errors say do not exist. */
    private static Set<String> missingNames(DiagnosticCauses errors, JavaFileObject file) {
        Set<String> names = new java.util.TreeSet<>();
        for (Diagnostic<? extends JavaFileObject> error : errors.errors()) {
            if (error.getSource() != file) {
                continue;
            }
            for (String line : error.getMessage(Locale.ENGLISH).lines().map(String::strip).toList()) {
                Matcher symbol = MISSING_SYMBOL.matcher(line);
                if (symbol.find()) {
                    names.add(symbol.group(1) != null ? symbol.group(1) : symbol.group(2));
                }
            }
        }
        return names;
    }

    /** The bytes of in-memory classes, by binary name. */
    private static Map<String, byte[]> bytes(Map<String, MemoryClass> classes) {
        Map<String, byte[]> bytes = new HashMap<>();
        classes.forEach((name, compiled) -> bytes.put(name, compiled.bytes.toByteArray()));
        return bytes;
    }

    /** Whose fault each compile error is, by the file it is in, the types it names and what it follows from. */
    private static final class Attribution {
        private final ProjectFileJudge projectFiles;
        private final List<CodeUnit> own;

        private final List<String> known;

        private final java.util.function.Predicate<String> generated;

        Attribution(List<CodeUnit> own, List<String> known, java.util.function.Predicate<String> generated) {
            this.projectFiles = new ProjectFileJudge(own);
            this.own = List.copyOf(own);
            this.known = List.copyOf(known);
            this.generated = generated;
        }

        RootCauses roots(DiagnosticCauses causes) {
            return new RootCauses(own, known, causes);
        }

        List<Feedback> judge(DiagnosticCauses causes) {
            RootCauses roots = roots(causes);
            Set<String> seen = new HashSet<>();
            List<Feedback> findings = new ArrayList<>(roots.findings());
            for (Diagnostic<? extends JavaFileObject> error : causes.errors()) {
                String message = format(error);
                if (roots.follows(error)) {
                    continue;
                }
                if (seen.add(message)) {
                    judge(error, message, causes).ifPresent(findings::add);
                }
            }
            roots.summary().ifPresent(findings::add);
            return findings;
        }

        private java.util.Optional<Feedback> judge(Diagnostic<? extends JavaFileObject> error, String message,
                DiagnosticCauses causes) {
            if (!(error.getSource() instanceof Named file)) {
                return java.util.Optional.of(Feedback.blocking(Feedback.Stage.COMPILE, message));
            }
            boolean waits = isMissingType(error, file) || causes.isCascade(error, InProcessCompiler::unsettled);
            if (waits && generated.test(message)) {
                // A type the build generates, which javac here never sees: the sub-build compiles this.
                return java.util.Optional.of(Feedback.advice(Feedback.Stage.PROJECT, GENERATED + message));
            }
            if (file.owner() == Owner.CANDIDATE) {
                return java.util.Optional.of(Feedback.blocking(waits ? Feedback.Stage.WAITING
                        : Feedback.Stage.COMPILE, message));
            }
            if (file.owner() == Owner.OTHERS) {
                return java.util.Optional.empty();
            }
            // javac in this JVM may lack something of the real build; the sub-build decides.
            return projectFiles.judge(Feedback.Stage.COMPILE, message, waits,
                    () -> java.util.Optional.of(Feedback.advice(Feedback.Stage.COMPILE, CANNOT_CHECK + message)));
        }
    }

    /** Code another task or part is still writing: what the board holds of the others. */
    private static boolean unsettled(JavaFileObject file) {
        return file.toUri().toString().startsWith("memory:///" + Owner.OTHERS.name().toLowerCase(Locale.ROOT) + "/");
    }

    /**
     * Errors whose cause is in the candidate's own file: a missing or wrong {@code package} line,
     * which makes every use of the type elsewhere miss it, or a project type used without its
     * import. Each becomes one finding at the candidate's file and line; the errors that only follow
     * from it are summarised rather than listed.
     */
    private static final class RootCauses {
        private final Map<String, Feedback> roots = new TreeMap<>();
        private final Set<Diagnostic<? extends JavaFileObject>> followers = java.util.Collections.newSetFromMap(
                new java.util.IdentityHashMap<>());
        private final List<String> elsewhere = new ArrayList<>();

        RootCauses(List<CodeUnit> own, List<String> otherTypes, DiagnosticCauses causes) {
            Map<String, List<String>> known = new HashMap<>();
            Map<String, JavaFileObject> ownFiles = new HashMap<>();
            List<JavaFileObject> compiled = causes.errors().stream().map(Diagnostic::getSource)
                    .filter(java.util.Objects::nonNull).distinct().map(file -> (JavaFileObject) file).toList();
            for (Diagnostic<? extends JavaFileObject> error : causes.errors()) {
                if (error.getSource() instanceof Named named && named.owner() == Owner.CANDIDATE) {
                    ownFiles.put(named.displayName(), named);
                }
            }
            own.forEach(unit -> addKnown(known, unit.qualifiedName()));
            otherTypes.forEach(type -> addKnown(known, type));
            boolean packaged = compiled.stream().anyMatch(file -> !causes.packageOf(file).isEmpty())
                    || own.stream().anyMatch(unit -> !unit.packageName().isEmpty());
            for (Diagnostic<? extends JavaFileObject> error : causes.errors()) {
                if (!(error.getSource() instanceof Named file)) {
                    continue;
                }
                Optional<DiagnosticCauses.MissingType> missing = causes.missingType(error);
                if (missing.isEmpty()) {
                    continue;
                }
                String name = missing.get().simpleName();
                String filePackage = causes.packageOf(file);
                String expected = missing.get().packageName()
                        .orElse(causes.importedPackage(file, name).orElse(filePackage));
                for (CodeUnit unit : own) {
                    if (!unit.typeName().equals(name) || expected == null || expected.equals(unit.packageName())
                            || !packaged) {
                        continue;
                    }
                    String path = SourceFile.slashes(unit.relativePath());
                    String user = file.owner() == Owner.CANDIDATE && file.displayName().equals(path) ? "its own code"
                            : file.displayName();
                    String line = unit.packageName().isEmpty()
                            ? path + ":1: " + unit.typeName() + " has no package line, but " + user + " uses it as "
                                    + qualified(expected, name) + ": begin the file with `package " + expected + ";`"
                            : path + ":" + lineOf(causes, ownFiles.get(path)) + ": declares package "
                                    + unit.packageName() + ", but " + user + " uses " + name + " as "
                                    + qualified(expected, name) + ": the package line must be `package " + expected
                                    + ";`";
                    roots.putIfAbsent(path, Feedback.blocking(Feedback.Stage.COMPILE, line));
                    follow(error, file, path);
                }
                if (followers.contains(error) || file.owner() != Owner.CANDIDATE
                        || missing.get().packageName().isPresent()) {
                    continue;
                }
                List<String> packages = known.getOrDefault(name, List.of()).stream()
                        .filter(pkg -> !pkg.isEmpty() && !pkg.equals(filePackage)).distinct().toList();
                if (!packages.isEmpty() && filePackage.isEmpty()) {
                    // A file without a package line cannot import from its package: that line is the cause.
                    roots.putIfAbsent(file.displayName(), Feedback.blocking(Feedback.Stage.COMPILE,
                            file.displayName() + ":1: this file has no package line, so it sees none of the types of"
                                    + " the package it belongs to (" + name + " is " + packages.get(0) + "." + name
                                    + "): begin the file with its package, for example `package " + packages.get(0)
                                    + ";`"));
                    followers.add(error);
                    continue;
                }
                if (packages.size() == 1 && !causes.importsSimpleName(file, name)) {
                    String key = file.displayName() + ":" + error.getLineNumber() + ":" + name;
                    roots.putIfAbsent(key, Feedback.blocking(Feedback.Stage.COMPILE, file.displayName() + ":"
                            + error.getLineNumber() + ": " + name + " is " + packages.get(0) + "." + name
                            + ", and this file does not import it: add `import " + packages.get(0) + "." + name + ";`"));
                    followers.add(error);
                }
            }
        }

        private static long lineOf(DiagnosticCauses causes, JavaFileObject file) {
            return file == null ? 1 : causes.packageLine(file);
        }

        private static String qualified(String packageName, String name) {
            return packageName.isEmpty() ? name : packageName + "." + name;
        }

        private void follow(Diagnostic<? extends JavaFileObject> error, Named file, String rootPath) {
            followers.add(error);
            if (!file.displayName().equals(rootPath)) {
                elsewhere.add(format(error));
            }
        }

        private static void addKnown(Map<String, List<String>> known, String qualifiedName) {
            int dot = qualifiedName.lastIndexOf('.');
            known.computeIfAbsent(qualifiedName.substring(dot + 1), name -> new ArrayList<>())
                    .add(dot < 0 ? "" : qualifiedName.substring(0, dot));
        }

        List<Feedback> findings() {
            return List.copyOf(roots.values());
        }

        boolean follows(Diagnostic<? extends JavaFileObject> error) {
            return followers.contains(error);
        }

        /** One line for the errors elsewhere that only follow from the causes above. */
        Optional<Feedback> summary() {
            List<String> distinct = elsewhere.stream().distinct().toList();
            if (distinct.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Feedback.advice(Feedback.Stage.COMPILE, distinct.size()
                    + " error(s) in other files follow from the above and go away with it, for example: "
                    + distinct.get(0)));
        }
    }

    /**
     * Project test files whose every error is a reference to a type that nobody has written yet;
     * a test that misses a type only because the candidate's own file is misplaced stays in.
     */
    private static Set<SourceFile> waitingTests(Map<SourceFile, JavaFileObject> included, DiagnosticCauses causes,
            RootCauses roots) {
        Map<JavaFileObject, List<Diagnostic<? extends JavaFileObject>>> byFile = causes.errors().stream()
                .filter(error -> error.getSource() != null)
                .collect(Collectors.groupingBy(Diagnostic::getSource, LinkedHashMap::new, Collectors.toList()));
        Set<SourceFile> waiting = new LinkedHashSet<>();
        included.forEach((file, object) -> {
            List<Diagnostic<? extends JavaFileObject>> fileErrors = byFile.get(object);
            if (fileErrors != null && fileErrors.stream().noneMatch(roots::follows)
                    && fileErrors.stream().allMatch(error -> isMissingType(error, (Named) object)
                            || causes.isCascade(error, InProcessCompiler::unsettled))) {
                waiting.add(file);
            }
        });
        return waiting;
    }

    /** javac's {@code symbol: class Money} and {@code package com.acme.money does not exist}. */
    private static final Pattern MISSING_SYMBOL = Pattern.compile(
            "^symbol:\\s+(?:class|variable)\\s+(\\w+)|^package ([\\w.]+) does not exist");

    /** How {@link #redeclared} phrases its finding, so that the loop can tell which unit to leave out. */
    private static final Pattern REDECLARED = Pattern.compile("^[^:]+\\.java:\\d+: ([\\w.$]+) is already a type of the "
            + "(project's (?:main|test) sources|dependency [^;]+); ");

    /**
     * The units that declare a type the project already has, in its main or test sources or in a
     * dependency: such a unit re-sends context the model was shown and is never the candidate's.
     */
    private List<Feedback> redeclared(List<CodeUnit> own, MemoryFileManager classpath) {
        Map<String, String> projectTypes = new HashMap<>();
        mainSources().forEach(file -> projectTypes.put(typeOf(file), "main"));
        testSources().forEach(file -> projectTypes.putIfAbsent(typeOf(file), "test"));
        List<Feedback> findings = new ArrayList<>();
        for (CodeUnit unit : own) {
            String where = projectTypes.containsKey(unit.qualifiedName())
                    ? "project's " + projectTypes.get(unit.qualifiedName()) + " sources"
                    : dependencyOf(unit.qualifiedName(), classpath);
            if (where != null) {
                findings.add(Feedback.blocking(Feedback.Stage.EXTRACT, SourceFile.slashes(unit.relativePath()) + ":1: "
                        + unit.qualifiedName() + " is already a type of the " + where
                        + "; it is used as it is, and this file is left out"));
            }
        }
        return findings;
    }

    private String dependencyOf(String qualifiedName, MemoryFileManager classpath) {
        try {
            JavaFileObject found = classpath.getJavaFileForInput(StandardLocation.CLASS_PATH, qualifiedName,
                    JavaFileObject.Kind.CLASS);
            if (found == null) {
                return null;
            }
            String uri = found.toUri().toString();
            return layout.dependencies().stream()
                    .filter(dep -> uri.contains(dep.file().getFileName().toString()))
                    .map(dep -> "dependency " + dep.groupId() + ":" + dep.artifactId())
                    .findFirst().orElse("dependency on the classpath");
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String typeOf(SourceFile file) {
        String name = file.displayName();
        return name.substring(0, name.length() - ".java".length()).replace('/', '.');
    }

    /**
     * The type a finding of {@link #redeclared} says the candidate re-sent although the project
     * has it, or empty for any other finding.
     */
    public static Optional<String> redeclaredType(Feedback finding) {
        Matcher matcher = REDECLARED.matcher(finding.message());
        return finding.stage() == Feedback.Stage.EXTRACT && matcher.find() ? Optional.of(matcher.group(1))
                : Optional.empty();
    }

    /**
     * Whether an error says a type (or its package) does not exist at all, as opposed to a member
     * missing from a type that does exist, which is a real mismatch with the candidate.
     */
    static boolean isMissingType(Diagnostic<? extends JavaFileObject> error, Named file) {
        String code = error.getCode() == null ? "" : error.getCode();
        if (code.equals("compiler.err.doesnt.exist")) {
            return true;
        }
        if (!code.startsWith("compiler.err.cant.resolve")) {
            return false;
        }
        String symbol = "";
        String location = "";
        for (String line : error.getMessage(Locale.ENGLISH).lines().map(String::strip).toList()) {
            if (line.startsWith("symbol:")) {
                symbol = line.substring("symbol:".length()).strip();
            } else if (line.startsWith("location:")) {
                location = line.substring("location:".length()).strip();
            }
        }
        boolean typeLike = symbol.startsWith("class ")
                || symbol.startsWith("variable ") && Character.isUpperCase(symbol.charAt("variable ".length()));
        String ownType = file.qualifiedTypeName();
        boolean outsideExistingTypes = location.isEmpty() || location.startsWith("package ")
                || location.equals("class " + ownType) || location.startsWith("class " + ownType + ".");
        return typeLike && outsideExistingTypes;
    }

    /**
     * Compiles as one of the project's compiles does: its release and its arguments.
     *
     * @throws Unreproducible when javac refuses the options, crashes (a processor's exception, an
     *     internal error) or reports an error in no file
     */
    private DiagnosticCauses run(MemoryFileManager files, List<JavaFileObject> sources,
            ProjectLayout.CompilerSetup.Compile settings) {
        if (sources.isEmpty()) {
            // A baseline of a project with no main code: nothing to compile is no error.
            return DiagnosticCauses.withoutTrees(List.of());
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        // The project's javac setup: annotation processors (Lombok, MapStruct) found on the
        // processor path or the classpath, as in the real build, and its own arguments. FLOW
        // makes javac report every file's errors even when another file has some.
        // failOnWarning: javac's own -Werror error names no file, so the warnings are judged instead,
        // each in its file as an error is, as the project's build fails on them. Then javac's lint
        // is the project's alone: a leading -Xlint:none would take the rawtypes lint out even
        // after the project's -Xlint:all.
        boolean warningsFail = settings.arguments().contains("-Werror");
        List<String> options = new ArrayList<>(List.of("--release", release(settings), "-implicit:class"));
        if (!warningsFail) {
            options.add("-Xlint:none");
        }
        options.addAll(List.of("-Xmaxerrs", "500", "-XDshould-stop.ifError=FLOW"));
        options.addAll(settings.arguments());
        options.removeIf("-Werror"::equals);
        try {
            DiagnosticCauses causes = run(files, sources, options, diagnostics);
            if (warningsFail && causes.errors().isEmpty()) {
                List<Diagnostic<? extends JavaFileObject>> warnings = diagnostics.getDiagnostics().stream()
                        .filter(d -> (d.getKind() == Diagnostic.Kind.WARNING
                                || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) && d.getSource() != null)
                        .toList();
                if (!warnings.isEmpty()) {
                    return DiagnosticCauses.withoutTrees(warnings);
                }
            }
            return causes;
        } catch (UncheckedIOException | Unreproducible e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Unreproducible("javac " + String.join(" ", options) + " fails: " + rootMessage(e), e);
        }
    }

    private DiagnosticCauses run(MemoryFileManager files, List<JavaFileObject> sources, List<String> options,
            DiagnosticCollector<JavaFileObject> diagnostics) {
        JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null, sources);
        if (!(task instanceof JavacTask javac)) {
            task.call();
            return DiagnosticCauses.withoutTrees(placed(errors(diagnostics)));
        }
        // Parsed and analysed step by step, so that the trees stay to tell what each error follows from.
        // The trees are read only when there are errors, and then nothing is generated, which would
        // release them.
        Trees trees = Trees.instance(javac);
        List<CompilationUnitTree> parsed = new ArrayList<>();
        try {
            javac.parse().forEach(parsed::add);
            javac.analyze();
            if (errors(diagnostics).isEmpty()) {
                files.constantUses.putAll(ConstantReferences.of(javac, parsed));
                javac.generate();
                return DiagnosticCauses.withoutTrees(placed(errors(diagnostics)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile in memory", e);
        }
        return new DiagnosticCauses(placed(errors(diagnostics)), trees, parsed);
    }

    /** The errors, each in a file; an error in no file (an option, a processor's own) is not about the code. */
    private static List<Diagnostic<? extends JavaFileObject>> placed(List<Diagnostic<? extends JavaFileObject>> errors) {
        for (Diagnostic<? extends JavaFileObject> error : errors) {
            if (error.getSource() == null) {
                throw new Unreproducible("javac: " + format(error), null);
            }
        }
        return errors;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return root == e ? e.getClass().getSimpleName() + message
                : e.getClass().getSimpleName() + " (" + root.getClass().getName() + message + ")";
    }

    private static List<Diagnostic<? extends JavaFileObject>> errors(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    /** {@code com/example/Money.java:12: cannot find symbol (symbol: method add(long), location: class Money)}. */
    static String format(Diagnostic<? extends JavaFileObject> error) {
        List<String> lines = error.getMessage(Locale.ENGLISH).lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        String message = lines.isEmpty() ? "" : lines.get(0);
        if (lines.size() > 1) {
            message += " (" + String.join(", ", lines.subList(1, lines.size())).replaceAll("\\s+", " ") + ")";
        }
        String where = error.getSource() instanceof Named named ? named.displayName() : "";
        return where.isEmpty() ? message : where + ":" + error.getLineNumber() + ": " + message;
    }

    private JavaFileObject source(SourceFile file) {
        return new Named(file.displayName(), projectText(file), Owner.PROJECT);
    }

    /** The text of one of the project's source files, as the compile reads it; cached while the file stays. */
    String projectText(SourceFile file) {
        return sourceTexts.text(file.absolutePath());
    }

    private static JavaFileObject source(CodeUnit unit, boolean candidate) {
        return new Named(SourceFile.slashes(unit.relativePath()), unit.source(),
                candidate ? Owner.CANDIDATE : Owner.OTHERS);
    }

    private MemoryFileManager fileManager(boolean tests) {
        StandardJavaFileManager standard = classpaths.borrow(tests);
        return new MemoryFileManager(standard, () -> classpaths.giveBack(tests, standard));
    }

    /** Who wrote a source: the candidate being checked, other tasks or parts, or the project. */
    enum Owner { CANDIDATE, OTHERS, PROJECT }

    /** A source held in memory, named by its path below a source root. */
    static final class Named extends SimpleJavaFileObject {
        private final String displayName;
        private final String text;
        private final Owner owner;

        Named(String displayName, String text, Owner owner) {
            super(URI.create("memory:///" + owner.name().toLowerCase(Locale.ROOT) + "/"
                    + displayName.replace(" ", "%20")), Kind.SOURCE);
            this.displayName = displayName;
            this.text = text;
            this.owner = owner;
        }

        Owner owner() {
            return owner;
        }

        String displayName() {
            return displayName;
        }

        /** The type the file is named for: {@code com.example.MoneyTest}. */
        String qualifiedTypeName() {
            return displayName.substring(0, displayName.length() - ".java".length()).replace('/', '.');
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** A compiled class, or a source or resource an annotation processor wrote, kept in memory. */
    private static final class MemoryClass extends SimpleJavaFileObject {
        private final String binaryName;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        MemoryClass(String binaryName, Kind kind) {
            super(URI.create("memory:///" + binaryName.replace('.', '/') + kind.extension), kind);
            this.binaryName = binaryName;
        }

        @Override
        public OutputStream openOutputStream() {
            return bytes;
        }

        @Override
        public java.io.InputStream openInputStream() {
            return new java.io.ByteArrayInputStream(bytes.toByteArray());
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Writes class files to memory and offers earlier in-memory classes on the classpath. */
    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, MemoryClass> classes = new ConcurrentHashMap<>();
        private final Map<String, MemoryClass> upstream = new ConcurrentHashMap<>();
        /** The constants of other classes each class written here uses ({@link ConstantReferences}). */
        private final Map<String, Set<String>> constantUses = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> upstreamConstantUses = new ConcurrentHashMap<>();

        /** Hands the file manager back to the classpaths it came from, instead of closing it. */
        private final Runnable release;
        private boolean released;

        MemoryFileManager(StandardJavaFileManager standard, Runnable release) {
            super(standard);
            this.release = release;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                release.run();
            }
        }

        /** The classes another compile wrote on this one's classpath, with their constant uses. */
        MemoryFileManager withClasses(MemoryFileManager compiled) {
            upstream.putAll(compiled.classes);
            upstreamConstantUses.putAll(compiled.constantUses);
            return this;
        }

        /** The same classpath for another compile, without the classes that compile wrote. */
        MemoryFileManager fresh() {
            classes.clear();
            constantUses.clear();
            return this;
        }

        /** The constant uses of this compile's classes and of those on its classpath. */
        Map<String, Set<String>> allConstantUses() {
            Map<String, Set<String>> all = new HashMap<>(upstreamConstantUses);
            all.putAll(constantUses);
            return all;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            MemoryClass output = new MemoryClass(className, kind);
            if (kind == JavaFileObject.Kind.CLASS) {
                classes.put(className, output);
            }
            return output;
        }

        /** Resources a processor writes (service files, reports) stay in memory too. */
        @Override
        public FileObject getFileForOutput(Location location, String packageName, String relativeName,
                FileObject sibling) {
            String name = (packageName.isEmpty() ? "" : packageName + ".") + relativeName;
            return new MemoryClass(name, JavaFileObject.Kind.OTHER);
        }

        @Override
        public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                boolean recurse) throws IOException {
            Iterable<JavaFileObject> listed = super.list(location, packageName, kinds, recurse);
            if (location != StandardLocation.CLASS_PATH || !kinds.contains(JavaFileObject.Kind.CLASS)
                    || upstream.isEmpty()) {
                return listed;
            }
            List<JavaFileObject> all = new ArrayList<>();
            listed.forEach(all::add);
            String prefix = packageName.isEmpty() ? "" : packageName + ".";
            for (MemoryClass compiled : upstream.values()) {
                String rest = compiled.binaryName.startsWith(prefix) ? compiled.binaryName.substring(prefix.length()) : null;
                if (rest != null && (recurse || !rest.contains("."))) {
                    all.add(compiled);
                }
            }
            return all;
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            return file instanceof MemoryClass compiled ? compiled.binaryName : super.inferBinaryName(location, file);
        }
    }
}

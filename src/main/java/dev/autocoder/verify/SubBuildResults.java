package dev.autocoder.verify;

import dev.autocoder.project.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a finished sub-build back, one module at a time, from the compiler's log lines and the
 * checkstyle and surefire XML reports, into findings that read the same on every machine: paths
 * relative to a source root, no timings, no object identities.
 */
final class SubBuildResults {

    private static final int MAX_FRAMES = 5;
    private static final Pattern COMPILER_ERROR = Pattern.compile("^\\[ERROR] (.+\\.java):\\[(\\d+)(?:,\\d+)?] (.*)$");
    /** A compiler warning with its place, which fails the compile where the project sets {@code failOnWarning}. */
    private static final Pattern COMPILER_WARNING = Pattern.compile("^\\[WARNING] (.+\\.java):\\[(\\d+)(?:,\\d+)?] (.*)$");
    /** What javac says when {@code -Werror} (the compiler plugin's {@code failOnWarning}) turned warnings into a failure. */
    private static final String WERROR = "warnings found and -Werror specified";
    private static final Pattern FAILED_PROJECT = Pattern.compile("^\\[ERROR] Failed to execute goal .* on project ([\\w.-]+): (.*)$");
    /** Maven's header before each module: {@code ----< com.acme.autocoder-c0:service >----}. */
    private static final Pattern HEADER = Pattern.compile("^\\[INFO] -+< ([^:\\s]+):[^\\s>]+ >-+$");
    private static final Pattern SUMMARY_LINE = Pattern.compile("^\\[INFO] .*? (SUCCESS|FAILURE|SKIPPED)( \\[.*)?$");
    private static final Pattern UNRESOLVABLE = Pattern.compile(
            "could not be resolved|Cannot access \\S+ in offline mode|Could not transfer artifact|PluginResolutionException");
    private static final Pattern FINISHED = Pattern.compile("^\\[INFO] BUILD (SUCCESS|FAILURE)\\s*$");
    /** Surefire's words for a test JVM that ended before its tests returned; a round runs only the candidate's tests. */
    private static final Pattern FORK_ENDED = Pattern.compile("forked VM terminated|VM crash|System\\.exit");
    private static final Pattern IDENTITY_HASH = Pattern.compile("@[0-9a-f]{5,8}\\b");
    /** An ANSI escape sequence (colour, bold, reset), as jansi writes them with {@code style.color=always}. */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");
    private static final String LEVEL = "\\[(?:INFO|WARNING|WARN|ERROR|DEBUG|TRACE)](?: |$)";
    /**
     * What the simple logger may print before the level when a session turns it on: a timestamp
     * ({@code showDateTime}, milliseconds or any {@code dateTimeFormat} of digits and separators)
     * and a thread name ({@code showThreadName}, {@code [main]}) that is not itself a level.
     */
    private static final Pattern LINE_PREFIX = Pattern.compile("^(?:\\d[\\d:.,/T -]*\\s+)?"
            + "(?:\\[(?!(?:INFO|WARNING|WARN|ERROR|DEBUG|TRACE)])[^\\[\\]]*]\\s+)?(?=" + LEVEL + ")");
    /** A logger's name after the level ({@code showLogName}): {@code [INFO] org.apache.maven.cli.X - }. */
    private static final Pattern LOGGER_NAME = Pattern.compile("^(\\[(?:INFO|WARNING|WARN|ERROR|DEBUG|TRACE)] )[a-z][\\w$]*(?:\\.[\\w$]+)+ - ");

    /** Checkstyle's severities, the mildest first. */
    private static final List<String> SEVERITIES = List.of("ignore", "info", "warning", "error");

    private final Path folder;
    /** The sub-build folder as the platform prints it in the log and reports ({@code C:\...} on Windows). */
    private final String printedFolder;
    private final List<String> log;
    private final ProjectLayout layout;
    private final List<SubBuildReactor.ModuleFiles> modules;

    /**
     * @param modules where each module's code lies and which checkstyle reports it writes, by index
     */
    SubBuildResults(Path folder, List<String> log, ProjectLayout layout, List<SubBuildReactor.ModuleFiles> modules) {
        this(folder, folder.toAbsolutePath().toString(), log, layout, modules);
    }

    /**
     * @param folder the sub-build folder, where the reports are read
     * @param printedFolder the same folder as Maven's platform prints it; differs from {@code folder}
     *     only for a log recorded on another platform
     * @param log Maven's output lines as it wrote them: see {@link #plain}
     * @param modules where each module's code lies and which checkstyle reports it writes, by index
     */
    SubBuildResults(Path folder, String printedFolder, List<String> log, ProjectLayout layout,
            List<SubBuildReactor.ModuleFiles> modules) {
        this.folder = folder.toAbsolutePath();
        this.printedFolder = printedFolder;
        this.log = log.stream().map(SubBuildResults::plain).toList();
        this.layout = layout;
        this.modules = List.copyOf(modules);
    }

    /** Where a module's code lies; a dependent's module ({@code c0-d1}) holds none of the plans' code. */
    private SubBuildReactor.ModuleFiles files(String module) {
        return SubBuildReactor.builtOn(module).equals(module)
                ? modules.get(SubBuildReactor.indexByName(modules.size()).get(module))
                : new SubBuildReactor.ModuleFiles(Map.of(), Map.of(), List.of());
    }

    /**
     * A log line as Maven prints it in the sub-build's fixed format (batch mode, colours off, the
     * simple logger's default layout; see {@code SubBuildLaunch#request}): the second line of
     * defence for a format that still differs. Drops ANSI colour codes, a carriage return of a
     * CRLF log, a timestamp or thread name before the level and a logger name after it.
     */
    static String plain(String line) {
        String text = ANSI.matcher(line).replaceAll("");
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        text = LINE_PREFIX.matcher(text.substring(0, end)).replaceFirst("");
        return LOGGER_NAME.matcher(text).replaceFirst("$1");
    }

    /**
     * The findings for one module, in the order the build met them, each judged by whose it is:
     * the candidate's (sent to the model), another task's (left to that task's own module), waiting
     * for a type nobody wrote yet, or the project's own (the build fails whatever the candidate is).
     */
    List<Feedback> findings(String module, SubBuildReactor.Plan plan) {
        Path moduleFolder = folder.resolve(module);
        Judge judge = new Judge(plan);
        List<Feedback> findings = new ArrayList<>(compilerErrors(moduleFolder, judge));
        findings.addAll(checkstyle(moduleFolder, judge));
        if (judge.leftToOthers && findings.stream().noneMatch(Feedback::blocking)) {
            // Another task's file did not compile with this candidate, so the module never reached
            // its tests: nothing here is verified, and the candidate waits for that code to change.
            findings.add(Feedback.blocking(Feedback.Stage.WAITING, Feedback.OTHERS_DO_NOT_COMPILE
                    + " yet, so no test ran: " + judge.othersErrors.stream().findFirst().orElse("")));
        }
        if (findings.stream().noneMatch(Feedback::blocking) && !judge.othersViolations.isEmpty()) {
            // Another candidate of the module broke a checkstyle rule that fails the build, so the
            // module stopped before its tests: the candidate waits for that code to change.
            findings.add(othersFailAGate(judge.othersViolations.get(0)));
        }
        if (findings.stream().noneMatch(Feedback::blocking)) {
            failedGoal(module).ifPresent(message -> findings.add(FORK_ENDED.matcher(message).find()
                    ? Feedback.blocking(Feedback.Stage.TEST, "the test JVM ended while testing this code: a test or"
                            + " the code under test called System.exit or Runtime.halt, or crashed the JVM; tests must"
                            + " return normally")
                    : judge.mentionsOwn(message) ? Feedback.blocking(Feedback.Stage.BUILD, message)
                    // A goal that names another task's file (a formatter listing the files it would
                    // change) failed on that code, not on the candidate's or the project's.
                    : judge.otherTypes.matcher(message).find() ? othersFailAGate("the goal " + message)
                    : Feedback.blocking(Feedback.Stage.PROJECT, "the goal " + message)));
        }
        return findings;
    }

    private static Feedback othersFailAGate(String failure) {
        return Feedback.blocking(Feedback.Stage.WAITING, Feedback.OTHERS_FAIL_A_GATE + ", so no test ran: " + failure);
    }

    /** Whose a finding is, for one module's plan. */
    private final class Judge {
        final Map<String, CodeUnit> ownFiles = new java.util.HashMap<>();
        final Map<String, CodeUnit> otherFiles = new java.util.HashMap<>();
        final ProjectFileJudge projectFiles;
        final java.util.regex.Pattern otherTypes;
        /** Compile errors in other tasks' files, or in project files about their types. */
        final List<String> othersErrors = new ArrayList<>();
        /** Checkstyle violations in other tasks' files that fail their execution. */
        final List<String> othersViolations = new ArrayList<>();
        boolean leftToOthers;

        Judge(SubBuildReactor.Plan plan) {
            plan.own().forEach(unit -> ownFiles.put(key(unit), unit));
            plan.others().forEach(unit -> otherFiles.put(key(unit), unit));
            projectFiles = new ProjectFileJudge(plan.own());
            otherTypes = TypeMentions.pattern(plan.others());
        }

        private static String key(CodeUnit unit) {
            return (unit.test() ? "test:" : "main:") + SourceFile.slashes(unit.relativePath());
        }

        boolean mentionsOwn(String text) {
            return projectFiles.mentionsCandidate(text);
        }

        /**
         * A finding in a file that is neither the candidate's nor another task's: when it is not the
         * model's and not waiting, it is another task's if it names that task's types, else the project's.
         */
        java.util.Optional<Feedback> projectFinding(Feedback.Stage stage, String message, boolean missingType) {
            return projectFiles.judge(stage, message, missingType, () -> {
                if (otherTypes.matcher(message).find()) {
                    leftToOthers = true;
                    othersErrors.add(message);
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(Feedback.blocking(Feedback.Stage.PROJECT, message));
            });
        }
    }

    /** Whether Maven reached its closing BUILD line, rather than its JVM ending part-way. */
    boolean finished() {
        return log.stream().anyMatch(line -> FINISHED.matcher(line).matches());
    }

    /** The module Maven was building last, if the last one it started was a module at all. */
    java.util.Optional<String> lastModuleStarted() {
        String last = null;
        for (String line : log) {
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                last = moduleOf(header.group(1));
            }
        }
        return java.util.Optional.ofNullable(last);
    }

    /** The module a sub-build groupId names ({@code com.acme.autocoder-c0} is {@code c0}), or null. */
    private static String moduleOf(String groupId) {
        int marker = groupId.lastIndexOf(SubBuildReactor.GROUP_MARKER);
        return marker < 0 ? null : groupId.substring(marker + SubBuildReactor.GROUP_MARKER.length());
    }

    /**
     * The log lines Maven wrote while building one module: modules are built one after another, so
     * a project file's compile error (the same path in every module) belongs to the module whose
     * header came last.
     */
    private List<String> section(String module) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : log) {
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                inside = module.equals(moduleOf(header.group(1)));
            } else if (line.startsWith("[INFO] Reactor Summary")) {
                inside = false;
            } else if (inside) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * The first error saying Maven could not resolve a plugin or an artifact (offline, or a
     * repository out of reach): no candidate causes that, since dependencies are files on disk.
     */
    java.util.Optional<String> unresolvable() {
        return log.stream().filter(line -> line.startsWith("[ERROR]"))
                .filter(line -> UNRESOLVABLE.matcher(line).find())
                .map(line -> clean(line.substring("[ERROR]".length()).strip())).findFirst();
    }

    /** The error lines of the log with machine-specific paths removed, for a build that failed as a whole. */
    String errorSummary() {
        return log.stream().filter(line -> line.startsWith("[ERROR]")).limit(5)
                .map(line -> clean(line.substring("[ERROR]".length()).strip())).filter(line -> !line.isEmpty())
                .collect(Collectors.joining("; "));
    }

    /**
     * The findings of a module that builds on the plan's module (a dependent the final check builds):
     * its compile errors, each judged as one in a project file is (the model's when it names one of
     * the plan's types, waiting when it misses a type), else the goal that failed its build, as the
     * project's. None of the plan's code lies in it.
     */
    List<Feedback> dependentFindings(String module, SubBuildReactor.Plan plan) {
        List<Feedback> findings = new ArrayList<>(compilerErrors(folder.resolve(module), new Judge(plan)));
        if (findings.stream().noneMatch(Feedback::blocking)) {
            failedGoal(module).ifPresent(goal -> findings.add(Feedback.blocking(Feedback.Stage.PROJECT,
                    "the goal " + goal)));
        }
        return findings;
    }

    private List<Feedback> compilerErrors(Path moduleFolder, Judge judge) {
        String module = moduleFolder.getFileName().toString();
        Map<String, String> units = files(module).units();
        List<Feedback> errors = new ArrayList<>();
        List<String> log = section(module);
        Set<Integer> failingWarnings = failingWarnings(log);
        for (int i = 0; i < log.size(); i++) {
            Matcher error = COMPILER_ERROR.matcher(log.get(i));
            if (!error.matches()) {
                error = COMPILER_WARNING.matcher(log.get(i));
                if (!failingWarnings.contains(i) || !error.matches()) {
                    continue;
                }
            }
            String file = error.group(1);
            StringBuilder text = new StringBuilder(error.group(3).strip());
            List<String> details = new ArrayList<>();
            for (int next = i + 1; next < log.size() && !log.get(next).startsWith("["); next++) {
                if (!log.get(next).isBlank()) {
                    details.add(log.get(next).strip().replaceAll("\\s+", " "));
                }
            }
            if (!details.isEmpty()) {
                text.append(" (").append(String.join(", ", details)).append(")");
            }
            String body = clean(text.toString());
            boolean missingType = body.startsWith("cannot find symbol") && details.stream()
                    .anyMatch(line -> line.startsWith("symbol:") && line.contains("class "))
                    || body.matches("package \\S+ does not exist.*");
            Optional<String> unit = unitKey(units, file);
            if (unit.isPresent() && judge.ownFiles.containsKey(unit.get())) {
                errors.add(Feedback.blocking(missingType ? Feedback.Stage.WAITING : Feedback.Stage.COMPILE,
                        unit.get().substring(5) + ":" + error.group(2) + ": " + body));
            } else if (unit.isPresent()) {
                judge.leftToOthers = true;
                judge.othersErrors.add(unit.get().substring(5) + ":" + error.group(2) + ": " + body);
            } else {
                judge.projectFinding(Feedback.Stage.COMPILE, projectPath(moduleFolder, file) + ":" + error.group(2)
                        + ": " + body, missingType).ifPresent(errors::add);
            }
        }
        return errors.stream().distinct().toList();
    }

    /**
     * The lines of the warnings that failed a compile: with {@code failOnWarning} javac ends with
     * "warnings found and -Werror specified" and names no file, so the warnings the same goal printed
     * before it are that compile's errors, and each is judged by its file as an error is.
     */
    private static Set<Integer> failingWarnings(List<String> log) {
        Set<Integer> lines = new java.util.HashSet<>();
        for (int end = 0; end < log.size(); end++) {
            // maven-compiler-plugin 3.13 prints it alone, 3.14 after the file javac named last.
            String line = log.get(end).strip();
            if (!line.startsWith("[ERROR] ") || !line.endsWith(WERROR)) {
                continue;
            }
            for (int i = end - 1; i >= 0 && !log.get(i).startsWith("[INFO] --- "); i--) {
                if (COMPILER_WARNING.matcher(log.get(i)).matches()) {
                    lines.add(i);
                }
            }
        }
        return lines;
    }

    /**
     * {@code main:com/x/A.java} for a file of the plan's code, empty for any other file (the
     * project's own, also when it lies in the same source folder); the file as the platform or the
     * compiler prints it (see {@link #comparable}).
     *
     * @param units the module's files of the plan's code by their {@link #comparable} path
     */
    static Optional<String> unitKey(Map<String, String> units, String file) {
        String path = comparable(file);
        String found = units.get(path);
        if (found == null && path.length() > 1 && path.charAt(1) == ':') {
            // A Windows drive's case does not count.
            found = units.entrySet().stream().filter(unit -> unit.getKey().equalsIgnoreCase(path))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return Optional.ofNullable(found);
    }

    /**
     * A project file as its path below the project, the same on every machine: the module's copy
     * holds the project's files, and a file outside it (another module's) is read below the real
     * module.
     */
    private String projectPath(Path moduleFolder, String file) {
        return projectPath(printedFolder + "/" + moduleFolder.getFileName(), file)
                .or(() -> projectPath(layout.baseDirectory().toString(), file))
                .orElseGet(() -> clean(file));
    }

    /** A file as its path below {@code base} with forward slashes, empty when it lies outside. */
    static Optional<String> projectPath(String base, String file) {
        String path = comparable(file);
        String folder = comparable(base) + "/";
        return below(path, folder) ? Optional.of(path.substring(folder.length())) : Optional.empty();
    }

    /**
     * A path as one string to compare: forward slashes, {@code .} and {@code ..} resolved, and a
     * Windows drive as {@code C:/}, however it was printed. plexus-compiler prints a Windows file as
     * {@code /C:/work/A.java}, javac and the platform as {@code C:\work\A.java}; {@link Path#of}
     * refuses the first form on Windows, so paths from the log are never parsed as the platform's.
     */
    static String comparable(String path) {
        String slashes = path.strip().replace('\\', '/');
        if (slashes.matches("/[A-Za-z]:/.*")) {
            slashes = slashes.substring(1);
        }
        boolean drive = slashes.matches("[A-Za-z]:/.*");
        if (!drive && !slashes.startsWith("/")) {
            slashes = SourceFile.slashes(Path.of("").toAbsolutePath()) + "/" + slashes;
        }
        String prefix = drive ? Character.toUpperCase(slashes.charAt(0)) + ":" : "";
        java.util.Deque<String> names = new java.util.ArrayDeque<>();
        for (String name : slashes.substring(drive ? 2 : 0).split("/")) {
            if (name.equals("..")) {
                names.pollLast();
            } else if (!name.isEmpty() && !name.equals(".")) {
                names.addLast(name);
            }
        }
        return prefix + "/" + String.join("/", names);
    }

    /** Whether a comparable path lies below a comparable folder ending in a slash; a Windows drive's case does not count. */
    private static boolean below(String path, String folder) {
        boolean windows = folder.length() > 1 && folder.charAt(1) == ':';
        return path.length() > folder.length() && path.regionMatches(windows, 0, folder, 0, folder.length());
    }

    /**
     * The violations in the candidate's files, from every checkstyle report of the module (the
     * project's executions' and autocoder's own), each with its line and rule, once. A violation
     * blocks when it is at or above the severity from which its execution fails. A violation in a
     * project file that fails a project's execution is the project's.
     */
    private List<Feedback> checkstyle(Path moduleFolder, Judge judge) {
        SubBuildReactor.ModuleFiles module = files(moduleFolder.getFileName().toString());
        List<Feedback> findings = new ArrayList<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(module.checkstyleReports()).entrySet()) {
            Path report = moduleFolder.resolve(ModuleCopy.BUILD_FOLDER).resolve(entry.getKey());
            if (!Files.isRegularFile(report) || isEmpty(report)) {
                // A checkstyle goal that failed before it wrote a finding (a missing configuration
                // file) leaves no report or an empty one: the goal's own failure in the log says why.
                continue;
            }
            String severity = entry.getValue().strip().toLowerCase(java.util.Locale.ROOT);
            int failsFrom = severity.equals(SubBuildReactor.NEVER_FAILS) ? SEVERITIES.size()
                    : Math.max(0, SEVERITIES.indexOf(severity));
            NodeList files = parse(report).getElementsByTagName("file");
            for (int i = 0; i < files.getLength(); i++) {
                Element file = (Element) files.item(i);
                Optional<String> unit = unitKey(module.units(), file.getAttribute("name"));
                boolean projects = unit.isEmpty() && !entry.getKey().equals(SubBuildReactor.CHECKSTYLE_REPORT);
                if (!projects && unit.isEmpty()) {
                    continue;
                }
                boolean others = !projects && !judge.ownFiles.containsKey(unit.get());
                String relative = projects ? projectPath(moduleFolder, file.getAttribute("name"))
                        : unit.get().substring(5);
                NodeList errors = file.getElementsByTagName("error");
                for (int j = 0; j < errors.getLength(); j++) {
                    Element error = (Element) errors.item(j);
                    String message = relative + ":" + error.getAttribute("line") + " ["
                            + rule(error.getAttribute("source")) + "] " + clean(error.getAttribute("message"));
                    boolean blocking = SEVERITIES.indexOf(error.getAttribute("severity")) >= failsFrom;
                    if (others) {
                        // Another task's file: that task's own verdict has it; here it only stops the build.
                        if (blocking) {
                            judge.othersViolations.add(message);
                        }
                        continue;
                    }
                    if (projects) {
                        // The project's file fails the project's own execution, whatever the candidate is.
                        if (blocking) {
                            findings.add(Feedback.blocking(Feedback.Stage.PROJECT, "checkstyle execution "
                                    + entry.getKey().substring(SubBuildReactor.PROJECT_CHECKSTYLE_REPORT.length(),
                                            entry.getKey().length() - ".xml".length()) + ": " + message));
                        }
                        continue;
                    }
                    Feedback finding = new Feedback(Feedback.Stage.CHECKSTYLE, blocking, message);
                    findings.removeIf(seen -> seen.message().equals(message) && !seen.blocking() && blocking);
                    if (findings.stream().noneMatch(seen -> seen.message().equals(message))) {
                        findings.add(finding);
                    }
                }
            }
        }
        return findings;
    }

    private static String rule(String source) {
        String simple = source.substring(source.lastIndexOf('.') + 1);
        return simple.endsWith("Check") ? simple.substring(0, simple.length() - "Check".length()) : simple;
    }

    /** Added to the failure of a test in whose report a stubbed method of a baseline ran. */
    static final String STUB_RAN = " (a stubbed method ran)";

    /**
     * One test method as surefire reported it.
     *
     * @param testClass the top-level test class, fully qualified ({@code com.acme.MoneyTest} for
     *     {@code com.acme.MoneyTest$Nested})
     * @param key the method within its class as surefire names it, {@code com.acme.MoneyTest$Nested#adds}
     * @param failure how it failed, the exception's type and message, the same on every machine
     *     (so that two runs can be told apart by how a test fails); empty for a pass
     * @param description for a failure, {@code MoneyTest.adds: expected: <3> but was: <4>} and the
     *     frames in the project's own code; empty for a pass
     */
    record TestResult(String testClass, String key, String failure, String description) {
        boolean failed() {
            return !failure.isEmpty();
        }
    }

    /** The top-level class of a binary class name: {@code com.acme.MoneyTest} for {@code com.acme.MoneyTest$Nested}. */
    static String topLevel(String className) {
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }

    /**
     * Every test method the module ran, read from surefire's XML reports: what a round or the final
     * check judges by evidence (see {@link SubBuildVerifier}), not by how a test is written.
     */
    List<TestResult> tests(String module, SubBuildReactor.Plan plan) {
        Path moduleFolder = folder.resolve(module);
        Map<String, Path> byName = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(moduleFolder.resolve("target"), 3)) {
            walk.filter(file -> file.getFileName().toString().startsWith("TEST-")
                    && file.getFileName().toString().endsWith(".xml")).forEach(file -> byName.put(
                            file.getFileName().toString(), file));
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test reports in " + moduleFolder, e);
        }
        Set<String> ownPackages = ownPackages(plan);
        List<TestResult> results = new ArrayList<>();
        for (Path report : byName.values()) {
            boolean classRanStub = redirectedOutputRanStub(report);
            NodeList cases = parse(report).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testcase = (Element) cases.item(i);
                String className = testcase.getAttribute("classname");
                String topLevel = topLevel(className);
                String key = className + "#" + testcase.getAttribute("name");
                Optional<Element> problem = problem(testcase);
                // A test that ran a stubbed method of a baseline never fails "the same way" as with the
                // candidate: what the candidate's methods do is on its path.
                String ranStub = classRanStub || testcase.getTextContent().contains(BehaviourStubs.MARK) ? STUB_RAN : "";
                results.add(new TestResult(topLevel, key,
                        problem.map(found -> clean(found.getAttribute("type") + ": " + found.getAttribute("message"))
                                + ranStub).orElse(""),
                        problem.map(found -> describe(testcase, found, ownPackages)).orElse("")));
            }
        }
        return results;
    }

    /**
     * Whether the test class of a report printed the stub's mark into the file surefire writes its
     * output to instead of the report ({@code redirectTestOutputToFile}): {@code <class>-output.txt}
     * beside {@code TEST-<class>.xml}, with the same {@code reportNameSuffix}. That file holds the
     * whole class's output, so every failing method of the class counts as having run a stub: its
     * failure is then charged rather than waited on, never the other way round.
     */
    static boolean redirectedOutputRanStub(Path report) {
        String name = report.getFileName().toString();
        Path output = report.resolveSibling(name.substring("TEST-".length(), name.length() - ".xml".length())
                + "-output.txt");
        if (!Files.isRegularFile(output)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(output, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.anyMatch(line -> line.contains(BehaviourStubs.MARK));
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot read the test output " + output,
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
    }

    private static Optional<Element> problem(Element testcase) {
        for (String tag : List.of("failure", "error")) {
            NodeList found = testcase.getElementsByTagName(tag);
            if (found.getLength() > 0) {
                return Optional.of((Element) found.item(0));
            }
        }
        return Optional.empty();
    }

    /** {@code MoneyTest.adds: expected: <3> but was: <4>} and the frames in the project's own code. */
    private String describe(Element testcase, Element problem, Set<String> ownPackages) {
        String className = testcase.getAttribute("classname");
        String simpleClass = className.substring(className.lastIndexOf('.') + 1);
        String message = problem.hasAttribute("message") && !problem.getAttribute("message").isBlank()
                ? problem.getAttribute("message") : problem.getAttribute("type");
        StringBuilder text = new StringBuilder(simpleClass).append('.').append(testcase.getAttribute("name"))
                .append(": ").append(clean(message.strip()));
        problem.getTextContent().lines().map(String::strip)
                .filter(line -> line.startsWith("at ") && isOwnFrame(line.substring(3), ownPackages))
                .limit(MAX_FRAMES)
                .forEach(frame -> text.append("\n    ").append(frame));
        return text.toString();
    }

    private static boolean isOwnFrame(String frame, Set<String> ownPackages) {
        int paren = frame.indexOf('(');
        String method = paren < 0 ? frame : frame.substring(0, paren);
        int lastDot = method.lastIndexOf('.');
        String type = lastDot < 0 ? method : method.substring(0, lastDot);
        int typeDot = type.lastIndexOf('.');
        String pkg = typeDot < 0 ? "" : type.substring(0, typeDot);
        return ownPackages.contains(pkg);
    }

    /** The packages of the project's and the plan's code, which tell the project's frames from the libraries'. */
    private Set<String> ownPackages(SubBuildReactor.Plan plan) {
        Set<String> packages = new java.util.HashSet<>();
        Stream.concat(plan.own().stream(), plan.others().stream())
                .forEach(unit -> packages.add(unit.packageName()));
        List<Path> roots = new ArrayList<>(layout.mainSourceRoots());
        roots.addAll(layout.testSourceRoots());
        for (SourceFile file : SourceFile.under(roots)) {
            Path parent = file.relativePath().getParent();
            packages.add(parent == null ? "" : SourceFile.slashes(parent).replace('/', '.'));
        }
        return packages;
    }

    /**
     * The goal that failed the module and why: Maven's line names the goal, and the reason often
     * follows on the next error lines (a crashed test JVM, an enforcer rule).
     */
    java.util.Optional<String> failedGoal(String module) {
        // Every module has the project's artifactId, so Maven's "on project x" cannot tell them
        // apart; the failures come in build order, and the reactor summary says which failed.
        List<String> failedModules = new ArrayList<>();
        List<String> built = new ArrayList<>();
        for (String line : log) {
            Matcher header = HEADER.matcher(line);
            if (header.matches() && moduleOf(header.group(1)) != null) {
                built.add(moduleOf(header.group(1)));
            }
        }
        int summary = log.indexOf(log.stream().filter(line -> line.startsWith("[INFO] Reactor Summary")).findFirst()
                .orElse(""));
        if (summary >= 0) {
            int index = 0;
            for (int i = summary + 1; i < log.size() && index < built.size(); i++) {
                Matcher status = SUMMARY_LINE.matcher(log.get(i));
                if (status.matches()) {
                    if (status.group(1).equals("FAILURE")) {
                        failedModules.add(built.get(index));
                    }
                    index++;
                }
            }
        }
        int nth = failedModules.indexOf(module);
        if (nth < 0) {
            return java.util.Optional.empty();
        }
        int seen = 0;
        for (int i = 0; i < log.size(); i++) {
            Matcher matcher = FAILED_PROJECT.matcher(log.get(i));
            if (matcher.matches() && seen++ == nth) {
                StringBuilder reason = new StringBuilder(matcher.group(2).strip());
                int details = 0;
                for (int next = i + 1; next < log.size() && details < 3 && log.get(next).startsWith("[ERROR]")
                        && !log.get(next).startsWith("[ERROR] -> "); next++) {
                    String line = log.get(next).substring("[ERROR]".length()).strip();
                    if (!line.isEmpty() && !line.startsWith("See ") && !line.startsWith("Command was")) {
                        reason.append(reason.length() == 0 ? "" : " ").append(line);
                        details++;
                    }
                }
                String goal = log.get(i).replaceFirst("^\\[ERROR] Failed to execute goal (\\S+).*$", "$1");
                return java.util.Optional.of(clean(goal + ": " + reason));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Removes what differs between machines and runs: the work folder, however a path to it is
     * printed (the platform's {@code C:\\work\\b}, {@code C:/work/b}, or a URL's or
     * plexus-compiler's {@code /C:/work/b}), and identity hashes.
     */
    String clean(String text) {
        String slashes = printedFolder.replace('\\', '/');
        String cleaned = text;
        for (String form : new java.util.LinkedHashSet<>(List.of("/" + slashes, slashes, printedFolder))) {
            cleaned = cleaned.replace(form + "/", "").replace(form + "\\", "").replace(form, "");
        }
        return IDENTITY_HASH.matcher(cleaned).replaceAll("@…");
    }

    private static boolean isEmpty(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static Element parse(Path xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the report " + xml.getFileName() + ": " + e.getMessage(), e);
        }
    }
}

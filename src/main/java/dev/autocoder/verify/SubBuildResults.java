package dev.autocoder.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
    private static final Pattern FAILED_PROJECT = Pattern.compile("^\\[ERROR] Failed to execute goal .* on project ([\\w.-]+): (.*)$");
    private static final Pattern BUILDING = Pattern.compile("^\\[INFO] Building ([\\w.-]+) \\S+.*$");
    private static final Pattern UNRESOLVABLE = Pattern.compile(
            "could not be resolved|Cannot access \\S+ in offline mode|Could not transfer artifact|PluginResolutionException");
    private static final Pattern FINISHED = Pattern.compile("^\\[INFO] BUILD (SUCCESS|FAILURE)\\s*$");
    private static final Pattern IDENTITY_HASH = Pattern.compile("@[0-9a-f]{5,8}\\b");
    private static final Pattern SOURCE_ROOT = Pattern.compile("^src/(main|test)/java/");

    private final Path folder;
    private final List<String> log;

    SubBuildResults(Path folder, List<String> log) {
        this.folder = folder.toAbsolutePath();
        this.log = List.copyOf(log);
    }

    /** The findings for one module, in the order the build met them. */
    List<Feedback> findings(String module, SubBuildReactor.Plan plan) {
        Path moduleFolder = folder.resolve(module);
        List<Feedback> findings = new ArrayList<>(compilerErrors(moduleFolder));
        findings.addAll(checkstyle(moduleFolder, plan.checkedFiles()));
        findings.addAll(testFailures(moduleFolder, ownPackages(moduleFolder)));
        if (findings.stream().noneMatch(Feedback::blocking)) {
            failedGoal(module).ifPresent(message -> findings.add(Feedback.blocking(Feedback.Stage.BUILD, message)));
        }
        return findings;
    }

    /** Whether Maven reached its closing BUILD line, rather than its JVM ending part-way. */
    boolean finished() {
        return log.stream().anyMatch(line -> FINISHED.matcher(line).matches());
    }

    /** The module Maven was building last, if the last one it started was a module at all. */
    java.util.Optional<String> lastModuleStarted() {
        String last = null;
        for (String line : log) {
            Matcher building = BUILDING.matcher(line);
            if (building.matches()) {
                last = building.group(1);
            }
        }
        return java.util.Optional.ofNullable(last);
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

    private List<Feedback> compilerErrors(Path moduleFolder) {
        List<Feedback> errors = new ArrayList<>();
        String prefix = moduleFolder + "/";
        for (int i = 0; i < log.size(); i++) {
            Matcher error = COMPILER_ERROR.matcher(log.get(i));
            if (error.matches() && error.group(1).startsWith(prefix)) {
                String file = SOURCE_ROOT.matcher(error.group(1).substring(prefix.length())).replaceFirst("");
                StringBuilder message = new StringBuilder(error.group(3).strip());
                List<String> details = new ArrayList<>();
                for (int next = i + 1; next < log.size() && !log.get(next).startsWith("["); next++) {
                    if (!log.get(next).isBlank()) {
                        details.add(log.get(next).strip().replaceAll("\\s+", " "));
                    }
                }
                if (!details.isEmpty()) {
                    message.append(" (").append(String.join(", ", details)).append(")");
                }
                errors.add(Feedback.blocking(Feedback.Stage.COMPILE, file + ":" + error.group(2) + ": " + clean(message.toString())));
            }
        }
        return errors.stream().distinct().toList();
    }

    private List<Feedback> checkstyle(Path moduleFolder, Set<String> checkedFiles) {
        Path report = moduleFolder.resolve("target/checkstyle-result.xml");
        if (!Files.isRegularFile(report)) {
            return List.of();
        }
        Path sources = moduleFolder.resolve("src/main/java");
        List<Feedback> findings = new ArrayList<>();
        NodeList files = parse(report).getElementsByTagName("file");
        for (int i = 0; i < files.getLength(); i++) {
            Element file = (Element) files.item(i);
            Path path = Path.of(file.getAttribute("name"));
            String relative = path.startsWith(sources) ? SourceFile.slashes(sources.relativize(path)) : path.getFileName().toString();
            if (!checkedFiles.contains(relative)) {
                continue;
            }
            NodeList errors = file.getElementsByTagName("error");
            for (int j = 0; j < errors.getLength(); j++) {
                Element error = (Element) errors.item(j);
                String message = relative + ":" + error.getAttribute("line") + " [" + rule(error.getAttribute("source")) + "] "
                        + clean(error.getAttribute("message"));
                findings.add(new Feedback(Feedback.Stage.CHECKSTYLE, "error".equals(error.getAttribute("severity")), message));
            }
        }
        return findings;
    }

    private static String rule(String source) {
        String simple = source.substring(source.lastIndexOf('.') + 1);
        return simple.endsWith("Check") ? simple.substring(0, simple.length() - "Check".length()) : simple;
    }

    private List<Feedback> testFailures(Path moduleFolder, Set<String> ownPackages) {
        Path reports = moduleFolder.resolve("target/surefire-reports");
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        Map<String, Path> byName = new TreeMap<>();
        try (DirectoryStream<Path> xml = Files.newDirectoryStream(reports, "TEST-*.xml")) {
            xml.forEach(file -> byName.put(file.getFileName().toString(), file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test reports in " + reports, e);
        }
        List<Feedback> findings = new ArrayList<>();
        for (Path report : byName.values()) {
            NodeList cases = parse(report).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testcase = (Element) cases.item(i);
                problem(testcase).ifPresent(problem -> findings.add(
                        Feedback.blocking(Feedback.Stage.TEST, describe(testcase, problem, ownPackages))));
            }
        }
        return findings;
    }

    private static java.util.Optional<Element> problem(Element testcase) {
        for (String tag : List.of("failure", "error")) {
            NodeList found = testcase.getElementsByTagName(tag);
            if (found.getLength() > 0) {
                return java.util.Optional.of((Element) found.item(0));
            }
        }
        return java.util.Optional.empty();
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

    /** The packages of every source in the module, which tells the project's frames from the libraries'. */
    private static Set<String> ownPackages(Path moduleFolder) {
        List<SourceFile> sources = SourceFile.under(List.of(moduleFolder.resolve("src/main/java"),
                moduleFolder.resolve("src/test/java")));
        return sources.stream().map(file -> {
            Path parent = file.relativePath().getParent();
            return parent == null ? "" : SourceFile.slashes(parent).replace('/', '.');
        }).collect(Collectors.toSet());
    }

    private java.util.Optional<String> failedGoal(String module) {
        return log.stream().map(FAILED_PROJECT::matcher).filter(Matcher::matches)
                .filter(matcher -> matcher.group(1).equals(module)).map(matcher -> clean(matcher.group(2))).findFirst();
    }

    /** Removes what differs between machines and runs: the work folder, identity hashes. */
    String clean(String text) {
        return IDENTITY_HASH.matcher(text.replace(folder + "/", "").replace(folder.toString(), ""))
                .replaceAll("@…");
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

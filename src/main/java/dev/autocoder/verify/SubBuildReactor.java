package dev.autocoder.verify;

import dev.autocoder.project.Dependency;
import dev.autocoder.project.ProjectLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
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
 * Lays out one sub-build on disk: an aggregator POM and one module per plan, each a copy of the
 * project's sources plus the plan's units, with the project's dependencies as system-scoped files
 * so the sub-build resolves nothing but plugins.
 */
final class SubBuildReactor {

    static final String DEFAULT_CHECKSTYLE = "default-checkstyle.xml";

    /** Configuration elements the sub-build sets itself, whatever the project's POM says. */
    private static final Set<String> OWN_CHECKSTYLE_ELEMENTS = Set.of("failOnViolation", "failsOnError",
            "violationSeverity", "outputFile", "outputFileFormat", "consoleOutput", "logViolationsToConsole", "skip",
            "includeTestSourceDirectory", "sourceDirectories", "testSourceDirectories");

    /** Path-valued checkstyle settings that a project usually gives relative to its base folder. */
    private static final Set<String> LOCATION_ELEMENTS = Set.of("configLocation", "suppressionsLocation",
            "headerLocation", "propertiesLocation", "cacheFile");

    /**
     * One module of the reactor.
     *
     * @param units main and test units to add to the project's sources
     * @param projectTests the project's test files to include
     * @param checkedFiles main files, relative to the source root, whose checkstyle findings count
     */
    record Plan(List<CodeUnit> units, List<SourceFile> projectTests, Set<String> checkedFiles) {
        Plan {
            units = List.copyOf(units);
            projectTests = List.copyOf(projectTests);
            checkedFiles = Set.copyOf(checkedFiles);
        }
    }

    private final ProjectLayout layout;
    private final Path checkstyleConfig;

    /**
     * @param checkstyleConfig a checkstyle configuration file that overrides the project's and the
     *     default one, or null
     */
    SubBuildReactor(ProjectLayout layout, Path checkstyleConfig) {
        this.layout = layout;
        this.checkstyleConfig = checkstyleConfig;
    }

    static String moduleName(int index) {
        return "c" + index;
    }

    /**
     * Writes the reactor into an empty folder.
     *
     * @param testsInProcess whether surefire runs the tests inside Maven's JVM instead of forking
     *     one JVM per module, which saves about a second per module but needs a one-thread build
     */
    void write(Path folder, List<Plan> plans, boolean testsInProcess) throws IOException {
        // The work folder lies inside the consuming project, and Maven looks upwards for .mvn/:
        // an empty one here keeps the project's maven.config and jvm.config (which may hold
        // -D secrets or extensions) out of the sub-build.
        Files.createDirectories(folder.resolve(".mvn"));
        StringBuilder modules = new StringBuilder();
        for (int i = 0; i < plans.size(); i++) {
            modules.append("    <module>").append(moduleName(i)).append("</module>\n");
        }
        Files.writeString(folder.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.autocoder.subbuild</groupId>
                  <artifactId>reactor</artifactId>
                  <version>0</version>
                  <packaging>pom</packaging>
                  <modules>
                %s  </modules>
                </project>
                """.formatted(modules));
        String checkstyle = checkstyleXml(folder);
        String dependencies = dependenciesXml(folder);
        List<SourceFile> mainSources = SourceFile.under(layout.mainSourceRoots());
        for (int i = 0; i < plans.size(); i++) {
            writeModule(folder.resolve(moduleName(i)), moduleName(i), plans.get(i), mainSources,
                    modulePom(moduleName(i), dependencies, checkstyle, testsInProcess));
        }
    }

    private void writeModule(Path module, String name, Plan plan, List<SourceFile> mainSources, String pom)
            throws IOException {
        Path main = module.resolve("src/main/java");
        Path test = module.resolve("src/test/java");
        Set<Path> written = new HashSet<>();
        for (CodeUnit unit : plan.units()) {
            Path file = (unit.test() ? test : main).resolve(unit.relativePath());
            Files.createDirectories(file.getParent());
            Files.writeString(file, unit.source(), StandardCharsets.UTF_8);
            written.add(file);
        }
        copy(mainSources, main, written);
        copy(plan.projectTests(), test, written);
        Files.writeString(module.resolve("pom.xml"), pom);
    }

    private static void copy(List<SourceFile> files, Path root, Set<Path> written) throws IOException {
        for (SourceFile file : files) {
            Path target = root.resolve(file.relativePath());
            if (written.add(target)) {
                Files.createDirectories(target.getParent());
                Files.copy(file.absolutePath(), target);
            }
        }
    }

    private String modulePom(String name, String dependencies, String checkstyle, boolean testsInProcess) {
        // In-process tests get a fresh class loader per module from surefire; argLine would be ignored.
        String forking = testsInProcess ? "<forkCount>0</forkCount>"
                : "<argLine>-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto</argLine>";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.autocoder.subbuild</groupId>
                  <artifactId>%s</artifactId>
                  <version>0</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                %s  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <skip>true</skip>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <release>%s</release>
                          <useIncrementalCompilation>false</useIncrementalCompilation>
                        </configuration>
                      </plugin>
                %s
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          %s
                          <trimStackTrace>false</trimStackTrace>
                          <redirectTestOutputToFile>true</redirectTestOutputToFile>
                          <failIfNoTests>false</failIfNoTests>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(name, dependencies, version("maven-resources-plugin", "3.3.1"),
                version("maven-compiler-plugin", "3.14.0"), xml(layout.javaRelease()), checkstyle,
                version("maven-surefire-plugin", "3.5.3"), forking);
    }

    private String version(String plugin, String fallback) {
        return xml(layout.pluginVersions().getOrDefault(plugin, fallback));
    }

    /**
     * Every dependency as a system-scoped file; artifactIds are made unique since only the file
     * matters. Maven accepts only files as system paths, so class folders (reactor modules) are
     * packed into jars in the work folder first.
     */
    private String dependenciesXml(Path folder) throws IOException {
        StringBuilder xml = new StringBuilder();
        Set<String> keys = new HashSet<>();
        int index = 0;
        for (Dependency dependency : layout.dependencies()) {
            index++;
            String artifactId = dependency.artifactId();
            if (!keys.add(dependency.groupId() + ":" + artifactId)) {
                artifactId = artifactId + "-" + index;
            }
            xml.append("""
                        <dependency>
                          <groupId>%s</groupId>
                          <artifactId>%s</artifactId>
                          <version>%s</version>
                          <scope>system</scope>
                          <systemPath>%s</systemPath>
                        </dependency>
                    """.formatted(xml(dependency.groupId()), xml(artifactId), xml(dependency.version()),
                    xml(asFile(dependency.file(), folder.resolve("deps").resolve(index + "-" + artifactId + ".jar")))));
        }
        return xml.toString();
    }

    private static String asFile(Path dependency, Path jar) throws IOException {
        if (!Files.isDirectory(dependency)) {
            return dependency.toAbsolutePath().toString();
        }
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(dependency)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(SourceFile.slashes(dependency.relativize(file))));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar.toAbsolutePath().toString();
    }

    /** The checkstyle plugin element: the override file, else the project's setup, else the default rules. */
    private String checkstyleXml(Path folder) throws IOException {
        ProjectLayout.CheckstyleSetup setup = layout.checkstyle().orElse(null);
        String configuration;
        String dependencies;
        if (checkstyleConfig != null || setup == null) {
            Path config = checkstyleConfig;
            if (config == null) {
                config = folder.resolve(DEFAULT_CHECKSTYLE);
                try (InputStream rules = Objects.requireNonNull(
                        SubBuildReactor.class.getResourceAsStream(DEFAULT_CHECKSTYLE), DEFAULT_CHECKSTYLE)) {
                    Files.copy(rules, config);
                }
            }
            configuration = "<configLocation>" + xml(config.toAbsolutePath().toString()) + "</configLocation>";
            dependencies = setup != null && !setup.dependenciesXml().isBlank() ? inner(setup.dependenciesXml())
                    : defaultCheckstyleDependency();
        } else {
            configuration = projectConfiguration(setup.configurationXml());
            dependencies = setup.dependenciesXml().isBlank() ? defaultCheckstyleDependency()
                    : inner(setup.dependenciesXml());
        }
        return """
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-checkstyle-plugin</artifactId>
                        <version>%s</version>
                        <dependencies>%s</dependencies>
                        <executions>
                          <execution>
                            <id>autocoder-checkstyle</id>
                            <phase>validate</phase>
                            <goals>
                              <goal>check</goal>
                            </goals>
                            <configuration>
                              %s
                              <failOnViolation>false</failOnViolation>
                              <failsOnError>false</failsOnError>
                              <violationSeverity>error</violationSeverity>
                              <consoleOutput>false</consoleOutput>
                              <logViolationsToConsole>false</logViolationsToConsole>
                              <includeTestSourceDirectory>false</includeTestSourceDirectory>
                              <outputFileFormat>xml</outputFileFormat>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>""".formatted(version("maven-checkstyle-plugin", "3.6.0"), dependencies, configuration);
    }

    private static String defaultCheckstyleDependency() {
        return """
                <dependency>
                  <groupId>com.puppycrawl.tools</groupId>
                  <artifactId>checkstyle</artifactId>
                  <version>12.3.1</version>
                </dependency>""";
    }

    /** The project's {@code <configuration>} children, less what the sub-build sets, paths made absolute. */
    private String projectConfiguration(String configurationXml) {
        if (configurationXml.isBlank()) {
            return "";
        }
        Element root = parse(configurationXml);
        StringBuilder kept = new StringBuilder();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && !OWN_CHECKSTYLE_ELEMENTS.contains(child.getTagName())) {
                if (LOCATION_ELEMENTS.contains(child.getTagName())) {
                    child.setTextContent(absoluteLocation(child.getTextContent().strip()));
                }
                kept.append(serialize(child));
            }
        }
        return expandBasedir(kept.toString());
    }

    private String absoluteLocation(String location) {
        String expanded = expandBasedir(location);
        Path relative = layout.baseDirectory().resolve(expanded);
        return !expanded.contains("://") && !Path.of(expanded).isAbsolute() && Files.exists(relative)
                ? relative.toAbsolutePath().toString() : expanded;
    }

    private String expandBasedir(String text) {
        String base = Matcher.quoteReplacement(layout.baseDirectory().toAbsolutePath().toString());
        return text.replaceAll("\\$\\{(project\\.)?basedir}", base);
    }

    /** The children of a wrapper element such as {@code <dependencies>}, or the text as it is. */
    private static String inner(String xml) {
        String trimmed = xml.strip();
        Element root = parse(trimmed);
        if (!root.getTagName().equals("dependencies")) {
            return trimmed;
        }
        StringBuilder children = new StringBuilder();
        NodeList nodes = root.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child) {
                children.append(serialize(child));
            }
        }
        return children.toString();
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("the project's checkstyle setup is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static String serialize(Node node) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the checkstyle setup back as XML", e);
        }
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The module folders by name, for reading results back. */
    static Map<String, Integer> indexByName(int modules) {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < modules; i++) {
            index.put(moduleName(i), i);
        }
        return index;
    }
}

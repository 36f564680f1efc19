package dev.autocoder.maven;

import static dev.autocoder.maven.ProjectFixture.pom;
import static dev.autocoder.maven.ProjectFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.core.ConfigurationException;
import dev.autocoder.project.ProjectLayout;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.manager.ArtifactHandlerManager;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.ConfigurationContainer;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class MavenProjectViewTest {

    private static final String SELF = "dev.autocoder:autocoder-maven-plugin:0.1.0-SNAPSHOT";

    private static final String SELF_DECLARED = """
            <plugin>
              <groupId>dev.autocoder</groupId>
              <artifactId>autocoder-maven-plugin</artifactId>
              <version>0.1.0-SNAPSHOT</version>
            </plugin>
            """;

    @Inject
    private ProjectFixture fixture;

    @Inject
    private ArtifactHandlerManager handlers;

    @TempDir
    private Path dir;

    @BeforeEach
    void localRepository() {
        fixture.localRepository(dir.resolve("repository"));
    }

    @Test
    void releaseInTheCompilerConfigurationWinsOverTheProperty() throws Exception {
        MavenProject project = module("""
                <properties><maven.compiler.release>17</maven.compiler.release></properties>
                """, "<release>11</release>", "");

        assertEquals("11", layout(project).javaRelease());
    }

    @Test
    void releaseFallsBackToTheSourcePropertyWithoutItsLeadingOne() throws Exception {
        MavenProject project = fixture.build(write(dir.resolve("pom.xml"), pom("com.example", "old", "1.0", """
                <properties><maven.compiler.source>1.8</maven.compiler.source></properties>
                """)));

        assertEquals("8", layout(project).javaRelease());
    }

    @Test
    void targetGivenToTheDefaultCompileExecutionCounts() throws Exception {
        MavenProject project = fixture.build(write(dir.resolve("pom.xml"), pom("com.example", "old", "1.0", """
                <build><plugins><plugin>
                  <artifactId>maven-compiler-plugin</artifactId>
                  <version>3.14.0</version>
                  <executions><execution>
                    <id>default-compile</id>
                    <configuration><target>1.8</target></configuration>
                  </execution></executions>
                </plugin></plugins></build>
                """)));

        assertEquals("8", layout(project).javaRelease());
    }

    @Test
    void compilerArgumentsAreWhatJavacIsGiven() throws Exception {
        MavenProject project = module("", """
                <parameters>true</parameters>
                <enablePreview>true</enablePreview>
                <proc>full</proc>
                <annotationProcessors>
                  <annotationProcessor>com.example.One</annotationProcessor>
                  <annotationProcessor>com.example.Two</annotationProcessor>
                </annotationProcessors>
                <compilerArgs><arg>-Xlint:all</arg><arg>-Akey=value</arg></compilerArgs>
                <compilerArgument>${lint}</compilerArgument>
                """, "strict");

        assertEquals(List.of("-parameters", "--enable-preview", "-proc:full", "-processor",
                "com.example.One,com.example.Two", "-Werror", "-Xlint:all", "-Akey=value"),
                layout(project).compiler().main().arguments());
    }

    /** The compiler plugin passes {@code failOnWarning} to javac as {@code -Werror} (Gson's build sets it). */
    @Test
    void failOnWarningIsJavacsWerror() throws Exception {
        MavenProject project = module("", "<failOnWarning>true</failOnWarning>", "");

        assertEquals(List.of("-Werror"), layout(project).compiler().main().arguments());
        assertEquals(List.of("-Werror"), layout(project).compiler().test().arguments());

        // With showWarnings off the plugin gives javac -nowarn first: only what survives it fails.
        MavenProject quiet = module("", "<failOnWarning>true</failOnWarning><showWarnings>false</showWarnings>", "");
        assertEquals(List.of("-nowarn", "-Werror"), layout(quiet).compiler().main().arguments());
    }

    @Test
    void aPropertyNoActiveProfileDefinesGivesNoArgument() throws Exception {
        MavenProject project = module("", "<compilerArgument>${lint}</compilerArgument>", "");

        assertEquals(List.of(), layout(project).compiler().main().arguments());
    }

    @Test
    void sourcesAreReadInTheEncodingTheCompilerIsGivenOrTheProjectDeclares() throws Exception {
        MavenProject declared = module("""
                <properties><project.build.sourceEncoding>ISO-8859-1</project.build.sourceEncoding></properties>
                """, "", "");
        assertEquals(java.util.Optional.of(java.nio.charset.StandardCharsets.ISO_8859_1),
                layout(declared).compiler().encoding());

        MavenProject given = module("""
                <properties><project.build.sourceEncoding>ISO-8859-1</project.build.sourceEncoding></properties>
                """, "<encoding>windows-1252</encoding>", "");
        assertEquals(java.util.Optional.of(java.nio.charset.Charset.forName("windows-1252")),
                layout(given).compiler().encoding(), "the compiler's own parameter wins over its default");

        MavenProject unknown = module("""
                <properties><project.build.sourceEncoding>no-such-charset</project.build.sourceEncoding></properties>
                """, "", "");
        assertEquals(java.util.Optional.empty(), layout(unknown).compiler().encoding());
    }

    @Test
    void aProjectThatOnlySetsItsReleaseHasAPlainCompilerSetup() throws Exception {
        MavenProject project = fixture.build(write(dir.resolve("pom.xml"), pom("com.example", "plain", "1.0", """
                <properties><maven.compiler.release>17</maven.compiler.release></properties>
                <build><plugins>
                  <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
                </plugins></build>
                """)));

        assertEquals("17", layout(project).javaRelease());
        assertEquals(ProjectLayout.CompilerSetup.PLAIN, layout(project).compiler());
    }

    @Test
    void mainAndTestCompilesAreReadFromTheirOwnExecutions() throws Exception {
        MavenProject project = fixture.build(write(dir.resolve("pom.xml"), pom("com.example", "two-releases", "1.0", """
                <properties><maven.compiler.testRelease>17</maven.compiler.testRelease></properties>
                <build><plugins>
                  <plugin>
                    <artifactId>maven-compiler-plugin</artifactId>
                    <version>3.14.0</version>
                    <configuration>
                      <release>8</release>
                      <compilerArgument>-Xlint:all</compilerArgument>
                      <compilerArguments><Akey>value</Akey><Xmaxwarns>7</Xmaxwarns></compilerArguments>
                    </configuration>
                    <executions>
                      <execution>
                        <id>default-compile</id>
                        <configuration><excludes><exclude>module-info.java</exclude></excludes></configuration>
                      </execution>
                      <execution>
                        <id>default-testCompile</id>
                        <configuration>
                          <testIncludes><testInclude>**/*Test.java</testInclude></testIncludes>
                          <testExcludes><testExclude>**/Slow*.java</testExclude></testExcludes>
                          <testCompilerArgument>-Xlint:none</testCompilerArgument>
                          <testCompilerArguments><Aflavour>test</Aflavour></testCompilerArguments>
                        </configuration>
                      </execution>
                      <execution>
                        <id>module-info</id>
                        <goals><goal>compile</goal></goals>
                        <configuration><release>9</release><includes><include>module-info.java</include></includes>
                        </configuration>
                      </execution>
                    </executions>
                  </plugin>
                  <plugin>
                    <groupId>com.coderplus.maven.plugins</groupId>
                    <artifactId>copy-rename-maven-plugin</artifactId>
                    <version>1.0.1</version>
                    <executions><execution><id>rename-test-classes</id><phase>process-test-classes</phase>
                      <goals><goal>rename</goal></goals></execution></executions>
                  </plugin>
                </plugins></build>
                """)));

        ProjectLayout.CompilerSetup compiler = layout(project).compiler();

        assertEquals("8", layout(project).javaRelease());
        assertEquals(new ProjectLayout.CompilerSetup.Compile(java.util.Optional.empty(), List.of(),
                List.of("module-info.java"), List.of("-Akey=value", "-Xmaxwarns", "7", "-Xlint:all")), compiler.main());
        assertEquals(new ProjectLayout.CompilerSetup.Compile(java.util.Optional.of("17"), List.of("**/*Test.java"),
                List.of("**/Slow*.java"), List.of("-Aflavour=test", "-Xlint:none")), compiler.test());
        assertEquals(List.of("copy-rename-maven-plugin:rename-test-classes"), compiler.testClassReaders());
    }

    @Test
    void testsCompileAtTheMainReleaseWhenNoTestReleaseIsGiven() throws Exception {
        MavenProject project = module("", "<release>11</release>", "");

        assertEquals("11", layout(project).javaRelease());
        assertEquals(java.util.Optional.empty(), layout(project).compiler().test().release(),
                "no release of its own: the tests compile at the main code's");
        assertEquals(List.of(), layout(project).compiler().testClassReaders());
    }

    @Test
    void checkstyleConfigurationGivenInACheckExecutionIsRead() throws Exception {
        MavenProject project = module("", "", "");

        String configuration = layout(project).checkstyle().orElseThrow().configurationXml();

        assertTrue(configuration.contains("<consoleOutput>true</consoleOutput>"), configuration);
        assertTrue(configuration.contains("<configLocation>config/checkstyle.xml</configLocation>"), configuration);
    }

    @Test
    void effectivePomKeepsTheMergedBuildWithoutWhatOnlyTheOuterBuildNeeds() throws Exception {
        MavenProject project = module("", "<release>11</release>", "strict");

        Model pom = effectivePom(project);

        assertNull(pom.getParent());
        assertEquals(List.of(), pom.getModules());
        assertEquals(List.of(), pom.getProfiles());
        assertNull(pom.getDistributionManagement());
        assertNull(pom.getReporting());
        assertTrue(layout(project).build().effectivePom().indexOf("reportPlugin") < 0,
                "reports Maven moved into the site plugin are gone with <reporting>");
        assertEquals("com.example", pom.getGroupId());
        assertEquals("-Werror", pom.getProperties().getProperty("lint"));
        assertEquals("11", configuration(pom.getBuild().getPluginsAsMap().get(CompilerConfiguration.PLUGIN_KEY))
                .getChild("release").getValue());
        assertTrue(pom.getBuild().getPlugins().stream().noneMatch(this::isSelf));
        assertTrue(pom.getBuild().getPluginManagement().getPlugins().stream().noneMatch(this::isSelf));
        assertEquals(Path.of(project.getBuild().getDirectory()), layout(project).build().buildDirectory());
    }

    @Test
    void relativePathsInPluginConfigurationBecomeAbsolute() throws Exception {
        MavenProject project = module("", "", "");
        Path base = project.getBasedir().toPath();

        Xpp3Dom execution = configuration(checkstyle(effectivePom(project)).getExecutionsAsMap().get("style"));

        assertEquals(base.resolve("config/checkstyle.xml").toString(), execution.getChild("configLocation").getValue());
        assertEquals("no/such/file.xml", execution.getChild("suppressionsLocation").getValue());
        assertEquals(base.resolve("config").toString(), execution.getChild("propertyExpansion").getChild("dir")
                .getValue());
        assertEquals("config/checkstyle.xml", configuration(project.getPlugin("org.apache.maven.plugins:"
                + "maven-checkstyle-plugin").getExecutionsAsMap().get("style")).getChild("configLocation").getValue(),
                "the outer build's model is left as it was");
    }

    @Test
    void testsRunInTheProjectFolderUnlessTheProjectSaysOtherwise() throws Exception {
        MavenProject project = module("", "", "");
        Model pom = effectivePom(project);

        assertEquals(project.getBasedir().toPath().toString(), configuration(pom.getBuild().getPluginsAsMap()
                .get("org.apache.maven.plugins:maven-surefire-plugin")).getChild("workingDirectory").getValue());
        assertEquals("/tmp/integration", configuration(pom.getBuild().getPluginsAsMap()
                .get("org.apache.maven.plugins:maven-failsafe-plugin")).getChild("workingDirectory").getValue());
    }

    @Test
    void reactorModulesAreSystemFilesAndWhatTheyBroughtIsListed() throws Exception {
        MavenProject project = module("", "", "");
        MavenProject lib = new MavenProject();
        lib.setGroupId("com.example");
        lib.setArtifactId("lib");
        lib.setVersion("1.0");
        Path libJar = write(dir.resolve("lib/target/lib-1.0.jar"), "jar");
        Path utilJar = write(dir.resolve("repository/util-3.1.jar"), "jar");
        Path junitJar = write(dir.resolve("repository/junit.jar"), "jar");
        Path sibling = Files.createDirectories(dir.resolve("sibling/target/classes"));
        Path libTests = write(dir.resolve("lib/target/lib-1.0-tests.jar"), "jar");
        Artifact libTestArtifact = new DefaultArtifact("com.example", "lib", "1.0", "test", "test-jar", "tests",
                handlers.getArtifactHandler("test-jar"));
        libTestArtifact.setFile(libTests.toFile());
        libTestArtifact.setDependencyTrail(List.of("com.example:app:jar:1.0", libTestArtifact.getId()));
        String app = "com.example:app:jar:1.0";
        project.setArtifacts(Set.of(
                artifact("com.example:lib:1.0", "compile", libJar, app, "com.example:lib:jar:1.0"),
                artifact("com.example.ext:util:3.1", "compile", utilJar, app, "com.example:lib:jar:1.0",
                        "com.example.ext:util:jar:3.1"),
                artifact("com.example:sibling:1.0", "compile", sibling, app, "com.example:lib:jar:1.0",
                        "com.example:sibling:jar:1.0"),
                artifact("org.junit:junit:5", "test", junitJar, app, "org.junit:junit:jar:5"), libTestArtifact));

        Model pom = effectivePom(project, fixture.session(project, lib));
        Map<String, Dependency> dependencies = pom.getDependencies().stream()
                .collect(Collectors.toMap(dependency -> dependency.getArtifactId() + ":" + dependency.getType(),
                        dependency -> dependency));

        assertEquals(Set.of("lib:jar", "lib:test-jar", "junit:jar", "util:jar", "sibling:jar"), dependencies.keySet());
        assertSystem(libJar, dependencies.get("lib:jar"));
        assertSystem(libTests, dependencies.get("lib:test-jar"));
        assertSystem(sibling, dependencies.get("sibling:jar"));
        assertEquals("3.1", dependencies.get("util:jar").getVersion());
        assertEquals("compile", dependencies.get("util:jar").getScope());
        assertNull(dependencies.get("util:jar").getSystemPath());
        assertEquals("test", dependencies.get("junit:jar").getScope());
        assertNull(dependencies.get("junit:jar").getSystemPath());
    }

    @Test
    void processorPathIsResolvedWithItsDependenciesAndAManagedVersion() throws Exception {
        List<Path> processorAndSupport = installProcessor();
        MavenProject project = module("""
                <dependencyManagement><dependencies><dependency>
                  <groupId>com.example.ap</groupId><artifactId>processor</artifactId><version>1.0</version>
                </dependency></dependencies></dependencyManagement>
                """, """
                <annotationProcessorPaths>
                  <path><groupId>com.example.ap</groupId><artifactId>processor</artifactId></path>
                </annotationProcessorPaths>
                """, "");

        assertEquals(processorAndSupport, layout(project).compiler().processorPath());
    }

    @Test
    void processorPathLeavesOutWhatItsPathExcludes() throws Exception {
        Path processor = installProcessor().get(0);
        MavenProject project = module("", """
                <annotationProcessorPaths><path>
                  <groupId>com.example.ap</groupId><artifactId>processor</artifactId><version>1.0</version>
                  <exclusions><exclusion><groupId>com.example.ap</groupId><artifactId>support</artifactId></exclusion>
                  </exclusions>
                </path></annotationProcessorPaths>
                """, "");

        assertEquals(List.of(processor), layout(project).compiler().processorPath());
    }

    @Test
    void processorPathWithoutAnyVersionIsAConfigurationError() throws Exception {
        MavenProject project = module("", """
                <annotationProcessorPaths>
                  <path><groupId>com.example.ap</groupId><artifactId>processor</artifactId></path>
                </annotationProcessorPaths>
                """, "");

        ConfigurationException error = assertThrows(ConfigurationException.class, () -> layout(project));

        assertEquals("annotationProcessorPaths", error.parameter());
        assertTrue(error.getMessage().contains("com.example.ap:processor has no <version>"), error.getMessage());
    }

    @Test
    void unresolvableProcessorPathNamesItsCoordinates() throws Exception {
        MavenProject project = module("", """
                <annotationProcessorPaths>
                  <path><groupId>com.example.ap</groupId><artifactId>missing</artifactId><version>9.9</version></path>
                </annotationProcessorPaths>
                """, "");

        ConfigurationException error = assertThrows(ConfigurationException.class, () -> layout(project));

        assertEquals("annotationProcessorPaths", error.parameter());
        assertTrue(error.getMessage().contains("cannot resolve com.example.ap:missing:9.9"), error.getMessage());
    }

    /**
     * A module {@code app} of a parent that manages the compiler (with {@code compilerConfiguration})
     * and autocoder, defines a profile {@code strict} and deploys somewhere; the module binds
     * autocoder, checkstyle in an execution, surefire and failsafe.
     */
    private MavenProject module(String parentExtra, String compilerConfiguration, String profile) throws Exception {
        write(dir.resolve("pom.xml"), pom("com.example", "parent", "1.0", """
                <packaging>pom</packaging>
                <modules><module>app</module></modules>
                %s
                <distributionManagement><repository><id>releases</id><url>file:///tmp/releases</url></repository>
                </distributionManagement>
                <reporting><plugins><plugin><artifactId>maven-javadoc-plugin</artifactId></plugin></plugins>
                </reporting>
                <build><pluginManagement><plugins>
                  <plugin>
                    <artifactId>maven-compiler-plugin</artifactId>
                    <version>3.14.0</version>
                    <configuration>%s</configuration>
                  </plugin>
                  %s
                </plugins></pluginManagement></build>
                <profiles><profile><id>strict</id><properties><lint>-Werror</lint></properties></profile></profiles>
                """.formatted(parentExtra, compilerConfiguration, SELF_DECLARED)));
        write(dir.resolve("app/config/checkstyle.xml"), "<module name=\"Checker\"/>");
        Path pom = write(dir.resolve("app/pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>com.example</groupId><artifactId>parent</artifactId><version>1.0</version>
                  </parent>
                  <artifactId>app</artifactId>
                  <dependencies>
                    <dependency><groupId>com.example</groupId><artifactId>lib</artifactId><version>1.0</version>
                    </dependency>
                    <dependency><groupId>org.junit</groupId><artifactId>junit</artifactId><version>5</version>
                      <scope>test</scope></dependency>
                    <dependency><groupId>com.example</groupId><artifactId>lib</artifactId><version>1.0</version>
                      <type>test-jar</type><scope>test</scope></dependency>
                  </dependencies>
                  <build><plugins>
                    <plugin>
                      <groupId>dev.autocoder</groupId>
                      <artifactId>autocoder-maven-plugin</artifactId>
                      <executions><execution><goals><goal>generate</goal></goals></execution></executions>
                    </plugin>
                    <plugin>
                      <artifactId>maven-checkstyle-plugin</artifactId>
                      <version>3.6.0</version>
                      <configuration><consoleOutput>true</consoleOutput></configuration>
                      <executions><execution>
                        <id>style</id>
                        <phase>validate</phase>
                        <goals><goal>check</goal></goals>
                        <configuration>
                          <configLocation>config/checkstyle.xml</configLocation>
                          <suppressionsLocation>no/such/file.xml</suppressionsLocation>
                          <propertyExpansion><dir>config</dir></propertyExpansion>
                        </configuration>
                      </execution></executions>
                    </plugin>
                    <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.3</version></plugin>
                    <plugin>
                      <artifactId>maven-failsafe-plugin</artifactId>
                      <version>3.5.3</version>
                      <configuration><workingDirectory>/tmp/integration</workingDirectory></configuration>
                    </plugin>
                  </plugins></build>
                </project>
                """);
        return profile.isEmpty() ? fixture.build(pom) : fixture.build(pom, profile);
    }

    @Test
    void anExecutionLearnsTheOutputsOfTheModulesEarlierAutocoderExecutions() {
        MavenProject project = new MavenProject();
        ProjectLayout.GeneratedRoots first = new ProjectLayout.GeneratedRoots(dir.resolve("gen/a"), dir.resolve("gen/ta"));
        ProjectLayout.GeneratedRoots second = new ProjectLayout.GeneratedRoots(dir.resolve("gen/b"), dir.resolve("gen/tb"));

        assertEquals(List.of(), MavenProjectView.recordOutputs(project, first));
        assertEquals(List.of(first), MavenProjectView.recordOutputs(project, second));
        assertEquals(List.of(first), MavenProjectView.recordOutputs(project, second), "a rerun is not its own predecessor");
    }

    private ProjectLayout layout(MavenProject project) {
        return MavenProjectView.layout(project, fixture.session(project), fixture.repositorySystem(),
                dir.resolve("out"), dir.resolve("test-out"), List.of(), SELF, true);
    }

    /**
     * Both modules as Maven's project builder reads them: the layout of core names web as a
     * dependent, built in the final check unless {@code checkDependents} is false.
     */
    @Test
    void checkDependentsDecidesWhetherTheFinalCheckBuildsTheModulesThatDependOnThisOne() throws Exception {
        MavenProject core = fixture.build(write(dir.resolve("core/pom.xml"), pom("com.acme", "core", "1.0", "")));
        MavenProject web = fixture.build(write(dir.resolve("web/pom.xml"), pom("com.acme", "web", "1.0", """
                <dependencies><dependency>
                  <groupId>com.acme</groupId><artifactId>core</artifactId><version>1.0</version>
                </dependency></dependencies>
                """)));
        MavenSession session = fixture.session(core, web);

        ProjectLayout checked = MavenProjectView.layout(core, session, fixture.repositorySystem(), dir.resolve("out"),
                dir.resolve("test-out"), List.of(), SELF, true);
        ProjectLayout unchecked = MavenProjectView.layout(core, session, fixture.repositorySystem(),
                dir.resolve("out"), dir.resolve("test-out"), List.of(), SELF, false);

        assertEquals(List.of("web"), checked.build().dependents());
        assertEquals(List.of("web"), checked.build().dependentBuilds().stream()
                .map(ProjectLayout.DependentBuild::name).toList());
        assertEquals(dir.resolve("web").toAbsolutePath().normalize(),
                checked.build().dependentBuilds().get(0).baseDirectory());
        assertTrue(checked.build().dependentBuilds().get(0).effectivePom().contains("<artifactId>core</artifactId>"));
        assertEquals(List.of("web"), unchecked.build().dependents());
        assertEquals(List.of(), unchecked.build().dependentBuilds());
        assertEquals(List.of("web"), unchecked.build().dependentsNotBuilt());
    }

    private Model effectivePom(MavenProject project) throws Exception {
        return effectivePom(project, fixture.session(project));
    }

    private Model effectivePom(MavenProject project, MavenSession session) throws Exception {
        ProjectLayout layout = MavenProjectView.layout(project, session, fixture.repositorySystem(), dir.resolve("out"),
                dir.resolve("test-out"), List.of(), SELF, true);
        return new MavenXpp3Reader().read(new StringReader(layout.build().effectivePom()));
    }

    private boolean isSelf(Plugin plugin) {
        return plugin.getArtifactId().equals("autocoder-maven-plugin");
    }

    private static Plugin checkstyle(Model pom) {
        return pom.getBuild().getPluginsAsMap().get("org.apache.maven.plugins:maven-checkstyle-plugin");
    }

    private static Xpp3Dom configuration(ConfigurationContainer container) {
        return (Xpp3Dom) container.getConfiguration();
    }

    private static void assertSystem(Path file, Dependency dependency) {
        assertEquals("system", dependency.getScope());
        assertEquals(file.toAbsolutePath().toString(), dependency.getSystemPath());
    }

    /**
     * A module's dependents are every reactor module that builds on it, directly or through another
     * module, in reactor order (those left out with {@code -pl} too); not what it builds on itself,
     * nor a module of the same artifact id in another group.
     */
    @Test
    void theModulesThatBuildOnAModuleAreItsDependentsInReactorOrder() {
        MavenProject util = reactorModule("com.acme", "util");
        MavenProject core = reactorModule("com.acme", "core", "com.acme:util");
        MavenProject web = reactorModule("com.acme", "web", "com.acme:api");
        MavenProject api = reactorModule("com.acme", "api", "com.acme:core", "org.other:web");
        MavenProject docs = reactorModule("com.acme", "docs");
        MavenProject otherCore = reactorModule("org.other", "app", "org.other:core");

        List<MavenProject> reactor = List.of(util, core, web, api, docs, otherCore);

        assertEquals(List.of("web", "api"), MavenProjectView.dependents(core, reactor));
        assertEquals(List.of("core", "web", "api"), MavenProjectView.dependents(util, reactor));
        assertEquals(List.of(), MavenProjectView.dependents(web, reactor));
    }

    /**
     * The final check builds the dependents this build builds, unless one runs autocoder itself or
     * needs a reactor module that may not be built yet; a module the outer build resolved for this
     * one is used as it resolved it. What a left-out module needs leaves its own dependents out too.
     */
    @Test
    void theFinalCheckBuildsTheDependentsThisBuildBuildsThatNeedNothingElseOfTheReactor() throws IOException {
        MavenProject util = located(reactorModule("com.acme", "util"));
        MavenProject core = located(reactorModule("com.acme", "core", "com.acme:util"));
        Path utilClasses = Files.createDirectories(dir.resolve("util/target/classes"));
        core.setArtifacts(new java.util.LinkedHashSet<>(List.of(artifact("com.acme:util:1.0", "compile", utilClasses,
                "com.acme:core:jar:1.0", "com.acme:util:jar:1.0"))));
        MavenProject web = located(reactorModule("com.acme", "web", "com.acme:core", "com.acme:util",
                "org.other:lib"));
        MavenProject tools = located(reactorModule("com.acme", "tools"));
        MavenProject api = located(reactorModule("com.acme", "api", "com.acme:web", "com.acme:tools"));
        MavenProject app = located(reactorModule("com.acme", "app", "com.acme:api"));
        MavenProject cli = located(reactorModule("com.acme", "cli", "com.acme:core"));
        Plugin self = new Plugin();
        self.setGroupId("dev.autocoder");
        self.setArtifactId("autocoder-maven-plugin");
        cli.getModel().getBuild().addPlugin(self);
        MavenProject admin = located(reactorModule("com.acme", "admin", "com.acme:core"));
        List<MavenProject> all = List.of(util, core, web, tools, api, app, cli, admin);
        List<MavenProject> built = List.of(util, core, web, tools, api, app, cli);

        List<ProjectLayout.DependentBuild> builds = MavenProjectView.dependentBuilds(core, built, all, SELF);

        assertEquals(List.of("web", "api", "app", "cli", "admin"), MavenProjectView.dependents(core, all));
        assertEquals(List.of("web"), builds.stream().map(ProjectLayout.DependentBuild::name).toList(),
                "api needs tools, which may not be built yet, and app needs api; cli runs autocoder; admin is not built");
        ProjectLayout.DependentBuild webBuild = builds.get(0);
        assertEquals("com.acme:web", webBuild.key());
        assertEquals(dir.resolve("web").toAbsolutePath().normalize(), webBuild.baseDirectory());
        assertEquals(dir.resolve("web/target").toAbsolutePath().normalize(), webBuild.buildDirectory());
        Model pom;
        try {
            pom = new MavenXpp3Reader().read(new StringReader(webBuild.effectivePom()));
        } catch (org.codehaus.plexus.util.xml.pull.XmlPullParserException e) {
            throw new AssertionError(e);
        }
        Map<String, Dependency> dependencies = new java.util.HashMap<>();
        pom.getDependencies().forEach(d -> dependencies.put(d.getArtifactId(), d));
        assertNull(dependencies.get("core").getSystemPath(), "core stays by name, for its copy");
        assertEquals("system", dependencies.get("util").getScope(), "util as the outer build resolved it for core");
        assertEquals(utilClasses.toFile().getAbsolutePath(), dependencies.get("util").getSystemPath());
        assertNull(dependencies.get("lib").getSystemPath(), "not a reactor module");
    }

    /** A reactor module with a base folder and a build folder below {@link #dir}. */
    private MavenProject located(MavenProject module) throws IOException {
        Path base = Files.createDirectories(dir.resolve(module.getArtifactId()));
        module.setFile(base.resolve("pom.xml").toFile());
        org.apache.maven.model.Build build = new org.apache.maven.model.Build();
        build.setDirectory(base.resolve("target").toString());
        module.getModel().setBuild(build);
        return module;
    }

    private static MavenProject reactorModule(String groupId, String artifactId, String... dependsOn) {
        Model model = new Model();
        model.setGroupId(groupId);
        model.setArtifactId(artifactId);
        model.setVersion("1.0");
        for (String coordinates : dependsOn) {
            Dependency dependency = new Dependency();
            dependency.setGroupId(coordinates.split(":")[0]);
            dependency.setArtifactId(coordinates.split(":")[1]);
            dependency.setVersion("1.0");
            model.addDependency(dependency);
        }
        return new MavenProject(model);
    }

    private Artifact artifact(String coordinates, String scope, Path file, String... trail) {
        String[] parts = coordinates.split(":");
        Artifact artifact = new DefaultArtifact(parts[0], parts[1], parts[2], scope, "jar", null,
                handlers.getArtifactHandler("jar"));
        artifact.setFile(file.toFile());
        artifact.setDependencyTrail(List.of(trail));
        return artifact;
    }

    /** Installs processor 1.0, which depends on support 2.0; returns both jars. */
    private List<Path> installProcessor() throws IOException {
        Path processor = install("com.example.ap", "processor", "1.0", """
                <dependencies><dependency>
                  <groupId>com.example.ap</groupId><artifactId>support</artifactId><version>2.0</version>
                </dependency></dependencies>
                """);
        return List.of(processor, install("com.example.ap", "support", "2.0", ""));
    }

    /** Puts an artifact into the fixture's local repository, as {@code mvn install} would. */
    private Path install(String groupId, String artifactId, String version, String dependencies) throws IOException {
        Path folder = dir.resolve("repository").resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
        write(folder.resolve(artifactId + "-" + version + ".pom"), pom(groupId, artifactId, version, dependencies));
        return write(folder.resolve(artifactId + "-" + version + ".jar"), "jar");
    }
}

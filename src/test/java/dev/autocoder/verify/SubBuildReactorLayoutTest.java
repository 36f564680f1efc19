package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.MONEY;
import static dev.autocoder.verify.TestProject.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.project.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a sub-build module puts the plan's code, with and without strict gates; no Maven run. */
class SubBuildReactorLayoutTest {

    @TempDir
    Path dir;

    @Test
    void strictGatesPutTheCodeAmongTheProjectsOwnSourcesButNeverOverAProjectFile() throws Exception {
        Path base = dir.resolve("project");
        ProjectLayout layout = new TestProject(base).main("com/example/Ledger.java", "package com.example;\nclass Ledger {}\n")
                .test("com/example/MoneyTest.java", TestProject.MONEY_TEST).layout();
        Path folder = Files.createDirectories(dir.resolve("build"));
        SubBuildReactor.Plan plan = new SubBuildReactor.Plan(List.of(unit("com.example.Money", MONEY, false),
                unit("com.example.MoneyOwnTest", "package com.example;\nclass MoneyOwnTest {}\n", true),
                unit("com.example.Ledger", "package com.example;\nclass Ledger { int twice; }\n", false)),
                List.of(), List.of(), Optional.empty());

        SubBuildReactor.ModuleFiles files = new SubBuildReactor(layout, null, null).write(folder, List.of(plan)).get(0);

        Path module = folder.resolve("c0").toAbsolutePath();
        assertEquals(Map.of(
                SubBuildResults.comparable(module.resolve("src/main/java/com/example/Money.java").toString()),
                "main:com/example/Money.java",
                SubBuildResults.comparable(module.resolve("src/test/java/com/example/MoneyOwnTest.java").toString()),
                "test:com/example/MoneyOwnTest.java",
                SubBuildResults.comparable(module.resolve("target/" + SubBuildReactor.MAIN_SOURCES
                        + "/com/example/Ledger.java").toString()), "main:com/example/Ledger.java"), files.units());
        assertEquals("package com.example;\nclass Ledger {}\n",
                Files.readString(module.resolve("src/main/java/com/example/Ledger.java")), "the project's file stays");
        assertFalse(Files.exists(base.resolve("src/main/java/com/example/Money.java")), "the real module is untouched");
        String pom = Files.readString(module.resolve("pom.xml"));
        assertTrue(pom.contains("<includes>com/example/Money.java,com/example/Ledger.java</includes>"), pom);
    }

    @Test
    void aBaselinesCodeStaysOutOfTheProjectsGatesEvenWithStrictGates() throws Exception {
        Path base = dir.resolve("project");
        ProjectLayout layout = new TestProject(base).test("com/example/MoneyTest.java", TestProject.MONEY_TEST).layout();
        Path folder = Files.createDirectories(dir.resolve("build"));
        SubBuildReactor.Plan candidate = new SubBuildReactor.Plan(List.of(unit("com.example.Money", MONEY, false)),
                List.of(), List.of(), Optional.of(List.of("com.example.MoneyTest")), RoundTrimming.NONE);
        SubBuildReactor.Plan baseline = SubBuildReactor.Plan.baseline(List.of(unit("com.example.Money", MONEY, false)),
                List.of(), List.of("com.example.MoneyTest"), RoundTrimming.NONE);

        List<SubBuildReactor.ModuleFiles> files = new SubBuildReactor(layout, null, null)
                .write(folder, List.of(candidate, baseline));

        Path first = folder.resolve("c0").toAbsolutePath();
        Path second = folder.resolve("c1").toAbsolutePath();
        assertEquals(Map.of(SubBuildResults.comparable(first.resolve("src/main/java/com/example/Money.java").toString()),
                "main:com/example/Money.java"), files.get(0).units(), "a candidate meets the gates");
        assertEquals(Map.of(SubBuildResults.comparable(second.resolve("target/" + SubBuildReactor.MAIN_SOURCES
                + "/com/example/Money.java").toString()), "main:com/example/Money.java"), files.get(1).units(),
                "a baseline's code lies where gates do not look");
        assertTrue(files.get(0).checkstyleReports().containsKey(SubBuildReactor.CHECKSTYLE_REPORT));
        assertFalse(files.get(1).checkstyleReports().containsKey(SubBuildReactor.CHECKSTYLE_REPORT),
                files.get(1).checkstyleReports().toString());
        assertTrue(Files.readString(first.resolve("pom.xml")).contains("<id>autocoder-checkstyle</id>"));
        assertFalse(Files.readString(second.resolve("pom.xml")).contains("<id>autocoder-checkstyle</id>"),
                "no checkstyle on a baseline's code: its findings would be nobody's");
    }

    /**
     * The final check builds the modules that build on this one after its copy: each a copy of its
     * own folder whose dependencies on this module and on the other dependents name their copies,
     * running the plan's tests. A plan that does not ask for them gets none.
     */
    @Test
    void aPlanWithDependentsBuildsEachOnTheModulesCopyAndTheRealModulesStayUntouched() throws Exception {
        Path base = dir.resolve("project");
        ProjectLayout plain = new TestProject(base).layout();
        Path web = Files.createDirectories(dir.resolve("web"));
        Files.createDirectories(web.resolve("src/test/java/com/example/web"));
        Files.writeString(web.resolve("src/test/java/com/example/web/DeskTest.java"),
                "package com.example.web;\nclass DeskTest {}\n");
        Files.createDirectories(web.resolve("target/classes"));
        Path app = Files.createDirectories(dir.resolve("app"));
        String webPom = dependentPom("web", web, "<dependency><groupId>com.example</groupId>"
                + "<artifactId>test-project</artifactId><version>1.0</version></dependency>");
        String appPom = dependentPom("app", app, "<dependency><groupId>com.example</groupId>"
                + "<artifactId>web</artifactId><version>1.0</version></dependency>"
                + "<dependency><groupId>org.example</groupId><artifactId>elsewhere</artifactId><version>2</version>"
                + "</dependency>");
        ProjectLayout layout = new ProjectLayout(base, plain.javaRelease(), plain.mainSourceRoots(),
                plain.testSourceRoots(), plain.dependencies(), Map.of(), Optional.empty(), plain.compiler(),
                new ProjectLayout.BuildModel(plain.build().effectivePom(), plain.buildDirectory(),
                        plain.build().selfPlugin(), List.of(), List.of("web", "app", "tool"), List.of(
                                new ProjectLayout.DependentBuild("web", "com.example:web", web, web.resolve("target"),
                                        webPom),
                                new ProjectLayout.DependentBuild("app", "com.example:app", app, app.resolve("target"),
                                        appPom))));
        Path folder = Files.createDirectories(dir.resolve("build"));
        SubBuildReactor.Plan whole = new SubBuildReactor.Plan(List.of(unit("com.example.Money", MONEY, false)),
                List.of(), List.of(), Optional.empty()).withDependents();
        SubBuildReactor.Plan round = new SubBuildReactor.Plan(List.of(), List.of(), List.of(),
                Optional.of(List.of("com.example.MoneyTest")));

        List<SubBuildReactor.ModuleFiles> files = new SubBuildReactor(layout, null, null)
                .write(folder, List.of(whole, round));

        assertEquals(2, files.size(), "one module's files per plan");
        String aggregator = Files.readString(folder.resolve("pom.xml"));
        assertTrue(aggregator.contains("<module>c0</module>\n    <module>c0-d0</module>\n    <module>c0-d1</module>\n"
                + "    <module>c1</module>\n"), aggregator);
        org.apache.maven.model.Model webCopy = PomModel.parse(Files.readString(folder.resolve("c0-d0/pom.xml")));
        org.apache.maven.model.Model appCopy = PomModel.parse(Files.readString(folder.resolve("c0-d1/pom.xml")));
        assertEquals("com.example" + SubBuildReactor.GROUP_MARKER + "c0-d0", webCopy.getGroupId());
        assertEquals(List.of("com.example" + SubBuildReactor.GROUP_MARKER + "c0:test-project"),
                webCopy.getDependencies().stream().map(d -> d.getGroupId() + ":" + d.getArtifactId()).toList(),
                "web builds on this module's copy");
        assertEquals(List.of("com.example" + SubBuildReactor.GROUP_MARKER + "c0-d0:web", "org.example:elsewhere"),
                appCopy.getDependencies().stream().map(d -> d.getGroupId() + ":" + d.getArtifactId()).toList(),
                "app builds on web's copy, and on anything else as its own build does");
        assertTrue(Files.isRegularFile(folder.resolve("c0-d0/src/test/java/com/example/web/DeskTest.java")));
        assertFalse(Files.exists(folder.resolve("c0-d0/target/classes")), "the build folder is not copied");
        assertEquals(folder.resolve("c0-d0/target").toAbsolutePath().toString(), webCopy.getBuild().getDirectory());
        assertFalse(Files.readString(folder.resolve("c0-d0/pom.xml")).contains(web.toString() + "/"),
                "no path into the real module");
        assertFalse(Files.exists(folder.resolve("c1-d0")), "a round builds this module alone");
        assertEquals(List.of("DeskTest.java"), List.of(web.resolve("src/test/java/com/example/web").toFile().list()));
        assertFalse(Files.exists(web.resolve("pom.xml")), "nothing is written into the real module");
        assertEquals("c0", SubBuildReactor.builtOn("c0-d1"));
        assertEquals("c1", SubBuildReactor.builtOn("c1"));
    }

    private static String dependentPom(String artifactId, Path base, String dependencies) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0</version>
                  <dependencies>%s</dependencies>
                  <build>
                    <directory>%s</directory>
                    <testSourceDirectory>%s</testSourceDirectory>
                  </build>
                </project>
                """.formatted(artifactId, dependencies, base.resolve("target"), base.resolve("src/test/java"));
    }

    @Test
    void aProjectWhoseOnlyMainRootIsAnotherExecutionsOutputGetsTheCodeInItsSourceDirectory() throws Exception {
        Path base = dir.resolve("project");
        ProjectLayout plain = new TestProject(base).layout();
        Files.delete(base.resolve("src/main/java"));
        Path earlier = Files.createDirectories(plain.buildDirectory().resolve("generated-sources/autocoder"));
        ProjectLayout layout = new ProjectLayout(base, plain.javaRelease(), List.of(earlier), plain.testSourceRoots(),
                plain.dependencies(), Map.of(), Optional.empty(), plain.compiler(), plain.build());
        Path folder = Files.createDirectories(dir.resolve("build"));

        SubBuildReactor.ModuleFiles files = new SubBuildReactor(layout, null, null).write(folder, List.of(
                new SubBuildReactor.Plan(List.of(unit("com.example.Money", MONEY, false)), List.of(), List.of(),
                        Optional.empty()))).get(0);

        Path module = folder.resolve("c0").toAbsolutePath();
        assertEquals(Map.of(SubBuildResults.comparable(module.resolve("src/main/java/com/example/Money.java").toString()),
                "main:com/example/Money.java"), files.units(),
                "not in the copy's build folder, which no root of the sub-build names");
    }

    @Test
    void withoutStrictGatesTheCodeIsAGeneratedSourceRootAndEachCheckstyleExecutionReportsToItsOwnFile()
            throws Exception {
        Path base = dir.resolve("project");
        ProjectLayout plain = new TestProject(base).layout();
        String pom = plain.build().effectivePom().replace("    <plugins>\n", """
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-checkstyle-plugin</artifactId>
                        <version>3.6.0</version>
                        <configuration><violationSeverity>warning</violationSeverity></configuration>
                        <executions>
                          <execution>
                            <id>nohttp</id>
                            <phase>validate</phase>
                            <goals><goal>check</goal></goals>
                            <configuration><outputFile>/elsewhere/result.xml</outputFile></configuration>
                          </execution>
                          <execution>
                            <id>advice</id>
                            <goals><goal>check</goal></goals>
                            <configuration><failOnViolation>false</failOnViolation></configuration>
                          </execution>
                          <execution>
                            <id>style</id>
                            <goals><goal>check</goal></goals>
                            <configuration><violationSeverity>error</violationSeverity></configuration>
                          </execution>
                        </executions>
                      </plugin>
                """);
        ProjectLayout layout = new ProjectLayout(plain.baseDirectory(), plain.javaRelease(), plain.mainSourceRoots(),
                plain.testSourceRoots(), plain.dependencies(), Map.of(), Optional.of(
                        new ProjectLayout.CheckstyleSetup("", "")), plain.compiler(),
                new ProjectLayout.BuildModel(pom, plain.buildDirectory(), plain.build().selfPlugin()));
        Path folder = Files.createDirectories(dir.resolve("build"));
        SubBuildReactor reactor = new SubBuildReactor(layout, null, null,
                new ModuleCopy(base, plain.buildDirectory(), List.of()), false);

        SubBuildReactor.ModuleFiles files = reactor.write(folder, List.of(new SubBuildReactor.Plan(
                List.of(unit("com.example.Money", MONEY, false)), List.of(), List.of(), Optional.empty()))).get(0);

        Path module = folder.resolve("c0").toAbsolutePath();
        assertEquals(Map.of(SubBuildResults.comparable(module.resolve("target/" + SubBuildReactor.MAIN_SOURCES
                + "/com/example/Money.java").toString()), "main:com/example/Money.java"), files.units());
        assertEquals(Map.of("autocoder-checkstyle-nohttp.xml", "warning", "autocoder-checkstyle-style.xml", "error",
                "autocoder-checkstyle-advice.xml", SubBuildReactor.NEVER_FAILS, SubBuildReactor.CHECKSTYLE_REPORT,
                "error"), files.checkstyleReports());
        String written = Files.readString(module.resolve("pom.xml"));
        assertTrue(written.contains("<outputFile>" + module.resolve("target/autocoder-checkstyle-nohttp.xml")
                + "</outputFile>"), written);
        assertFalse(written.contains("/elsewhere/result.xml"), written);
    }

    @Test
    void theSubBuildsMvnFolderHasTheProjectsCoreExtensionsAndTheirConfigurationButNotItsMavenConfigWrapperOrStores()
            throws Exception {
        Path base = dir.resolve("project");
        ProjectLayout layout = new TestProject(base).layout();
        Path mvn = Files.createDirectories(base.resolve(".mvn"));
        String extensions = "<extensions><extension><groupId>com.acme</groupId><artifactId>packaging</artifactId>"
                + "<version>1</version></extension></extensions>\n";
        Files.writeString(mvn.resolve("extensions.xml"), extensions);
        Files.writeString(mvn.resolve("maven-build-cache-config.xml"), "<cache/>\n");
        Files.writeString(mvn.resolve("develocity.xml"), "<develocity/>\n");
        Files.writeString(mvn.resolve("gradle-enterprise.xml"), "<gradleEnterprise/>\n");
        Files.writeString(mvn.resolve("maven.config"), "-Dautocoder.apiKey=sk-SECRET\n-T 4\n");
        Files.writeString(mvn.resolve("jvm.config"), "-Xss8m -Dautocoder.apiKey=sk-SECRET\n");
        Files.writeString(Files.createDirectories(mvn.resolve("wrapper")).resolve("maven-wrapper.properties"),
                "distributionUrl=https://example.invalid/apache-maven-3.9.9-bin.zip\n");
        Files.writeString(Files.createDirectories(mvn.resolve(".develocity/build-cache")).resolve("entry"), "cached");
        Path folder = Files.createDirectories(dir.resolve("build"));
        SubBuildReactor reactor = new SubBuildReactor(layout, null, "-Xss8m\n", mvn,
                new ModuleCopy(base, layout.buildDirectory(), List.of()), true);
        Files.writeString(mvn.resolve("develocity.xml"), "<develocity><changed/></develocity>\n");

        reactor.write(folder, List.of(new SubBuildReactor.Plan(List.of(unit("com.example.Money", MONEY, false)),
                List.of(), List.of(), Optional.empty())));

        Path written = folder.resolve(".mvn");
        try (var listed = Files.list(written)) {
            assertEquals(List.of("develocity.xml", "extensions.xml", "gradle-enterprise.xml", "jvm.config",
                    "maven-build-cache-config.xml"), listed.map(file -> file.getFileName().toString()).sorted().toList());
        }
        assertEquals(extensions, Files.readString(written.resolve("extensions.xml")));
        assertEquals("<cache/>\n", Files.readString(written.resolve("maven-build-cache-config.xml")));
        assertEquals("<develocity/>\n", Files.readString(written.resolve("develocity.xml")),
                "read once, when the verifier starts, as jvm.config is");
        assertEquals("<gradleEnterprise/>\n", Files.readString(written.resolve("gradle-enterprise.xml")));
        assertEquals("-Xss8m\n", Files.readString(written.resolve("jvm.config")), "jvm.config as it was prepared");
        assertFalse(Files.exists(folder.resolve("c0/.mvn")), "the module's copy leaves .mvn out");
    }

    @Test
    void withoutAProjectMvnFolderTheSubBuildsHoldsOnlyThePreparedJvmConfig() throws Exception {
        Path base = dir.resolve("project");
        ProjectLayout layout = new TestProject(base).layout();
        Path folder = Files.createDirectories(dir.resolve("build"));

        new SubBuildReactor(layout, null, "-Xss8m\n", base.resolve(".mvn"),
                new ModuleCopy(base, layout.buildDirectory(), List.of()), true)
                .write(folder, List.of(new SubBuildReactor.Plan(List.of(unit("com.example.Money", MONEY, false)),
                        List.of(), List.of(), Optional.empty())));

        try (var listed = Files.list(folder.resolve(".mvn"))) {
            assertEquals(List.of("jvm.config"), listed.map(file -> file.getFileName().toString()).toList());
        }
    }
}

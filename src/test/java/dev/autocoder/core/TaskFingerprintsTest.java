package dev.autocoder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.context.ProjectContext;
import dev.autocoder.engine.Task;
import dev.autocoder.project.Dependency;
import dev.autocoder.project.ProjectLayout;
import dev.autocoder.testing.TestBuilds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verification fingerprint holds no machine-specific value: a lock made in one checkout is up to date in another. */
class TaskFingerprintsTest {

    @TempDir
    Path dir;

    /**
     * A multi-module checkout whose module's checkstyle setup names its rules by absolute paths, as
     * Maven interpolates {@code ${maven.multiModuleProjectDirectory}}, {@code ${project.basedir}} and a
     * {@code config_loc} built from them, and depends on a jar in a local repository of its own.
     */
    private ProjectLayout checkout(Path root, Path localRepository) throws IOException {
        Files.createDirectories(root.resolve(".mvn"));
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/checkstyle.xml"), "<module name=\"Checker\"/>\n");
        Path module = root.resolve("app");
        Files.createDirectories(module.resolve("src/main/java/com/example"));
        Files.writeString(module.resolve("pom.xml"), "<project/>\n");
        Files.writeString(module.resolve("src/main/java/com/example/Banner.java"),
                "package com.example;\n\n/** A banner. */\npublic final class Banner {\n}\n");
        Files.createDirectories(module.resolve("config"));
        Files.writeString(module.resolve("config/suppressions.xml"), "<suppressions/>\n");
        String configuration = "<configuration><configLocation>" + root.resolve("config/checkstyle.xml")
                + "</configLocation><suppressionsLocation>" + module.resolve("config/suppressions.xml")
                + "</suppressionsLocation><propertyExpansion>config_loc=" + root.resolve("config")
                + "</propertyExpansion><outputFile>" + module.resolve("target/checkstyle-result.xml")
                + "</outputFile><consoleOutput>true</consoleOutput></configuration>";
        String dependencies = "<dependencies><dependency><groupId>com.puppycrawl.tools</groupId><artifactId>checkstyle"
                + "</artifactId><version>10.12.5</version></dependency></dependencies>";
        Dependency junit = new Dependency("org.junit.jupiter", "junit-jupiter-api", "5.10.2", "test", true,
                localRepository.resolve("org/junit/jupiter/junit-jupiter-api/5.10.2/junit-jupiter-api-5.10.2.jar"));
        return new ProjectLayout(module, "17", List.of(module.resolve("src/main/java")), List.of(), List.of(junit),
                Map.of(), Optional.of(new ProjectLayout.CheckstyleSetup(configuration, dependencies)),
                ProjectLayout.CompilerSetup.PLAIN, TestBuilds.plain(module, List.of()));
    }

    private TaskFingerprints fingerprints(ProjectLayout project) throws IOException {
        Task task = new Task("greeting", "Write `com.example.Greeting`.");
        ProjectContext.Context context = new ProjectContext(project, 24_000).build(task.name(), task.description(),
                List.of());
        AutocoderConfig config = Configs.withSpecs(project.baseDirectory().resolve("src/main/autocoder"), false);
        return TaskFingerprints.of(task, context, config, project);
    }

    @Test
    void aCheckoutMovedToAnotherFolderWithAnotherLocalRepositoryHasTheSameFingerprints() throws IOException {
        TaskFingerprints here = fingerprints(checkout(dir.resolve("home/ann/work/shop"), dir.resolve("home/ann/.m2")));
        TaskFingerprints there = fingerprints(checkout(dir.resolve("builds/agent-7/x y/shop"),
                dir.resolve("cache/m2")));

        assertEquals(here.verification(), there.verification(),
                here.verification().changesSince(there.verification()).toString());
        assertEquals(here.generation(), there.generation());
    }

    @Test
    void anEditedRulesFileNamedByAbsolutePathChangesTheCheckstyleInput() throws IOException {
        Path root = dir.resolve("shop");
        ProjectLayout project = checkout(root, dir.resolve("m2"));
        TaskFingerprints before = fingerprints(project);
        Files.writeString(root.resolve("config/checkstyle.xml"), "<module name=\"Checker\"><module name=\"X\"/></module>\n");

        TaskFingerprints after = fingerprints(project);

        assertEquals(List.of("checkstyle changed"), after.verification().changesSince(before.verification()));
    }

    @Test
    void pathsBelowTheProjectAreWrittenRelativeToTheModuleAndFilesByContent() throws IOException {
        Path root = dir.resolve("shop");
        ProjectLayout project = checkout(root, dir.resolve("m2"));
        String xml = project.checkstyle().orElseThrow().configurationXml();

        String portable = TaskFingerprints.portable(xml, project.baseDirectory());

        assertFalse(portable.contains(dir.toString()), portable);
        assertTrue(portable.contains("<configLocation>${base}/../config/checkstyle.xml</configLocation>"), portable);
        assertTrue(portable.contains("config_loc=${base}/../config<"), portable);
        assertTrue(portable.contains("<outputFile>${base}/target/checkstyle-result.xml</outputFile>"), portable);
        assertTrue(portable.contains("\n${base}/config/suppressions.xml "), portable);
        assertNotEquals(portable, TaskFingerprints.portable(xml.replace(root.toString(), "/elsewhere"),
                project.baseDirectory()));
    }

    private static ProjectLayout withCompiler(ProjectLayout project, ProjectLayout.CompilerSetup compiler) {
        return new ProjectLayout(project.baseDirectory(), project.javaRelease(), project.mainSourceRoots(),
                project.testSourceRoots(), project.dependencies(), project.pluginVersions(), project.checkstyle(),
                compiler, project.build());
    }

    @Test
    void aChangedTestReleaseOrExcludeMakesLockedCodeStaleWhileAPlainCompileAddsNoInput() throws IOException {
        ProjectLayout plain = checkout(dir.resolve("lib"), dir.resolve("m2"));
        ProjectLayout.CompilerSetup.Compile main = new ProjectLayout.CompilerSetup.Compile(Optional.of("8"), List.of(),
                List.of("module-info.java"), List.of());
        ProjectLayout.CompilerSetup.Compile test17 = new ProjectLayout.CompilerSetup.Compile(Optional.of("17"),
                List.of(), List.of(), List.of());
        ProjectLayout releases = withCompiler(plain, new ProjectLayout.CompilerSetup(List.of(), main, test17, List.of()));
        ProjectLayout test11 = withCompiler(plain, new ProjectLayout.CompilerSetup(List.of(), main,
                new ProjectLayout.CompilerSetup.Compile(Optional.of("11"), List.of(), List.of(), List.of()), List.of()));

        assertTrue(TaskFingerprints.compilerInput(plain).isEmpty(), "a plain compile keeps older lock entries valid");
        assertEquals("main Compile[release=Optional[8], includes=[], excludes=[module-info.java], arguments=[]]\n"
                + "test Compile[release=Optional[17], includes=[], excludes=[], arguments=[]]",
                TaskFingerprints.compilerInput(releases).orElseThrow());
        assertNotEquals(fingerprints(releases).verification(), fingerprints(test11).verification());
        assertNotEquals(fingerprints(plain).verification(), fingerprints(releases).verification());
        assertEquals(fingerprints(plain).generation(), fingerprints(releases).generation(),
                "how the project compiles is a verification input only");
    }
}

package dev.autocoder.verify;

import dev.autocoder.project.Dependency;
import dev.autocoder.project.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small consuming project on disk for verifier tests, with JUnit 5 from the local repository. */
final class TestProject {

    /** A small record of money with an addition, and its acceptance test. */
    static final String MONEY = """
            package com.example;

            public record Money(long cents) {
                public Money plus(Money other) {
                    return new Money(cents + other.cents);
                }
            }
            """;

    static final String MONEY_TEST = """
            package com.example;

            import static org.junit.jupiter.api.Assertions.assertEquals;
            import org.junit.jupiter.api.Test;

            class MoneyTest {
                @Test
                void adds() {
                    assertEquals(new Money(3), new Money(1).plus(new Money(2)));
                }
            }
            """;

    private final Path base;

    TestProject(Path base) {
        this.base = base;
    }

    static Path localRepository() {
        String configured = System.getProperty("autocoder.it.localRepository");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** JUnit Jupiter 5.14.1 and what its API needs, as test-scoped dependencies. */
    static List<Dependency> junit() {
        return List.of(
                artifact("org.junit.jupiter", "junit-jupiter-api", "5.14.1"),
                artifact("org.junit.jupiter", "junit-jupiter-engine", "5.14.1"),
                artifact("org.junit.platform", "junit-platform-commons", "1.14.1"),
                artifact("org.junit.platform", "junit-platform-engine", "1.14.1"),
                artifact("org.opentest4j", "opentest4j", "1.3.0"),
                artifact("org.apiguardian", "apiguardian-api", "1.1.2"));
    }

    private static Dependency artifact(String group, String artifact, String version) {
        Path jar = localRepository().resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".jar");
        return new Dependency(group, artifact, version, "test", true, jar);
    }

    TestProject main(String relativePath, String source) {
        return write(base.resolve("src/main/java").resolve(relativePath), source);
    }

    TestProject test(String relativePath, String source) {
        return write(base.resolve("src/test/java").resolve(relativePath), source);
    }

    private TestProject write(Path file, String source) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ProjectLayout layout() {
        return layout(List.of());
    }

    ProjectLayout layout(List<Dependency> extra) {
        try {
            Files.createDirectories(base.resolve("src/main/java"));
            Files.createDirectories(base.resolve("src/test/java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Dependency> dependencies = java.util.stream.Stream.concat(junit().stream(), extra.stream()).toList();
        return new ProjectLayout(base, "17", List.of(base.resolve("src/main/java")),
                List.of(base.resolve("src/test/java")), dependencies, Map.of(), Optional.empty(),
                ProjectLayout.CompilerSetup.PLAIN, dev.autocoder.testing.TestBuilds.plain(base, dependencies));
    }

    /** A class folder with {@code lib.Lib.one()}, as a reactor module's output would be. */
    static Dependency classFolder(Path folder) {
        try {
            Path source = Files.createDirectories(folder.resolveSibling("lib-src")).resolve("Lib.java");
            Files.writeString(source, "package lib;\npublic class Lib { public static int one() { return 1; } }\n");
            int status = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", folder.toString(),
                    source.toString());
            if (status != 0) {
                throw new IllegalStateException("cannot compile the class folder fixture");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Dependency("com.example", "lib", "1", "compile", true, folder);
    }

    static CodeUnit unit(String qualifiedName, String source, boolean test) {
        int dot = qualifiedName.lastIndexOf('.');
        return new CodeUnit(dot < 0 ? "" : qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1), source, test);
    }

    static Candidate candidate(String task, CodeUnit... units) {
        return new Candidate(task, 1, List.of(units));
    }
}

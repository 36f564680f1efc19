package dev.autocoder.context;

import dev.autocoder.project.Dependency;
import dev.autocoder.project.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A consuming project written into a temporary folder by a test. */
final class TestProject {

    final Path base;
    private final List<Dependency> dependencies = new ArrayList<>();

    TestProject(Path base) {
        this.base = base;
    }

    TestProject write(String relativePath, String text) {
        try {
            Path file = base.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestProject main(String relativePath, String text) {
        return write("src/main/java/" + relativePath, text);
    }

    TestProject test(String relativePath, String text) {
        return write("src/test/java/" + relativePath, text);
    }

    TestProject dependency(Dependency dependency) {
        dependencies.add(dependency);
        return this;
    }

    ProjectLayout layout() {
        return new ProjectLayout(base, "17", List.of(base.resolve("src/main/java")),
                List.of(base.resolve("src/test/java")), dependencies, Map.of(), Optional.empty(),
                ProjectLayout.CompilerSetup.PLAIN, dev.autocoder.testing.TestBuilds.plain(base, dependencies));
    }

    ProjectContext context(int budgetChars) {
        return new ProjectContext(layout(), budgetChars);
    }
}

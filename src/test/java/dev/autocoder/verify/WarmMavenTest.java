package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a warm Maven build takes its multi-module project folder from: as the {@code mvn} script does. */
class WarmMavenTest {

    @TempDir
    Path dir;

    @Test
    void theNearestFolderWithMvnAboveThePomGivenWithFileIsTheProjectFolder() throws IOException {
        Files.createDirectories(dir.resolve("root/.mvn"));
        Files.createDirectories(dir.resolve("root/module"));

        assertEquals(dir.resolve("root"), WarmMaven.projectBaseDirectory(dir, List.of("-B", "-f",
                "root/module/pom.xml", "test")));
        assertEquals(dir.resolve("root"), WarmMaven.projectBaseDirectory(dir.resolve("root/module"), List.of("test")));
    }

    @Test
    void withoutMvnAnywhereAboveThePomsFolderIsTheProjectFolder() throws IOException {
        Files.createDirectories(dir.resolve("plain/module"));

        assertEquals(dir.resolve("plain/module"), WarmMaven.projectBaseDirectory(dir,
                List.of("--file", "plain/module/pom.xml")));
        assertEquals(dir.resolve("plain/module"), WarmMaven.projectBaseDirectory(dir.resolve("plain/module"),
                List.of("-f", ".")));
    }
}

package dev.autocoder.context;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextFilesTest {

    @TempDir
    Path dir;

    private TestProject project;

    @BeforeEach
    void writeProjectBesideASecret() throws IOException {
        Files.writeString(dir.resolve("secret.txt"), "password=hunter2\n");
        project = new TestProject(dir.resolve("project")).write("docs/notes.txt", "notes\n");
    }

    private ContextException refused(String path) {
        return assertThrows(ContextException.class,
                () -> project.context(10_000).build("t", "Anything.", List.of(path)));
    }

    private static void assertNamesPathAndRule(String path, ContextException e) {
        assertTrue(e.getMessage().contains("'" + path + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("must be relative to the project folder and stay inside it"),
                e.getMessage());
    }

    @Test
    void aPathClimbingOutOfTheProjectIsRefused() {
        ContextException e = refused("../secret.txt");

        assertNamesPathAndRule("../secret.txt", e);
    }

    @Test
    void anAbsolutePathIsRefusedEvenInsideTheProject() {
        String absolute = project.base.resolve("docs/notes.txt").toAbsolutePath().toString();

        ContextException e = refused(absolute);

        assertNamesPathAndRule(absolute, e);
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
    }

    @Test
    void aSymbolicLinkPointingOutsideIsRefused() throws IOException {
        Path link = project.base.resolve("docs/link.txt");
        try {
            Files.createSymbolicLink(link, dir.resolve("secret.txt"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "this file system cannot make symbolic links");
        }

        ContextException e = refused("docs/link.txt");

        assertNamesPathAndRule("docs/link.txt", e);
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        ContextException e = refused("docs/missing.txt");

        assertTrue(e.getMessage().contains("'docs/missing.txt' does not exist"), e.getMessage());
    }

    @Test
    void dotsThatStayInsideTheProjectAreAcceptedAndNamedNormalised() {
        ProjectContext.Context context = project.context(10_000)
                .build("t", "Anything.", List.of("docs/../docs/./notes.txt"));

        assertTrue(context.included().contains("file docs/notes.txt"), context.included().toString());
    }
}

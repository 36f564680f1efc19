package dev.autocoder.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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

    private ProjectContext.Context sent(Set<String> allowed, String path) {
        return new ProjectContext(project.layout(), 10_000, allowed).build("t", "Anything.", List.of(path));
    }

    @Test
    void aDotEnvFileIsRefusedNamingTheFileAndHowToAllowIt() {
        project.write(".env", "OPENAI_API_KEY=sk-live-123\n");

        ContextException e = refused(".env");

        assertEquals("context file '.env' is not sent to the model: its name looks like a secret (.env*)."
                + " What a spec names goes to the model endpoint and into the cassette. If it holds nothing"
                + " secret, allow it by name: <allowContextFiles><file>.env</file></allowContextFiles>",
                e.getMessage());
    }

    @Test
    void everySecretLookingNameIsRefusedWhereverItLies() {
        for (String path : List.of("config/.env.production", "certs/server.pem", "certs/Server.KEY",
                "conf/settings-ci.xml", "aws/credentials", "src/main/resources/gcp-credentials.json")) {
            project.write(path, "x\n");

            ContextException e = refused(path);

            assertTrue(e.getMessage().startsWith("context file '" + path + "' is not sent to the model: its name"
                    + " looks like a secret"), e.getMessage());
        }
    }

    @Test
    void aFileTheGitignoreIgnoresIsRefusedNamingTheRule() {
        project.write(".gitignore", "# local files\n*.local.txt\n").write("docs/notes.local.txt", "mine\n");

        ContextException e = refused("docs/notes.local.txt");

        assertTrue(e.getMessage().contains("git ignores it (`*.local.txt` in .gitignore)"), e.getMessage());
    }

    @Test
    void aFileInsideAnIgnoredFolderIsRefusedEvenIfALaterLineUnignoresIt() {
        project.write(".gitignore", "/private/\n!private/readme.txt\n").write("private/readme.txt", "x\n");

        ContextException e = refused("private/readme.txt");

        assertTrue(e.getMessage().contains("git ignores it (`/private/` in .gitignore)"), e.getMessage());
    }

    @Test
    void aNestedGitignoreAndNegationAreHonoured() {
        project.write("docs/.gitignore", "*.txt\n!keep.txt\n").write("docs/keep.txt", "kept\n")
                .write("docs/draft.txt", "draft\n");

        assertTrue(refused("docs/draft.txt").getMessage().contains("(`*.txt` in docs/.gitignore)"));
        assertTrue(sent(Set.of(), "docs/keep.txt").included().contains("file docs/keep.txt"));
    }

    @Test
    void anchoredAndDoubleStarPatternsMatchOnlyWhereTheyPoint() {
        project.write(".gitignore", "/build.txt\nlogs/**/trace.txt\n").write("build.txt", "x\n")
                .write("docs/build.txt", "x\n").write("logs/a/b/trace.txt", "x\n");

        refused("build.txt");
        refused("logs/a/b/trace.txt");
        assertTrue(sent(Set.of(), "docs/build.txt").included().contains("file docs/build.txt"));
    }

    @Test
    void aFileAllowedByNameIsSentAsItIs() {
        project.write(".env.example", "OPENAI_API_KEY=put-yours-here\n");

        ProjectContext.Context context = sent(Set.of("./.env.example"), ".env.example");

        assertTrue(context.text().contains("put-yours-here"), context.text());
    }
}

package dev.autocoder.core;

import dev.autocoder.testing.FakeOpenAiServer;
import dev.autocoder.testing.FakeOpenAiServer.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test of real runs a folder for its {@link TinyProject} and a fake model server, and,
 * however the test ends, closes the server and deletes the folder, and the sub-builds the project's
 * runs kept in the temporary folder. A test class registers it with
 * {@code @RegisterExtension final TinyProjectExtension tiny = new TinyProjectExtension();}.
 */
final class TinyProjectExtension implements BeforeEachCallback, AfterEachCallback {

    private Path folder;
    private FakeOpenAiServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("autocoder-tiny-");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            server = null;
            // A task that failed keeps its newest sub-build in the plugin's default folder for the
            // module, in the system's temporary folder; the test's own folder does not hold it.
            deleteTree(dev.autocoder.verify.SubBuildVerifier.defaultRoot(folder.resolve("project")));
            deleteTree(folder);
        }
    }

    /** Starts this test's fake model, answering by these rules. */
    FakeOpenAiServer serve(Rule... rules) throws IOException {
        if (server != null) {
            throw new IllegalStateException("this test's fake model is already serving at " + server.baseUrl());
        }
        server = FakeOpenAiServer.start(rules);
        return server;
    }

    /** This test's fake model, once {@link #serve} started it. */
    FakeOpenAiServer server() {
        if (server == null) {
            throw new IllegalStateException("this test's fake model is not serving yet; call serve first");
        }
        return server;
    }

    /** A project in this test's folder with these tasks (see {@link TinyProject#create}). */
    TinyProject project(String... tasks) throws IOException {
        return TinyProject.create(folder.resolve("project"), tasks);
    }

    /** Deletes a folder and everything in it; a folder that is not there is left as it is. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}

package dev.autocoder.core;

import java.nio.file.Path;

/**
 * Runs a {@link TinyProject} in a JVM of its own, so that a test can kill it with SIGKILL the way a
 * CI runner or an impatient person does: {@code ChildRun <project folder> <base URL>}.
 */
final class ChildRun {

    private ChildRun() {
    }

    public static void main(String[] args) throws Exception {
        TinyProject.at(Path.of(args[0])).run(args[1], new CollectingRunLog(true));
    }
}

package dev.autocoder.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders a page in Debian's headless Chromium and returns the DOM after its scripts ran, for tests
 * of report.html (unit tests and the example's integration test share it).
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    /** Whether the browser is installed ({@code apt-get install chromium}); .ci/run installs it. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /**
     * The rendered DOM of {@code page}, or empty when no browser is installed.
     *
     * @throws IOException when the browser fails, hangs past 90 s or exits non-zero; the message
     *     carries its log
     */
    public static Optional<String> dumpDom(Path page, Path workDir) throws IOException, InterruptedException {
        if (!available()) {
            return Optional.empty();
        }
        Files.createDirectories(workDir);
        Path dom = workDir.resolve("dom.html");
        Path log = workDir.resolve("chromium.log");
        // The flags keep a closed network quiet: no background, component or sync traffic.
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + workDir.resolve("profile"), "--dump-dom", page.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            throw new IOException("chromium did not finish within 90 s; its log:\n" + Files.readString(log));
        }
        if (chromium.exitValue() != 0) {
            throw new IOException("chromium exited with " + chromium.exitValue() + "; its log:\n"
                    + Files.readString(log));
        }
        return Optional.of(Files.readString(dom));
    }

    /** The same, for Groovy hooks, which hold {@code File}s. */
    public static Optional<String> dumpDom(java.io.File page, java.io.File workDir)
            throws IOException, InterruptedException {
        return dumpDom(page.toPath(), workDir.toPath());
    }
}

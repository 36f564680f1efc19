package dev.autocoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens the report in a real headless Chromium (Debian package {@code chromium}). */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void pageRendersEveryTaskAndItsScriptRunsWithoutError() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + "; install the chromium package");
        RunReport.of(List.of(ReportFixtures.verifiedMoney(), ReportFixtures.failedHostile()))
                .writeTo(dir);
        Path dom = dir.resolve("dom.html");
        Path log = dir.resolve("chromium.log");

        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"), "--dump-dom",
                dir.resolve("report.html").toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            fail("chromium did not finish within 90 s; its log:\n" + Files.readString(log));
        }

        String page = Files.readString(dom);
        assertEquals(0, chromium.exitValue(), Files.readString(log));
        assertTrue(page.contains("data-ready=\"yes\""), page);
        assertTrue(page.contains("data-tasks=\"2\""), page);
        assertFalse(page.contains("data-js-error"), page);
        assertFalse(page.contains("data-pwned"), "code from the model must not run");
        assertTrue(page.contains("data-task=\"money-utils\""));
        assertTrue(page.contains("data-task=\"money/part-2\""));
    }
}

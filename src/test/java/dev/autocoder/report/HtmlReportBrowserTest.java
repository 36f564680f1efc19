package dev.autocoder.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import dev.autocoder.testing.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens the report in a real headless Chromium (Debian package {@code chromium}). */
class HtmlReportBrowserTest {

    @TempDir
    Path dir;

    @Test
    void pageRendersEveryTaskAndItsScriptRunsWithoutError() throws Exception {
        assumeTrue(HeadlessChromium.available(), "no /usr/bin/chromium; install the chromium package");
        ReportFixtures.report().writeTo(dir, "report");

        String page = HeadlessChromium.dumpDom(dir.resolve("report.html"), dir.resolve("browser")).orElseThrow();

        assertTrue(page.contains("data-ready=\"yes\""), page);
        assertTrue(page.contains("data-tasks=\"2\""), page);
        assertFalse(page.contains("data-js-error"), page);
        assertFalse(page.contains("data-pwned"), "code from the model must not run");
        assertTrue(page.contains("data-task=\"money-utils\""));
        assertTrue(page.contains("data-task=\"money/part-2\""));
    }
}

package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Compiler output from other platforms is read as that platform prints it. */
class SubBuildResultsPathsTest {

    /** The same pattern as {@code SubBuildResults.COMPILER_ERROR}, to take the path out of a recorded line. */
    private static final Pattern LINE = Pattern.compile("^\\[ERROR] (.+\\.java):\\[(\\d+)(?:,\\d+)?] (.*)$");

    /** Recorded from maven-compiler-plugin 3.14.0 (plexus-compiler) on Windows 11. */
    private static final String MODULE = "C:\\Users\\dev\\acme\\billing\\target\\autocoder\\default\\subbuild\\build-7\\c0";

    @Test
    void windowsCompilerLinesNameTheCandidatesFile() {
        assertEquals(Optional.of("main:com/acme/billing/Invoice.java"), SubBuildResults.unitKey(MODULE, path(
                "[ERROR] /C:/Users/dev/acme/billing/target/autocoder/default/subbuild/build-7/c0/sources/main/com/acme"
                        + "/billing/Invoice.java:[14,27] cannot find symbol")));
        assertEquals(Optional.of("test:com/acme/billing/InvoiceTest.java"), SubBuildResults.unitKey(MODULE, path(
                "[ERROR] C:\\Users\\dev\\acme\\billing\\target\\autocoder\\default\\subbuild\\build-7\\c0\\sources\\test"
                        + "\\com\\acme\\billing\\InvoiceTest.java:[3,8] class InvoiceTests is public, should be declared"
                        + " in a file named InvoiceTests.java")));
        assertEquals(Optional.of("main:com/acme/billing/Invoice.java"), SubBuildResults.unitKey(MODULE, path(
                "[ERROR] /c:/Users/dev/acme/billing/target/autocoder/default/subbuild/build-7/c0/sources/main/com/acme"
                        + "/billing/../billing/Invoice.java:[14] cannot find symbol")), "a drive's case does not count");
    }

    @Test
    void windowsCompilerLinesNameTheProjectsFileBelowTheProject() {
        String line = "[ERROR] /C:/Users/dev/acme/billing/src/test/java/com/acme/billing/TaxTest.java:[22,9] cannot find"
                + " symbol";
        assertEquals(Optional.empty(), SubBuildResults.unitKey(MODULE, path(line)));
        assertEquals(Optional.of("src/test/java/com/acme/billing/TaxTest.java"),
                SubBuildResults.projectPath("C:\\Users\\dev\\acme\\billing", path(line)));
        assertEquals(Optional.empty(), SubBuildResults.projectPath("C:\\Users\\dev\\acme\\billing-api", path(line)));
    }

    @Test
    void unixLinesStillWork() {
        String line = "[ERROR] /home/dev/acme/target/autocoder/subbuild/build-1/c2/sources/main/com/acme/A.java:[1,1] x";
        assertEquals(Optional.of("main:com/acme/A.java"),
                SubBuildResults.unitKey("/home/dev/acme/target/autocoder/subbuild/build-1/c2", path(line)));
        assertEquals(Optional.empty(),
                SubBuildResults.unitKey("/home/dev/acme/target/autocoder/subbuild/build-1/c20", path(line)));
        assertEquals(Optional.of("target/autocoder/subbuild/build-1/c2/sources/main/com/acme/A.java"),
                SubBuildResults.projectPath("/home/dev/acme/", path(line)));
    }

    private static String path(String line) {
        Matcher matcher = LINE.matcher(line);
        assertEquals(true, matcher.matches(), line);
        return matcher.group(1);
    }
}

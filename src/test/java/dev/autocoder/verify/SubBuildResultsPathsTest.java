package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Compiler output from other platforms is read as that platform prints it. */
class SubBuildResultsPathsTest {

    /** The same pattern as {@code SubBuildResults.COMPILER_ERROR}, to take the path out of a recorded line. */
    private static final Pattern LINE = Pattern.compile("^\\[ERROR] (.+\\.java):\\[(\\d+)(?:,\\d+)?] (.*)$");

    /** Recorded from maven-compiler-plugin 3.14.0 (plexus-compiler) on Windows 11. */
    private static final String MODULE = "C:\\Users\\dev\\AppData\\Local\\Temp\\autocoder-1a2b3c4d5e\\default"
            + "\\build-7\\c0";

    /** The candidate's files as the reactor wrote them: main code among the copy's own, a test in its own root. */
    private static final Map<String, String> UNITS = Map.of(
            SubBuildResults.comparable(MODULE + "\\src\\main\\java\\com\\acme\\billing\\Invoice.java"),
            "main:com/acme/billing/Invoice.java",
            SubBuildResults.comparable(MODULE + "\\src\\test\\java\\com\\acme\\billing\\InvoiceTest.java"),
            "test:com/acme/billing/InvoiceTest.java");

    @Test
    void windowsCompilerLinesNameTheCandidatesFile() {
        assertEquals(Optional.of("main:com/acme/billing/Invoice.java"), SubBuildResults.unitKey(UNITS, path(
                "[ERROR] /C:/Users/dev/AppData/Local/Temp/autocoder-1a2b3c4d5e/default/build-7/c0/src/main/java/com/acme"
                        + "/billing/Invoice.java:[14,27] cannot find symbol")));
        assertEquals(Optional.of("test:com/acme/billing/InvoiceTest.java"), SubBuildResults.unitKey(UNITS, path(
                "[ERROR] C:\\Users\\dev\\AppData\\Local\\Temp\\autocoder-1a2b3c4d5e\\default\\build-7\\c0\\src"
                        + "\\test\\java\\com\\acme\\billing\\InvoiceTest.java:[3,8] class InvoiceTests is public,"
                        + " should be declared in a file named InvoiceTests.java")));
        assertEquals(Optional.of("main:com/acme/billing/Invoice.java"), SubBuildResults.unitKey(UNITS, path(
                "[ERROR] /c:/Users/dev/AppData/Local/Temp/autocoder-1a2b3c4d5e/default/build-7/c0/src/main/java/com/acme"
                        + "/billing/../billing/Invoice.java:[14] cannot find symbol")), "a drive's case does not count");
    }

    @Test
    void windowsCompilerLinesNameTheProjectsFileBelowTheCopy() {
        String line = "[ERROR] /C:/Users/dev/AppData/Local/Temp/autocoder-1a2b3c4d5e/default/build-7/c0/src/test/java/com"
                + "/acme/billing/TaxTest.java:[22,9] cannot find symbol";
        assertEquals(Optional.empty(), SubBuildResults.unitKey(UNITS, path(line)),
                "the project's file in the same source folder as the candidate's is the project's");
        assertEquals(Optional.of("src/test/java/com/acme/billing/TaxTest.java"),
                SubBuildResults.projectPath(MODULE, path(line)));
        assertEquals(Optional.empty(), SubBuildResults.projectPath("C:\\Users\\dev\\acme\\billing", path(line)));
    }

    @Test
    void unixLinesStillWork() {
        String module = "/tmp/autocoder-1a2b3c4d5e/default/build-1/c2";
        String line = "[ERROR] " + module + "/src/main/java/com/acme/A.java:[1,1] x";
        Map<String, String> units = Map.of(SubBuildResults.comparable(module + "/src/main/java/com/acme/A.java"),
                "main:com/acme/A.java");
        assertEquals(Optional.of("main:com/acme/A.java"), SubBuildResults.unitKey(units, path(line)));
        assertEquals(Optional.empty(), SubBuildResults.unitKey(Map.of(SubBuildResults.comparable(
                "/tmp/autocoder-1a2b3c4d5e/default/build-1/c20/src/main/java/com/acme/A.java"), "main:com/acme/A.java"),
                path(line)));
        assertEquals(Optional.of("src/main/java/com/acme/A.java"), SubBuildResults.projectPath(module + "/", path(line)));
    }

    private static String path(String line) {
        Matcher matcher = LINE.matcher(line);
        assertEquals(true, matcher.matches(), line);
        return matcher.group(1);
    }
}

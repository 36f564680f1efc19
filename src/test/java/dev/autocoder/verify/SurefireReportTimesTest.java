package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurefireReportTimesTest {

    @TempDir
    Path dir;

    /** A report as surefire 3.5 writes it, with a property block and a failing case. */
    private void report(String name, String time) throws IOException {
        Files.writeString(dir.resolve("TEST-" + name + ".xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="3.0.2" name="%s"
                    time="%s" tests="2" errors="0" skipped="0" failures="1">
                  <properties><property name="java.version" value="17.0.12"/></properties>
                  <testcase name="adds" classname="%s" time="0.012"/>
                  <testcase name="subtracts" classname="%s" time="0.003">
                    <failure message="expected: &lt;1&gt; but was: &lt;2&gt;" type="org.opentest4j.AssertionFailedError"/>
                  </testcase>
                </testsuite>
                """.formatted(name, time, name, name));
    }

    @Test
    void sumsEveryTestSuitesTimeAndSkipsWhatIsNotAReport() throws IOException {
        report("com.example.MoneyTest", "1.25");
        report("com.example.TaxTest", "1,002.5");
        Files.writeString(dir.resolve("TEST-com.example.Cut.xml"), "<testsuite time=\"3.0\"");
        Files.writeString(dir.resolve("com.example.MoneyTest.txt"), "Tests run: 2");

        assertEquals(OptionalLong.of(1_003_750), SurefireReportTimes.millis(dir));
    }

    @Test
    void noReportsIsUnknown() throws IOException {
        assertEquals(OptionalLong.empty(), SurefireReportTimes.millis(dir.resolve("missing")));
        Files.writeString(dir.resolve("TEST-com.example.Cut.xml"), "<testsuite time=\"3.0\"");
        assertEquals(OptionalLong.empty(), SurefireReportTimes.millis(dir));
    }

    @Test
    void givesEachTestSuitesTimeByItsName() throws IOException {
        report("com.example.MoneyTest", "1.25");
        report("com.example.MoneyTest$Rounding", "0.5");
        Files.writeString(dir.resolve("TEST-com.example.Cut.xml"), "<testsuite time=\"3.0\"");

        assertEquals(Map.of("com.example.MoneyTest", 1.25, "com.example.MoneyTest$Rounding", 0.5),
                SurefireReportTimes.byClass(dir));
    }
}

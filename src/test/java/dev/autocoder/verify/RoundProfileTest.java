package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile of a two-module sub-build's output as Maven 3.8 prints it, coloured or not. */
class RoundProfileTest {

    @TempDir
    Path folder;

    @Test
    void splitsTheRunAtEachGoalByModuleAndSplitsSurefiresGoalIntoTestsAndTheRest() throws IOException {
        Path reports = Files.createDirectories(folder.resolve("c1/target/surefire-reports"));
        Files.writeString(reports.resolve("TEST-com.example.MoneyTest.xml"),
                "<testsuite name=\"com.example.MoneyTest\" time=\"0.004\" tests=\"1\"/>");
        List<String> passed = new ArrayList<>();
        RoundProfile profile = new RoundProfile(passed::add);
        List<String> lines = List.of(
                "[INFO] Scanning for projects...",
                "[INFO] -----------------< com.example.autocoder-c0:test-project >------------------",
                "[INFO] --- maven-compiler-plugin:3.14.0:compile (default-compile) @ test-project ---",
                "[INFO] Compiling 2 source files with javac [debug release 17] to target/classes",
                "[INFO] \u001B[1m-----------------< \u001B[0;36mcom.example.autocoder-c1:test-project\u001B[0;1m >"
                        + "------------------\u001B[m",
                "[INFO] \u001B[1m--- \u001B[0;32mmaven-surefire-plugin:3.5.3:test\u001B[m \u001B[1m(default-test)\u001B[m"
                        + " @ \u001B[36mtest-project\u001B[0;1m ---\u001B[m",
                "[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0",
                "[INFO] Reactor Summary:",
                "[INFO] BUILD SUCCESS");
        for (String line : lines) {
            profile.accept(line);
            sleep();
        }

        JsonObject written = JsonParser.parseString(Files.readString(profile.write(folder))).getAsJsonObject();

        assertEquals(lines, passed, "every line reaches the log as it came");
        JsonArray goals = written.getAsJsonArray("goals");
        assertEquals(2, goals.size(), goals.toString());
        JsonObject compile = goals.get(0).getAsJsonObject();
        assertEquals("c0", compile.get("module").getAsString());
        assertEquals("maven-compiler-plugin:3.14.0:compile (default-compile)", compile.get("goal").getAsString());
        JsonObject tests = goals.get(1).getAsJsonObject();
        assertEquals("c1", tests.get("module").getAsString());
        assertEquals("maven-surefire-plugin:3.5.3:test (default-test)", tests.get("goal").getAsString());
        assertEquals(0.004, tests.get("testsSeconds").getAsDouble());
        double rest = tests.get("testJvmStartAndRestSeconds").getAsDouble();
        assertTrue(rest > 0 && rest < tests.get("seconds").getAsDouble(), tests.toString());
        double start = written.get("mavenStartSeconds").getAsDouble();
        double sum = start + compile.get("seconds").getAsDouble() + tests.get("seconds").getAsDouble()
                + written.get("mavenEndSeconds").getAsDouble();
        assertTrue(start >= 0.02, "two lines came before the first goal: " + written);
        assertTrue(sum <= written.get("wallSeconds").getAsDouble() + 0.003, written.toString());
    }

    private static void sleep() {
        try {
            Thread.sleep(15);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

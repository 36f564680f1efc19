package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.project.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sub-build prints one fixed log format whatever the user's session turns on, and a Windows
 * JVM finds what it needs in its environment; no Maven run (see {@code SubBuildVerifierIT} for one).
 */
class SubBuildLogFormatTest {

    @TempDir
    Path dir;

    @Test
    void theSessionsLogLookPropertiesAreNotCarried() {
        Map<String, String> outer = new LinkedHashMap<>();
        outer.put("excludedGroups", "slow");
        outer.put("style.color", "always");
        outer.put("org.slf4j.simpleLogger.showDateTime", "true");
        outer.put("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss,SSS");
        outer.put("org.slf4j.simpleLogger.showThreadName", "true");
        outer.put("org.slf4j.simpleLogger.log.org.apache.maven.cli.event", "warn");
        outer.put("jansi.passthrough", "true");
        outer.put("maven.logger.showDateTime", "true");

        assertEquals(Map.of("excludedGroups", "slow"), SubBuildLaunch.carriedProperties(outer));
    }

    @Test
    void theRequestSetsTheFixedFormatOverTheSessionsColoursAndTimestamps() throws IOException {
        SubBuildSettings.Session session = new SubBuildSettings.Session(Map.of("style.color", "always",
                "org.slf4j.simpleLogger.showDateTime", "true", "org.slf4j.simpleLogger.showThreadName", "true",
                "org.slf4j.simpleLogger.showLogName", "true", "env", "staging"), List.of(), List.of(), null, null);
        ProjectLayout layout = new TestProject(dir.resolve("project")).layout();
        SubBuildVerifier verifier = new SubBuildVerifier(layout, owner -> List.of(),
                new InProcessCompiler(layout, owner -> List.of()),
                SubBuildVerifierIT.settings(Duration.ofSeconds(30)).withSession(session), dir.resolve("work"), null, false);

        var request = verifier.request(Files.createDirectories(dir.resolve("build")), 1);

        Properties properties = request.getProperties();
        assertTrue(request.isBatchMode());
        assertEquals("never", properties.getProperty("style.color"));
        assertEquals("false", properties.getProperty("org.slf4j.simpleLogger.showDateTime"));
        assertEquals("false", properties.getProperty("org.slf4j.simpleLogger.showThreadName"));
        assertEquals("false", properties.getProperty("org.slf4j.simpleLogger.showLogName"));
        assertEquals("true", properties.getProperty("org.slf4j.simpleLogger.levelInBrackets"));
        assertEquals("System.out", properties.getProperty("org.slf4j.simpleLogger.logFile"));
        assertEquals("staging", properties.getProperty("env"), "the rest of the session is carried");
    }

    @Test
    void aWindowsJvmKeepsTheVariablesItNeeds() {
        Map<String, String> windows = new LinkedHashMap<>();
        windows.put("SystemRoot", "C:\\WINDOWS");
        windows.put("windir", "C:\\WINDOWS");
        windows.put("SystemDrive", "C:");
        windows.put("TEMP", "C:\\Users\\dev\\AppData\\Local\\Temp");
        windows.put("TMP", "C:\\Users\\dev\\AppData\\Local\\Temp");
        windows.put("ComSpec", "C:\\WINDOWS\\system32\\cmd.exe");
        windows.put("PATHEXT", ".COM;.EXE;.BAT;.CMD");
        windows.put("Path", "C:\\WINDOWS\\system32;C:\\Program Files\\Java\\jdk-17\\bin");
        windows.put("USERPROFILE", "C:\\Users\\dev");
        windows.put("APPDATA", "C:\\Users\\dev\\AppData\\Roaming");
        windows.put("LOCALAPPDATA", "C:\\Users\\dev\\AppData\\Local");
        windows.put("ProgramData", "C:\\ProgramData");
        windows.put("ProgramFiles", "C:\\Program Files");
        windows.put("NUMBER_OF_PROCESSORS", "8");
        windows.put("PROCESSOR_ARCHITECTURE", "AMD64");
        windows.put("OS", "Windows_NT");
        Map<String, String> environment = new LinkedHashMap<>(windows);
        environment.put("OPENAI_API_KEY", "sk-1");
        environment.put("GITHUB_TOKEN", "ghp-1");

        assertEquals(windows, SubBuildLaunch.safeEnvironment(environment));
    }
}

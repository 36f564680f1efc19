package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.autocoder.project.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real sub-builds of a project that binds JaCoCo's agent and the enforcer: rounds leave both out
 * and give the verdicts that rounds with both give; the final check runs both. Every sub-build
 * writes its profile, read back here.
 */
class RoundTrimmingIT {

    @TempDir
    Path dir;

    @Test
    void roundsWithoutTheAgentAndTheEnforcerGiveTheSameVerdictsAndTheFinalCheckRunsThem() throws IOException {
        ProjectLayout layout = TrimmingFixture.layout(dir.resolve("project"));
        SubBuildVerifier trimmed = TrimmingFixture.verifier(layout, dir.resolve("trimmed"),
                RoundTrimming.forRounds(List.of()));
        SubBuildVerifier whole = TrimmingFixture.verifier(layout, dir.resolve("whole"), RoundTrimming.NONE);

        Verdict passing = trimmed.verify(TrimmingFixture.PASSING);
        Verdict failing = trimmed.verify(TrimmingFixture.FAILING);
        Verdict passingWhole = whole.verify(TrimmingFixture.PASSING);
        Verdict failingWhole = whole.verify(TrimmingFixture.FAILING);
        SubBuildVerifier.FinalCheck check = trimmed.verifyTogether(Map.of("money", TrimmingFixture.PASSING.units()),
                true);

        assertTrue(passing.passed(), passing.toString());
        assertFalse(failing.passed(), failing.toString());
        assertTrue(failing.feedback().get(0).message().contains("MoneyTest"), failing.toString());
        assertEquals(passingWhole.passed(), passing.passed());
        assertEquals(failingWhole.feedback().get(0).message(), failing.feedback().get(0).message(),
                "the same test fails the same way with the agent and the enforcer as without them");
        assertTrue(check.passed(), check.toString());

        List<Path> profiles = trimmed.profiles();
        assertEquals(3, profiles.size(), profiles.toString());
        for (Path round : profiles.subList(0, 2)) {
            String log = Files.readString(round.resolveSibling("build.log"));
            assertFalse(log.contains(TrimmingFixture.JACOCO_HEADER), round + " ran the agent");
            assertFalse(log.contains(TrimmingFixture.ENFORCER_HEADER), round + " ran the enforcer");
            assertTrue(log.contains("maven-surefire-plugin:3.5.3:test (default-test)"), log);
        }
        String finalLog = Files.readString(profiles.get(2).resolveSibling("build.log"));
        assertTrue(finalLog.contains(TrimmingFixture.JACOCO_HEADER), finalLog);
        assertTrue(finalLog.contains(TrimmingFixture.ENFORCER_HEADER), finalLog);
        assertTrue(finalLog.contains("argLine set to -javaagent:"), "the final check's tests run with the agent");
        for (Path round : whole.profiles()) {
            assertTrue(Files.readString(round.resolveSibling("build.log")).contains(TrimmingFixture.JACOCO_HEADER));
        }

        JsonObject profile = JsonParser.parseString(Files.readString(profiles.get(0))).getAsJsonObject();
        assertTrue(profile.get("mavenStartSeconds").getAsDouble() > 0, profile.toString());
        JsonObject tests = profile.getAsJsonArray("goals").asList().stream().map(goal -> goal.getAsJsonObject())
                .filter(goal -> goal.get("goal").getAsString().startsWith("maven-surefire-plugin:3.5.3:test")).findFirst()
                .orElseThrow();
        assertEquals("c0", tests.get("module").getAsString());
        assertTrue(tests.has("testsSeconds") && tests.has("testJvmStartAndRestSeconds"), tests.toString());
        assertTrue(tests.get("seconds").getAsDouble() >= tests.get("testsSeconds").getAsDouble(), tests.toString());
        assertTrue(profile.get("wallSeconds").getAsDouble() >= profile.get("mavenStartSeconds").getAsDouble());

        SubBuildCosts.Cost money = trimmed.costs().shares().get("money");
        assertEquals(2, money.subBuilds());
        assertEquals(1, trimmed.costs().shares().get(SubBuildCosts.FINAL_CHECK).subBuilds());
        assertEquals(trimmed.costs().total().millis(), money.millis()
                + trimmed.costs().shares().get(SubBuildCosts.FINAL_CHECK).millis());
    }
}

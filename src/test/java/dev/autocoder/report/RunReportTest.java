package dev.autocoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.autocoder.verify.CodeUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    @TempDir
    Path dir;

    private static RunReport sample() {
        return ReportFixtures.report();
    }

    @Test
    void secondAttemptCarriesTheDiffFromTheFirst() {
        RunReport.AttemptReport second = sample().tasks().get(0).attempts().get(1);

        assertEquals(List.of("--- a/main/com/example/Money.java",
                "+++ b/main/com/example/Money.java", "@@ -1,4 +1,5 @@", " package com.example;",
                " class Money {", "     long cents;", "+    Money plus(Money other) { return this; }",
                " }"), second.diff());
    }

    @Test
    void diffNamesAddedAndRemovedFilesPerRoot() {
        CodeUnit money = new CodeUnit("p", "Money", "class Money {}\n", false);
        CodeUnit test = new CodeUnit("p", "MoneyTest", "class MoneyTest {}\n", true);

        List<String> diff = RunReport.diff(List.of(money), List.of(test));

        assertEquals(List.of("--- a/main/p/Money.java", "+++ /dev/null", "@@ -1,1 +0,0 @@",
                "-class Money {}", "--- /dev/null", "+++ b/test/p/MoneyTest.java",
                "@@ -0,0 +1,1 @@", "+class MoneyTest {}"), diff);
    }

    @Test
    void jsonHoldsTheSameDataInAStableOrder() {
        String json = sample().toJson();

        JsonObject first = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("tasks")
                .get(0).getAsJsonObject();
        assertEquals(sample().toJson(), json);
        assertTrue(json.startsWith("{\n  \"tasks\": [\n    {\n      \"task\": \"money-utils\",\n"
                + "      \"status\": \"verified\",\n"), json);
        assertEquals(1_500_000, first.get("inputTokens").getAsLong());
        assertEquals("COMPILE", first.getAsJsonArray("attempts").get(0).getAsJsonObject()
                .getAsJsonArray("feedback").get(0).getAsJsonObject().get("stage").getAsString());
        assertEquals("USER", first.getAsJsonArray("clarifications").get(0).getAsJsonObject()
                .get("source").getAsString());
        assertEquals(ReportFixtures.KEPT.toString(), JsonParser.parseString(json).getAsJsonObject()
                .getAsJsonArray("tasks").get(1).getAsJsonObject().get("subBuildFolder").getAsString());
    }

    @Test
    void aTaskWhosePromptTheServerCutCarriesTheWarningInJsonAndPage() {
        RunReport report = RunReport.of(List.of(ReportFixtures.verifiedMoney(), ReportFixtures.failedHostile()),
                Map.of("money-utils", List.of("the prompt was cut by the server")), Map.of());

        JsonObject first = JsonParser.parseString(report.toJson()).getAsJsonObject().getAsJsonArray("tasks")
                .get(0).getAsJsonObject();
        assertEquals("the prompt was cut by the server", first.getAsJsonArray("warnings").get(0).getAsString());
        assertEquals(400_000, first.get("cachedInputTokens").getAsLong());
        assertEquals(List.of(), report.tasks().get(1).warnings());
        assertTrue(HtmlReport.render(report).contains("<p class=\"failure warning\">the prompt was cut by the server</p>"));
    }

    @Test
    void writesBothFilesIntoTheFolder() throws IOException {
        sample().writeTo(dir.resolve("target/autocoder"), "report");

        assertEquals(sample().toJson(), Files.readString(dir.resolve("target/autocoder/report.json")));
        assertEquals(HtmlReport.render(sample()),
                Files.readString(dir.resolve("target/autocoder/report.html")));
    }
}

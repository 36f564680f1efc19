package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autocoder.project.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tasks' candidates share one module of a round, and the project's gate at {@code validate}
 * stops that module on one of them: the build never reached the tests, so the other candidate was
 * not judged at all. It waits for the failing task's code to change; it is neither charged nor told
 * the project's own build fails (found on Spring PetClinic, whose spring-javaformat validate named
 * one task's file and stopped the other two tasks as "the project's own build").
 */
class SubBuildResultsGatesTest {

    private static final CodeUnit TAX = unit("com.example.shop.Tax",
            "package com.example.shop;\n\npublic final class Tax {\n    static long of(long cents) {\n"
                    + "        return cents / 5;\n    }\n}\n", false);
    private static final CodeUnit SHIPPING = unit("com.example.shop.Shipping",
            "package com.example.shop;\n\npublic final class Shipping {\n\tstatic long of(long cents) {\n"
                    + "\t\treturn cents >= 200 ? 0 : 5;\n\t}\n}\n", false);
    /** The tax's round: its candidate, built with the shipping's. */
    private static final SubBuildReactor.Plan TAXS = new SubBuildReactor.Plan(List.of(TAX), List.of(SHIPPING),
            List.of(), Optional.empty());
    /** The shipping's round in the same module: its candidate, built with the tax's. */
    private static final SubBuildReactor.Plan SHIPPINGS = new SubBuildReactor.Plan(List.of(SHIPPING), List.of(TAX),
            List.of(), Optional.empty());
    private static final String STYLE_REPORT = SubBuildReactor.PROJECT_CHECKSTYLE_REPORT + "style.xml";

    @TempDir
    Path dir;

    /** Maven's log of a one-module sub-build that spring-javaformat 0.0.43's validate stopped. */
    private List<String> formatterStopped(String file) {
        return List.of(
                "[INFO] Scanning for projects...",
                "[INFO] -----------------< com.example.autocoder-c0:shop >-----------------",
                "[INFO] Building shop 1.0 [1/2]",
                "[INFO] --------------------------------[ jar ]---------------------------------",
                "[INFO] --- spring-javaformat-maven-plugin:0.0.43:validate (default) @ shop ---",
                "[INFO] -------------------< dev.autocoder.subbuild:reactor >-------------------",
                "[INFO] Building reactor 1 [2/2]",
                "[INFO] ------------------------------------------------------------------------",
                "[INFO] Reactor Summary:",
                "[INFO] ",
                "[INFO] shop 1.0 ........................................... FAILURE [  0.814 s]",
                "[INFO] reactor 1 .......................................... SKIPPED",
                "[INFO] ------------------------------------------------------------------------",
                "[INFO] BUILD FAILURE",
                "[INFO] ------------------------------------------------------------------------",
                "[ERROR] Failed to execute goal io.spring.javaformat:spring-javaformat-maven-plugin:0.0.43:validate"
                        + " (default) on project shop: Formatting violations found in the following files:",
                "[ERROR]  * " + folder() + "/c0/src/main/java/" + file,
                "[ERROR] ",
                "[ERROR] Run `spring-javaformat:apply` to fix.",
                "[ERROR] -> [Help 1]");
    }

    @Test
    void aFormatterThatRejectsOneCandidateOfTheModuleKeepsTheOtherWaiting() {
        SubBuildResults results = results(formatterStopped("com/example/shop/Tax.java"), Map.of());

        List<Feedback> shippings = results.findings("c0", SHIPPINGS);
        assertEquals(1, shippings.size(), shippings.toString());
        assertEquals(Feedback.Stage.WAITING, shippings.get(0).stage(), shippings.toString());
        assertEquals(Feedback.OTHERS_FAIL_A_GATE + ", so no test ran: the goal io.spring.javaformat:"
                + "spring-javaformat-maven-plugin:0.0.43:validate: Formatting violations found in the following files:"
                + " * c0/src/main/java/com/example/shop/Tax.java Run `spring-javaformat:apply` to fix.",
                shippings.get(0).message());
        List<Feedback> taxs = results.findings("c0", TAXS);
        assertEquals(List.of(Feedback.Stage.BUILD), taxs.stream().map(Feedback::stage).toList(),
                "the tax's own file: the formatter's diff goes to its model");
    }

    @Test
    void aFormatterThatRejectsAProjectFileIsTheProjectsForEveryCandidate() {
        SubBuildResults results = results(formatterStopped("com/example/shop/Checkout.java"), Map.of());

        for (SubBuildReactor.Plan plan : List.of(TAXS, SHIPPINGS)) {
            List<Feedback> findings = results.findings("c0", plan);
            assertEquals(List.of(Feedback.Stage.PROJECT), findings.stream().map(Feedback::stage).toList(),
                    findings.toString());
        }
    }

    @Test
    void aCheckstyleRuleThatRejectsOneCandidateOfTheModuleKeepsTheOtherWaiting() throws IOException {
        Path reports = Files.createDirectories(folder().resolve("c0").resolve(ModuleCopy.BUILD_FOLDER));
        Files.writeString(reports.resolve(STYLE_REPORT), """
                <?xml version="1.0" encoding="UTF-8"?>
                <checkstyle version="10.20.1">
                <file name="%s/c0/src/main/java/com/example/shop/Tax.java">
                <error line="5" severity="error" message="Line has trailing spaces."
                 source="com.puppycrawl.tools.checkstyle.checks.regexp.RegexpSingleLineCheck"/>
                </file>
                <file name="%s/c0/src/main/java/com/example/shop/Shipping.java">
                </file>
                </checkstyle>
                """.formatted(folder(), folder()));
        List<String> log = List.of(
                "[INFO] -----------------< com.example.autocoder-c0:shop >-----------------",
                "[INFO] --- maven-checkstyle-plugin:3.6.0:check (style) @ shop ---",
                "[INFO] Reactor Summary:",
                "[INFO] shop 1.0 ........................................... FAILURE [  0.814 s]",
                "[INFO] BUILD FAILURE",
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-checkstyle-plugin:3.6.0:check (style)"
                        + " on project shop: You have 1 Checkstyle violation. -> [Help 1]");

        SubBuildResults results = results(log, Map.of(STYLE_REPORT, "error"));

        List<Feedback> shippings = results.findings("c0", SHIPPINGS);
        assertEquals(List.of(Feedback.blocking(Feedback.Stage.WAITING, Feedback.OTHERS_FAIL_A_GATE
                + ", so no test ran: com/example/shop/Tax.java:5 [RegexpSingleLine] Line has trailing spaces.")),
                shippings);
        assertEquals(List.of(Feedback.blocking(Feedback.Stage.CHECKSTYLE,
                "com/example/shop/Tax.java:5 [RegexpSingleLine] Line has trailing spaces.")),
                results.findings("c0", TAXS));
    }

    private SubBuildResults results(List<String> log, Map<String, String> checkstyleReports) {
        Map<String, String> units = new java.util.HashMap<>();
        for (CodeUnit unit : List.of(TAX, SHIPPING)) {
            String path = SourceFile.slashes(unit.relativePath());
            units.put(SubBuildResults.comparable(folder() + "/c0/src/main/java/" + path), "main:" + path);
        }
        ProjectLayout layout = new TestProject(dir.resolve("project")).layout();
        return new SubBuildResults(folder(), log, layout,
                List.of(new SubBuildReactor.ModuleFiles(units, checkstyleReports, List.of())));
    }

    private Path folder() {
        return dir.resolve("build-3");
    }
}

package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A formatter's failed check becomes the diff it would apply to the candidate's file; no Maven run. */
class FormattersTest {

    private static final String POM = """
            <project><build><plugins>
              <plugin>
                <groupId>io.spring.javaformat</groupId>
                <artifactId>spring-javaformat-maven-plugin</artifactId>
                <version>0.0.48</version>
              </plugin>
            </plugins></build></project>
            """;

    @TempDir
    Path dir;

    @Test
    void springJavaformatsFailedValidateIsAppliedWithTheProjectsVersion() {
        Feedback failed = Feedback.blocking(Feedback.Stage.BUILD, "io.spring.javaformat:spring-javaformat-maven-plugin"
                + ":0.0.48:validate: Formatting violations found in the following files: * c0/src/main/java/com/acme"
                + "/links/Links.java Run `spring-javaformat:apply` to fix.");

        assertEquals(Optional.of("io.spring.javaformat:spring-javaformat-maven-plugin:0.0.48:apply"),
                Formatters.applyGoal(List.of(failed), POM));
        assertEquals(Optional.empty(), Formatters.applyGoal(List.of(Feedback.blocking(Feedback.Stage.PROJECT,
                "the goal org.apache.maven.plugins:maven-enforcer-plugin:3.5.0:enforce: rules failed")), POM));
    }

    @Test
    void theFindingIsTheDiffFromTheCandidatesFileToTheFormattedOne() throws Exception {
        String source = "package com.acme;\n\npublic class A {\n    int x;\n}\n";
        Path file = dir.resolve("c0/src/main/java/com/acme/A.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package com.acme;\n\npublic class A {\n\n\tint x;\n\n}\n");

        List<Feedback> findings = Formatters.diffs(Map.of(SubBuildResults.comparable(file.toString()),
                "main:com/acme/A.java"), Map.of("main:com/acme/A.java", TestProject.unit("com.acme.A", source, false)));

        assertEquals(1, findings.size());
        String message = findings.get(0).message();
        assertTrue(message.startsWith("com/acme/A.java:"), message);
        assertTrue(message.contains("--- a/com/acme/A.java\n+++ b/com/acme/A.java\n"), message);
        assertTrue(message.contains("\n-    int x;\n") && message.contains("\n+\tint x;\n"), message);
    }
}

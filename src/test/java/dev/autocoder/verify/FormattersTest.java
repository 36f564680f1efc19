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
    void spotlessIsAppliedWithTheConfigurationOfTheExecutionThatBindsItsCheck() {
        // As Maven's writer spells an effective POM: the managed entry first, an execution's id left
        // out where it is "default".
        String pom = """
                <project><build><pluginManagement><plugins>
                  <plugin>
                    <groupId>com.diffplug.spotless</groupId>
                    <artifactId>spotless-maven-plugin</artifactId>
                    <version>3.10.0</version>
                  </plugin>
                </plugins></pluginManagement><plugins>
                  <plugin>
                    <groupId>com.diffplug.spotless</groupId>
                    <artifactId>spotless-maven-plugin</artifactId>
                    <version>3.11.0</version>
                    <executions>
                      <execution><id>format-pom</id><goals><goal>apply</goal></goals></execution>
                      <execution>
                        <id>spotless-check</id>
                        <phase>validate</phase>
                        <goals><goal>check</goal></goals>
                        <configuration><java><indent><spaces>true</spaces></indent></java></configuration>
                      </execution>
                    </executions>
                  </plugin>
                </plugins></build></project>
                """;
        Feedback failed = Feedback.blocking(Feedback.Stage.BUILD, "com.diffplug.spotless:spotless-maven-plugin:3.11.0"
                + ":check: The following files had format violations: src/main/java/com/acme/orders/OrderNumbers.java");

        assertEquals(Optional.of("com.diffplug.spotless:spotless-maven-plugin:3.11.0:apply@spotless-check"),
                Formatters.applyGoal(List.of(failed), pom));
        assertEquals(Optional.of("com.diffplug.spotless:spotless-maven-plugin:3.11.0:apply@default"),
                Formatters.applyGoal(List.of(failed), pom.replace("<id>spotless-check</id>", "")));
        assertEquals(Optional.of("com.diffplug.spotless:spotless-maven-plugin:3.10.0:apply"),
                Formatters.applyGoal(List.of(failed), pom.substring(0, pom.indexOf("</pluginManagement>"))
                        + "</pluginManagement></build></project>"));
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

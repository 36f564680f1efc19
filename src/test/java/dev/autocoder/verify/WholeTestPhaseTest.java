package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * When a round that chose every test class it could runs the project's whole test phase instead:
 * only when that phase runs no class a round cannot choose.
 */
class WholeTestPhaseTest {

    private static String pom(String surefire) {
        return """
                <project>
                  <build>
                    <plugins>
                      <plugin>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <configuration><includes><include>**/*.java</include></includes></configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.3</version>
                %s
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(surefire);
    }

    @Test
    void surefireWithDefaultsOrOnlyExcludesRunsTheClassesARoundChoosesAmong() {
        assertTrue(SubBuildVerifier.runsDefaultTestClassesOnly(pom("")));
        assertTrue(SubBuildVerifier.runsDefaultTestClassesOnly(pom("""
                <configuration>
                  <excludes><exclude>**/*IT.java</exclude></excludes>
                  <argLine>-Xmx256m</argLine>
                </configuration>
                """)));
        assertTrue(SubBuildVerifier.runsDefaultTestClassesOnly("<project/>"), "no surefire configured at all");
    }

    @Test
    void includesATestOrAnIncludesFileInThePluginOrAnyExecutionRunOtherClasses() {
        assertFalse(SubBuildVerifier.runsDefaultTestClassesOnly(pom("""
                <configuration><includes><include>**/*Spec.java</include></includes></configuration>
                """)));
        assertFalse(SubBuildVerifier.runsDefaultTestClassesOnly(pom("""
                <executions>
                  <execution>
                    <id>default-test</id>
                    <configuration><test>com.example.legacy.LedgerCheck</test></configuration>
                  </execution>
                </executions>
                """)));
        assertFalse(SubBuildVerifier.runsDefaultTestClassesOnly(pom("""
                <configuration><includesFile>src/test/resources/suite.txt</includesFile></configuration>
                """)));
        assertFalse(SubBuildVerifier.runsDefaultTestClassesOnly(pom("""
                <configuration><dependenciesToScan><dependency>com.example:contract-tests</dependency>
                </dependenciesToScan></configuration>
                """)));
        assertFalse(SubBuildVerifier.runsDefaultTestClassesOnly("<project"), "a POM that does not parse");
    }
}

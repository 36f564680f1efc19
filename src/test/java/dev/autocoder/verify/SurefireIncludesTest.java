package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** Which test classes the project's test phase runs by name, read as surefire reads its includes. */
class SurefireIncludesTest {

    private static final List<String> CLASSES = List.of("com.acme.PriceTest", "com.acme.TestPrice",
            "com.acme.PriceTests", "com.acme.PriceTestCase", "com.acme.PriceCheck", "com.acme.legacy.LedgerCheck",
            "com.acme.PriceFixtures", "PriceCheck");

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

    private static List<String> run(Optional<SurefireIncludes> includes) {
        return CLASSES.stream().filter(includes.orElseThrow().asFilter()).toList();
    }

    @Test
    void withoutIncludesTheTestPhaseRunsSurefiresDefaultsLessNothingElse() {
        List<String> defaults = List.of("com.acme.PriceTest", "com.acme.TestPrice", "com.acme.PriceTests",
                "com.acme.PriceTestCase");
        assertEquals(defaults, run(SurefireIncludes.of(pom(""))));
        assertEquals(defaults, run(SurefireIncludes.of(pom("""
                <configuration>
                  <excludes><exclude>**/*IT.java</exclude></excludes>
                  <argLine>-Xmx256m</argLine>
                </configuration>
                """))), "excludes apply in every round as in the build; they do not change what rounds choose among");
        assertEquals(defaults, run(SurefireIncludes.of("<project/>")), "no surefire configured at all");
    }

    @Test
    void theProjectsIncludesAreWhatRoundsChooseAmongTheDefaultTestExecutionsWinning() {
        assertEquals(List.of("com.acme.PriceCheck", "com.acme.legacy.LedgerCheck", "PriceCheck"),
                run(SurefireIncludes.of(pom("""
                        <configuration><includes><include>**/*Check.java</include></includes></configuration>
                        """))));
        assertEquals(List.of("com.acme.legacy.LedgerCheck"), run(SurefireIncludes.of(pom("""
                <configuration><includes><include>**/*Check.java</include></includes></configuration>
                <executions>
                  <execution>
                    <id>default-test</id>
                    <configuration><includes><include>com/acme/legacy/*Check</include></includes></configuration>
                  </execution>
                  <execution>
                    <id>slow</id>
                    <configuration><includes><include>**/*Tests.java</include></includes></configuration>
                  </execution>
                </executions>
                """))), "the default-test execution's own list replaces the plugin's; another execution's is not it");
        assertEquals(List.of("com.acme.PriceTest", "com.acme.PriceCheck", "com.acme.legacy.LedgerCheck",
                "PriceCheck"), run(SurefireIncludes.of(pom("""
                        <configuration><includes><include>**/*Test.java, **/*Check.class</include></includes>
                        </configuration>
                        """))), "a comma-separated list, .class and .java alike");
    }

    @Test
    void theTestPhaseRunsWhatAnyOfItsSurefireExecutionsIncludes() {
        assertEquals(List.of("com.acme.PriceTest", "com.acme.TestPrice", "com.acme.PriceTests",
                "com.acme.PriceTestCase", "com.acme.PriceCheck", "com.acme.legacy.LedgerCheck", "PriceCheck"),
                run(SurefireIncludes.of(pom("""
                        <executions>
                          <execution>
                            <id>contract-checks</id>
                            <goals><goal>test</goal></goals>
                            <configuration><includes><include>**/*Check.java</include></includes></configuration>
                          </execution>
                        </executions>
                        """))), "default-test, not listed, runs the defaults; the second execution its own");
        assertEquals(List.of("com.acme.PriceCheck", "com.acme.legacy.LedgerCheck", "PriceCheck"),
                run(SurefireIncludes.of(pom("""
                        <executions>
                          <execution>
                            <id>default-test</id>
                            <phase>none</phase>
                          </execution>
                          <execution>
                            <id>checks</id>
                            <phase>test</phase>
                            <goals><goal>test</goal></goals>
                            <configuration><includes><include>**/*Check.java</include></includes></configuration>
                          </execution>
                        </executions>
                        """))), "a default-test moved to phase none runs nothing");
        assertTrue(SurefireIncludes.of(pom("""
                <executions>
                  <execution>
                    <id>suite</id>
                    <goals><goal>test</goal></goals>
                    <configuration><includesFile>suite.txt</includesFile></configuration>
                  </execution>
                </executions>
                """)).isEmpty(), "one execution that names its tests another way leaves the phase unknown");
    }

    /**
     * Issue 23: a project that names its tests with {@code <test>} in its POM (which overrides
     * includes and excludes) runs exactly those classes; rounds choose among them, read as surefire
     * reads the parameter: plain, qualified or path patterns, each in any package.
     */
    @Test
    void aTestParameterInThePomNamesWhatTheTestPhaseRunsAsSurefireReadsIt() {
        assertEquals(List.of("com.acme.PriceCheck", "com.acme.legacy.LedgerCheck", "PriceCheck"),
                run(SurefireIncludes.of(pom("""
                        <configuration>
                          <includes><include>**/*Test.java</include></includes>
                          <test>*Check</test>
                        </configuration>
                        """))), "the test parameter wins over includes");
        assertEquals(List.of("com.acme.TestPrice", "com.acme.legacy.LedgerCheck"), run(SurefireIncludes.of(pom("""
                <executions>
                  <execution>
                    <id>default-test</id>
                    <configuration>
                      <test>com.acme.legacy.LedgerCheck, com/acme/Test*.java,</test>
                    </configuration>
                  </execution>
                </executions>
                """))), "a qualified name, and a path pattern with its extension");
        assertEquals(List.of("com.acme.PriceCheck"), run(SurefireIncludes.of(pom("""
                <configuration><test>acme.PriceCheck</test></configuration>
                """))), "a partly qualified name lies in any package, as the last part of a path");
    }

    /**
     * Surefire's {@code test} parameter excludes a class with {@code !}: the project's build never
     * runs it, so no round may choose it, in that execution or in the phase.
     */
    @Test
    void anExclusionInTheTestParameterLeavesItsClassesOutOfTheTestPhase() {
        String pom = pom("""
                <executions>
                  <execution>
                    <id>default-test</id>
                    <configuration>
                      <test>Price*, !PriceTests, ! com.acme.PriceTestCase</test>
                    </configuration>
                  </execution>
                </executions>
                """);
        assertEquals(List.of("com.acme.PriceTest", "com.acme.PriceCheck", "com.acme.PriceFixtures", "PriceCheck"), run(SurefireIncludes.of(pom)));
        Optional<Xpp3Dom> own = PomModel.read(pom).flatMap(model -> PomModel.mavenPlugin(PomModel.plugins(model),
                "maven-surefire-plugin")).flatMap(plugin -> PomModel.configuration(plugin.getExecutions().get(0)));
        assertEquals(List.of("com.acme.PriceTest", "com.acme.PriceCheck", "com.acme.PriceFixtures", "PriceCheck"),
                run(SurefireIncludes.ofExecution(Optional.empty(), own)), "the execution's own share reads it alike");
    }

    @Test
    void testsNamedInAnotherWayLeaveTheTestPhaseUnknown() {
        for (String configuration : List.of(
                "<configuration><test>com.acme.legacy.LedgerCheck#balances</test></configuration>",
                "<configuration><includesFile>src/test/resources/suite.txt</includesFile></configuration>",
                "<configuration><dependenciesToScan><dependency>com.acme:contract</dependency></dependenciesToScan>"
                        + "</configuration>",
                "<configuration><includes><include>%regex[.*Check.*]</include></includes></configuration>",
                "<configuration><test>!PriceTests</test></configuration>")) {
            assertTrue(SurefireIncludes.of(pom(configuration)).isEmpty(), configuration);
        }
        assertFalse(SurefireIncludes.of("<project").isPresent(), "a POM that does not parse");
    }
}

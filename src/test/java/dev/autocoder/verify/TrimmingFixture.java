package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.MONEY;
import static dev.autocoder.verify.TestProject.MONEY_TEST;
import static dev.autocoder.verify.TestProject.candidate;
import static dev.autocoder.verify.TestProject.unit;

import dev.autocoder.project.ProjectLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project that binds JaCoCo's agent (with surefire's {@code @{argLine}} and no argLine of its
 * own, as most projects have it) and the enforcer, for the round-trimming IT and benchmark: a
 * passing and a failing candidate for its acceptance test.
 */
final class TrimmingFixture {

    static final String JACOCO_HEADER = "jacoco-maven-plugin:0.8.15:prepare-agent (coverage)";
    static final String ENFORCER_HEADER = "maven-enforcer-plugin:3.6.2:enforce (enforce-java)";

    static final Candidate PASSING = candidate("money", unit("com.example.Money", MONEY, false));
    static final Candidate FAILING = candidate("money", unit("com.example.Money",
            MONEY.replace("cents + other.cents", "cents - other.cents"), false));

    private TrimmingFixture() {
    }

    static ProjectLayout layout(Path base) {
        ProjectLayout plain = new TestProject(base).test("com/example/MoneyTest.java", MONEY_TEST).layout();
        String surefire = """
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.3</version>
                """;
        String pom = plain.build().effectivePom().replace(surefire, surefire + """
                        <configuration>
                          <argLine>@{argLine} -Xmx256m</argLine>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-enforcer-plugin</artifactId>
                        <version>3.6.2</version>
                        <executions>
                          <execution>
                            <id>enforce-java</id>
                            <phase>validate</phase>
                            <goals>
                              <goal>enforce</goal>
                            </goals>
                            <configuration>
                              <rules>
                                <requireJavaVersion><version>[17,)</version></requireJavaVersion>
                                <requireMavenVersion><version>[3.6,)</version></requireMavenVersion>
                              </rules>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>
                      <plugin>
                        <groupId>org.jacoco</groupId>
                        <artifactId>jacoco-maven-plugin</artifactId>
                        <version>0.8.15</version>
                        <executions>
                          <execution>
                            <id>coverage</id>
                            <phase>initialize</phase>
                            <goals>
                              <goal>prepare-agent</goal>
                            </goals>
                          </execution>
                          <execution>
                            <id>coverage-report</id>
                            <phase>verify</phase>
                            <goals>
                              <goal>report</goal>
                            </goals>
                          </execution>
                        </executions>
                """);
        if (pom.equals(plain.build().effectivePom())) {
            throw new IllegalStateException("the fixture's POM no longer has the surefire block it extends");
        }
        return new ProjectLayout(plain.baseDirectory(), plain.javaRelease(), plain.mainSourceRoots(),
                plain.testSourceRoots(), plain.dependencies(), Map.of(), Optional.empty(), plain.compiler(),
                new ProjectLayout.BuildModel(pom, plain.buildDirectory(), plain.build().selfPlugin()));
    }

    /** A verifier whose rounds leave out what {@code trimming} says, writing a profile per sub-build. */
    static SubBuildVerifier verifier(ProjectLayout layout, Path work, RoundTrimming trimming) {
        return new SubBuildVerifier(layout, owner -> List.of(), new InProcessCompiler(layout, owner -> List.of()),
                SubBuildVerifierIT.settings(Duration.ofMinutes(3)), work, null, false, trimming, true);
    }
}

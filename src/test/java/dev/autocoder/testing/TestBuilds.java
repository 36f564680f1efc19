package dev.autocoder.testing;

import dev.autocoder.project.Dependency;
import dev.autocoder.project.ProjectLayout;
import java.nio.file.Path;
import java.util.List;

/**
 * Effective builds for test projects, shaped the way the Maven adapter hands them to the core: an
 * interpolated POM with absolute folders, pinned plugins and the dependencies as files.
 */
public final class TestBuilds {

    /** The plugin the sub-builds declare to add candidate sources, as installed for the tests. */
    public static final String SELF_PLUGIN = "dev.autocoder:autocoder-maven-plugin:"
            + System.getProperty("autocoder.it.pluginVersion", "0.1.0-SNAPSHOT");

    private TestBuilds() {
    }

    /** A plain Java 17 project at {@code base} with the given dependencies and the plugins' defaults. */
    public static ProjectLayout.BuildModel plain(Path base, List<Dependency> dependencies) {
        StringBuilder deps = new StringBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Dependency dependency : dependencies) {
            // Surefire picks its JUnit provider by the artifacts' real names, so keep them but for twins.
            String artifactId = seen.add(dependency.groupId() + ":" + dependency.artifactId()) ? dependency.artifactId()
                    : dependency.artifactId() + "-" + seen.size();
            deps.append("""
                        <dependency>
                          <groupId>%s</groupId>
                          <artifactId>%s</artifactId>
                          <version>%s</version>
                          <scope>system</scope>
                          <systemPath>%s</systemPath>
                        </dependency>
                    """.formatted(dependency.groupId(), artifactId, dependency.version(),
                    xml(dependency.file().toAbsolutePath())));
        }
        Path target = base.resolve("target").toAbsolutePath();
        String pom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>test-project</artifactId>
                  <version>1.0</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                %s  </dependencies>
                  <build>
                    <directory>%s</directory>
                    <outputDirectory>%s</outputDirectory>
                    <testOutputDirectory>%s</testOutputDirectory>
                    <sourceDirectory>%s</sourceDirectory>
                    <testSourceDirectory>%s</testSourceDirectory>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.14.0</version>
                        <configuration>
                          <release>17</release>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.3</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(deps, xml(target), xml(target.resolve("classes")), xml(target.resolve("test-classes")),
                xml(base.resolve("src/main/java").toAbsolutePath()), xml(base.resolve("src/test/java").toAbsolutePath()));
        return new ProjectLayout.BuildModel(pom, target, SELF_PLUGIN);
    }

    /** A path as XML text: a folder may be called {@code R&D}. */
    private static String xml(Path path) {
        return path.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

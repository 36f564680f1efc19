package dev.autocoder.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the core knows about the consuming project, read by the Maven adapter from the running
 * build: where its sources are, what it depends on and how it checks its code.
 *
 * @param baseDirectory the module's base folder
 * @param javaRelease the Java release the project compiles for ({@code "17"})
 * @param mainSourceRoots the project's own main source folders that exist (generated roots excluded)
 * @param testSourceRoots the project's own test source folders that exist
 * @param dependencies every resolved dependency, all scopes
 * @param pluginVersions versions the project pins for the plugins a sub-build runs, by artifactId
 *     ({@code maven-compiler-plugin}, {@code maven-surefire-plugin}, {@code maven-checkstyle-plugin})
 * @param checkstyle the project's own maven-checkstyle-plugin setup, when its POM has one
 */
public record ProjectLayout(Path baseDirectory, String javaRelease, List<Path> mainSourceRoots,
        List<Path> testSourceRoots, List<Dependency> dependencies, Map<String, String> pluginVersions,
        Optional<CheckstyleSetup> checkstyle) {

    public ProjectLayout {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(javaRelease, "javaRelease");
        mainSourceRoots = List.copyOf(mainSourceRoots);
        testSourceRoots = List.copyOf(testSourceRoots);
        dependencies = List.copyOf(dependencies);
        pluginVersions = Map.copyOf(pluginVersions);
        Objects.requireNonNull(checkstyle, "checkstyle");
    }

    /**
     * The consuming POM's maven-checkstyle-plugin, reused verbatim by the sub-build.
     *
     * @param configurationXml the plugin's {@code <configuration>} element as XML, or empty
     * @param dependenciesXml the plugin's {@code <dependencies>} element as XML (to pin the
     *     checkstyle version), or empty
     */
    public record CheckstyleSetup(String configurationXml, String dependenciesXml) {
        public CheckstyleSetup {
            Objects.requireNonNull(configurationXml, "configurationXml");
            Objects.requireNonNull(dependenciesXml, "dependenciesXml");
        }
    }
}

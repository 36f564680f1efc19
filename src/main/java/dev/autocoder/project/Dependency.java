package dev.autocoder.project;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A resolved dependency of the consuming project.
 *
 * @param groupId the group
 * @param artifactId the artifact
 * @param version the resolved version
 * @param scope {@code compile}, {@code provided}, {@code runtime}, {@code test} or {@code system}
 * @param direct whether the POM declares it (as opposed to arriving transitively)
 * @param file the resolved jar, or a reactor module's output folder
 */
public record Dependency(String groupId, String artifactId, String version, String scope, boolean direct,
        Path file) {

    public Dependency {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(file, "file");
    }

    /** Whether main code may use it; test-scoped dependencies are for tests only. */
    public boolean onMainClasspath() {
        return !"test".equals(scope) && !"runtime".equals(scope);
    }

    /** {@code group:artifact:version}. */
    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version;
    }
}

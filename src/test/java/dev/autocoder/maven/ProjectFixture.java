package dev.autocoder.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.project.DefaultProjectBuildingRequest;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingException;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.repository.LocalRepository;

/**
 * Builds projects from POM files with Maven's own project builder, so a test sees the effective
 * model a running build hands a plugin: parents merged, profiles applied, lifecycle plugins bound.
 */
final class ProjectFixture {

    private final ProjectBuilder builder;
    private final RepositorySystem repositorySystem;
    private final DefaultRepositorySystemSession repositorySession = MavenRepositorySystemUtils.newSession();

    @Inject
    ProjectFixture(ProjectBuilder builder, RepositorySystem repositorySystem) {
        this.builder = builder;
        this.repositorySystem = repositorySystem;
        repositorySession.setOffline(true);
    }

    /** Resolves from {@code folder} alone, offline; call it before anything else. */
    void localRepository(Path folder) {
        repositorySession.setLocalRepositoryManager(repositorySystem.newLocalRepositoryManager(repositorySession,
                new LocalRepository(folder.toFile())));
    }

    RepositorySystem repositorySystem() {
        return repositorySystem;
    }

    MavenProject build(Path pom, String... activeProfiles) throws ProjectBuildingException {
        DefaultProjectBuildingRequest request = new DefaultProjectBuildingRequest();
        request.setRepositorySession(repositorySession);
        request.setSystemProperties(System.getProperties());
        request.setActiveProfileIds(List.of(activeProfiles));
        request.setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL);
        return builder.build(pom.toFile(), request).getProject();
    }

    /** A session whose reactor is {@code reactor} and whose repository session is the fixture's. */
    MavenSession session(MavenProject... reactor) {
        MavenSession session = new MavenSession(null, repositorySession, new DefaultMavenExecutionRequest(),
                new DefaultMavenExecutionResult());
        session.setProjects(List.of(reactor));
        return session;
    }

    static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    /** A minimal POM with the given groupId/artifactId/version and extra content inside {@code <project>}. */
    static String pom(String groupId, String artifactId, String version, String content) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                %s
                </project>
                """.formatted(groupId, artifactId, version, content);
    }
}

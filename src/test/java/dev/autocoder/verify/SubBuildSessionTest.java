package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.project.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What of the outer session, environment and JVM options a sub-build runs with; no Maven run. */
class SubBuildSessionTest {

    @TempDir
    Path dir;

    @Test
    void environmentIsTheUsersLessSecretsAndWhatTheSubBuildSetsItself() {
        Map<String, String> user = new LinkedHashMap<>();
        user.put("PATH", "/usr/bin");
        user.put("DOCKER_HOST", "unix:///run/user/1000/docker.sock");
        user.put("TESTCONTAINERS_RYUK_DISABLED", "true");
        user.put("JAVA_TOOL_OPTIONS", "-Dfile.encoding=UTF-8");
        user.put("CI", "true");
        user.put("GITHUB_ACTIONS", "true");
        user.put("SystemRoot", "C:\\Windows");
        user.put("TEMP", "C:\\Temp");
        user.put("TMP", "C:\\Temp");
        user.put("OPENAI_API_KEY", "sk-1");
        user.put("ANTHROPIC_API_KEY", "sk-ant-1");
        user.put("OLLAMA_API_KEY", "o-1");
        user.put("GITHUB_TOKEN", "ghp-1");
        user.put("NPM_AUTH", "a");
        user.put("AWS_SECRET_ACCESS_KEY", "s");
        user.put("db_password", "p");
        user.put("GOOGLE_APPLICATION_CREDENTIALS", "/keys/gcp.json");
        user.put("MAVEN_OPTS", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005");
        user.put("MAVEN_ARGS", "-Dautocoder.apiKey=sk-2");
        user.put("MAVEN_BASEDIR", "/work/outer");
        user.put("JAVA_HOME", "/opt/other-jdk");

        Map<String, String> safe = SubBuildLaunch.safeEnvironment(user);

        assertEquals(Map.of("PATH", "/usr/bin", "DOCKER_HOST", "unix:///run/user/1000/docker.sock",
                "TESTCONTAINERS_RYUK_DISABLED", "true", "JAVA_TOOL_OPTIONS", "-Dfile.encoding=UTF-8", "CI", "true",
                "GITHUB_ACTIONS", "true", "SystemRoot", "C:\\Windows", "TEMP", "C:\\Temp", "TMP", "C:\\Temp"), safe);
    }

    @Test
    void userPropertiesAreCarriedButTheFlagsOwnSecretsAndTestSelection() {
        Map<String, String> outer = new LinkedHashMap<>();
        outer.put("excludedGroups", "slow");
        outer.put("skipITs", "true");
        outer.put("gpg.skip", "true");
        outer.put("env", "staging");
        outer.put("autocoder.baseUrl", "http://127.0.0.1:1/v1");
        outer.put("autocoder.apiKey", "sk-1");
        outer.put("autocoder.skip", "false");
        outer.put("sonar.token", "t");
        outer.put("gpg.passphrase.secret", "s");
        outer.put("db.password", "p");
        outer.put("test", "OnlyThisTest");
        outer.put("skipTests", "true");
        outer.put("maven.test.skip", "true");
        outer.put("maven.repo.local", "target/repo");

        assertEquals(Map.of("excludedGroups", "slow", "skipITs", "true", "gpg.skip", "true", "env", "staging"),
                SubBuildLaunch.carriedProperties(outer));
    }

    @Test
    void requestCarriesTheSessionsPropertiesProfilesAndToolchains() throws IOException {
        Path toolchains = Files.writeString(dir.resolve("toolchains.xml"), "<toolchains/>");
        Path globalToolchains = Files.writeString(dir.resolve("global-toolchains.xml"), "<toolchains/>");
        SubBuildSettings.Session session = new SubBuildSettings.Session(
                Map.of("excludedGroups", "slow", "autocoder.model", "gpt-x", "skipTests", "true"),
                List.of("ci", "docker"), List.of("local-db"), toolchains, globalToolchains);

        InvocationRequest request = verifier(SubBuildVerifierIT.settings(Duration.ofSeconds(30)).withSession(session))
                .request(Files.createDirectories(dir.resolve("build")), 1);

        assertEquals("slow", request.getProperties().getProperty("excludedGroups"));
        assertEquals("true", request.getProperties().getProperty("autocoder.skip"));
        assertFalse(request.getProperties().containsKey("autocoder.model"));
        assertFalse(request.getProperties().containsKey("skipTests"));
        assertEquals(List.of("ci", "docker", "!local-db"), request.getProfiles());
        assertEquals(toolchains.toFile(), request.getToolchainsFile());
        assertEquals(globalToolchains.toFile(), request.getGlobalToolchainsFile());
        assertFalse(request.isShellEnvironmentInherited());
    }

    @Test
    void buildCachesAndBuildScansAreOffWhateverTheSessionSays() throws IOException {
        Map<String, String> switches = Map.of("maven.build.cache.enabled", "false",
                "develocity.cache.local.enabled", "false", "develocity.cache.remote.enabled", "false",
                "develocity.scan.disabled", "true", "gradle.cache.local.enabled", "false",
                "gradle.cache.remote.enabled", "false", "scan", "false");
        Map<String, String> outer = new LinkedHashMap<>(Map.of("excludedGroups", "slow"));
        switches.forEach((name, off) -> outer.put(name, String.valueOf(!Boolean.parseBoolean(off))));
        SubBuildSettings.Session session = new SubBuildSettings.Session(outer, List.of(), List.of(), null, null);

        InvocationRequest request = verifier(SubBuildVerifierIT.settings(Duration.ofSeconds(30)).withSession(session))
                .request(Files.createDirectories(dir.resolve("build")), 1);

        switches.forEach((name, off) -> assertEquals(off, request.getProperties().getProperty(name), name));
        assertEquals(switches, SubBuildLaunch.NO_CACHE_NOR_SCAN);
        assertEquals("slow", request.getProperties().getProperty("excludedGroups"), "the rest of the session is carried");
    }

    @Test
    void aPlainSessionAddsNoProfilesNorToolchains() throws IOException {
        InvocationRequest request = verifier(SubBuildVerifierIT.settings(Duration.ofSeconds(30)))
                .request(Files.createDirectories(dir.resolve("build")), 1);

        assertTrue(request.getProfiles() == null || request.getProfiles().isEmpty());
        assertNull(request.getToolchainsFile());
        assertEquals(SubBuildLaunch.MAVEN_OPTS, request.getMavenOpts());
    }

    @Test
    void theSubBuildsJvmOptionsGiveWayToTheProjectsOfTheSameKind() {
        assertEquals(SubBuildLaunch.MAVEN_OPTS, SubBuildLaunch.mavenOpts(""));
        assertEquals(SubBuildLaunch.MAVEN_OPTS, SubBuildLaunch.mavenOpts("-Xss4m\n--add-exports x/y=ALL-UNNAMED\n"));
        assertEquals("-XX:TieredStopAtLevel=1 -Xshare:auto -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions"
                + " -XX:-BytecodeVerificationRemote -Duser.language=en -Duser.country=US -Dsun.stdout.encoding=UTF-8 -Dstdout.encoding=UTF-8",
                SubBuildLaunch.mavenOpts("-XX:+UseG1GC -Xmx512m"));
        assertEquals("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:+IgnoreUnrecognizedVMOptions"
                + " -XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote -Duser.language=en -Duser.country=US -Dsun.stdout.encoding=UTF-8 -Dstdout.encoding=UTF-8",
                SubBuildLaunch.mavenOpts("-XX:MaxRAMPercentage=75"));
        assertEquals("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:+IgnoreUnrecognizedVMOptions"
                + " -XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote -Duser.language=en -Duser.country=US -Dsun.stdout.encoding=UTF-8 -Dstdout.encoding=UTF-8",
                SubBuildLaunch.mavenOpts("-Xms2g"), "an initial heap above our bound would stop the JVM");
        assertEquals("-Xmx1g -Xshare:auto -Duser.language=en -Duser.country=US -Dsun.stdout.encoding=UTF-8 -Dstdout.encoding=UTF-8",
                SubBuildLaunch.mavenOpts("-XX:+UseZGC\n-XX:-TieredCompilation\n-Xverify:all"));
        assertEquals(SubBuildLaunch.MAVEN_OPTS, SubBuildLaunch.mavenOpts("# -XX:+UseG1GC -Xmx4g\n-Xss2m"),
                "a comment sets nothing");
    }

    @Test
    void aJvmConfigInTheSubBuildFolderAndJavaToolOptionsCountAsTheProjects() throws IOException {
        Path build = Files.createDirectories(dir.resolve("build/.mvn")).getParent();
        Files.writeString(build.resolve(".mvn/jvm.config"), "-XX:+UseG1GC\n-Xmx512m\n");

        String opts = verifier(SubBuildVerifierIT.settings(Duration.ofSeconds(30))).request(build, 1).getMavenOpts();

        assertFalse(opts.contains("GC"), opts);
        assertFalse(opts.contains("-Xmx"), opts);
        assertTrue(opts.contains("-Duser.language=en"), opts);
    }

    private SubBuildVerifier verifier(SubBuildSettings settings) {
        ProjectLayout layout = new TestProject(dir.resolve("project")).layout();
        return new SubBuildVerifier(layout, owner -> List.of(), new InProcessCompiler(layout, owner -> List.of()),
                settings, dir.resolve("state/subbuild"), null, false);
    }
}

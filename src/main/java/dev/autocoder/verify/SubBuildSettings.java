package dev.autocoder.verify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to launch a sub-build: the outer build's Maven, repository and settings, so the sub-build
 * resolves exactly what the outer build resolved (offline included).
 *
 * @param mavenHome the Maven installation to run
 * @param localRepository the local repository to use
 * @param userSettings the user settings file, or null for Maven's default
 * @param globalSettings the global settings file, or null for Maven's default
 * @param offline whether the sub-build may not reach remote repositories
 * @param timeout how long one sub-build may take before it is stopped
 * @param javaHome the JDK to run Maven on, or null for the JDK this process runs on
 * @param settingsSecurity the {@code settings-security.xml} the outer build was pointed at with
 *     {@code -Dsettings.security}, or null for Maven's default, so that the sub-build decrypts the
 *     passwords of its settings (a proxy's, a repository server's) as the outer build does
 * @param jvmConfig the project's {@code .mvn/jvm.config}, or null when it has none, so that Maven's
 *     JVM in the sub-build gets the options the project's build needs (Error Prone's
 *     {@code --add-exports}, a bigger stack)
 * @param session what the outer session was started with ({@code -D}, {@code -P}, toolchains), so
 *     that the sub-build runs the project's build as the user ran it
 * @param mvnFolder the project's {@code .mvn} folder (the one Maven read for the outer build), or
 *     null when it has none, so that every sub-build loads the core extensions of its
 *     {@code extensions.xml} with the configuration files they read from there (see
 *     {@code SubBuildReactor} for what is carried)
 * @param warmMaven run sub-builds in Maven JVMs kept up for the whole run ({@code WarmMaven}) rather
 *     than starting Maven for each
 */
public record SubBuildSettings(Path mavenHome, Path localRepository, Path userSettings, Path globalSettings,
        boolean offline, Duration timeout, Path javaHome, Path settingsSecurity, Path jvmConfig, Session session,
        Path mvnFolder, boolean warmMaven) {

    /**
     * What the user started the outer build with, beyond the settings above: the user properties
     * ({@code -D} on the command line and in {@code .mvn/maven.config}), the profiles switched on
     * and off ({@code -P}), and the toolchains files ({@code -t}, {@code -gt}). As given: the
     * verifier leaves out what is its own or secret (see {@code SubBuildLaunch#request}).
     *
     * @param userProperties the outer session's user properties
     * @param activeProfiles the profiles the outer session activated by name
     * @param inactiveProfiles the profiles the outer session deactivated by name
     * @param userToolchains the user toolchains file, or null for Maven's default
     * @param globalToolchains the global toolchains file, or null for Maven's default
     */
    public record Session(Map<String, String> userProperties, List<String> activeProfiles,
            List<String> inactiveProfiles, Path userToolchains, Path globalToolchains) {

        /** A session started with nothing beyond the defaults. */
        public static final Session NONE = new Session(Map.of(), List.of(), List.of(), null, null);

        public Session {
            userProperties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(userProperties));
            activeProfiles = List.copyOf(activeProfiles);
            inactiveProfiles = List.copyOf(inactiveProfiles);
        }
    }

    /** Settings for a build that uses Maven's default settings-security file and has no jvm.config. */
    public SubBuildSettings(Path mavenHome, Path localRepository, Path userSettings, Path globalSettings,
            boolean offline, Duration timeout, Path javaHome) {
        this(mavenHome, localRepository, userSettings, globalSettings, offline, timeout, javaHome, null, null);
    }

    /** Settings for a session started with nothing beyond the defaults. */
    public SubBuildSettings(Path mavenHome, Path localRepository, Path userSettings, Path globalSettings,
            boolean offline, Duration timeout, Path javaHome, Path settingsSecurity, Path jvmConfig) {
        this(mavenHome, localRepository, userSettings, globalSettings, offline, timeout, javaHome, settingsSecurity,
                jvmConfig, Session.NONE);
    }

    /** Settings for a project without a {@code .mvn} folder to carry beyond its jvm.config. */
    public SubBuildSettings(Path mavenHome, Path localRepository, Path userSettings, Path globalSettings,
            boolean offline, Duration timeout, Path javaHome, Path settingsSecurity, Path jvmConfig,
            Session session) {
        this(mavenHome, localRepository, userSettings, globalSettings, offline, timeout, javaHome, settingsSecurity,
                jvmConfig, session, null);
    }

    /** Settings whose sub-builds run in a warm Maven. */
    public SubBuildSettings(Path mavenHome, Path localRepository, Path userSettings, Path globalSettings,
            boolean offline, Duration timeout, Path javaHome, Path settingsSecurity, Path jvmConfig,
            Session session, Path mvnFolder) {
        this(mavenHome, localRepository, userSettings, globalSettings, offline, timeout, javaHome, settingsSecurity,
                jvmConfig, session, mvnFolder, true);
    }

    public SubBuildSettings {
        Objects.requireNonNull(mavenHome, "mavenHome");
        Objects.requireNonNull(localRepository, "localRepository");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(session, "session");
        if (timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("a sub-build needs at least one second, got " + timeout);
        }
    }

    /** These settings with the outer session's switches. */
    public SubBuildSettings withSession(Session outer) {
        return new SubBuildSettings(mavenHome, localRepository, userSettings, globalSettings, offline, timeout,
                javaHome, settingsSecurity, jvmConfig, outer, mvnFolder, warmMaven);
    }

    /** These settings with the project's {@code .mvn} folder, or null for none. */
    public SubBuildSettings withMvnFolder(Path folder) {
        return new SubBuildSettings(mavenHome, localRepository, userSettings, globalSettings, offline, timeout,
                javaHome, settingsSecurity, jvmConfig, session, folder, warmMaven);
    }

    /** These settings with sub-builds run in a warm Maven or not. */
    public SubBuildSettings withWarmMaven(boolean warm) {
        return new SubBuildSettings(mavenHome, localRepository, userSettings, globalSettings, offline, timeout,
                javaHome, settingsSecurity, jvmConfig, session, mvnFolder, warm);
    }

    /** The JDK to run on: the configured one, else the one running this process. */
    Path effectiveJavaHome() {
        return javaHome != null ? javaHome : Path.of(System.getProperty("java.home"));
    }
}

package com.acme.shop.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What the build stamped into {@code build-info.properties}, shown on the status page. */
public final class BuildInfo {

    private static final String RESOURCE = "build-info.properties";

    private final Properties properties;

    private BuildInfo(Properties properties) {
        this.properties = properties;
    }

    /**
     * Reads the stamp from the class path.
     *
     * @return the build information
     */
    public static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new BuildInfo(properties);
    }

    /**
     * The application's version.
     *
     * @return the version the build was made from
     */
    public String version() {
        return properties.getProperty("app.version");
    }

    /**
     * The application's name.
     *
     * @return the name
     */
    public String name() {
        return properties.getProperty("app.name");
    }
}

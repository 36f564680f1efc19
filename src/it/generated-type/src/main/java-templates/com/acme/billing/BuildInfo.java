package com.acme.billing;

/** What the build stamps into the code: written by templating-maven-plugin from this template. */
public final class BuildInfo {

    /** The project's version, as the POM says. */
    public static final String VERSION = "${project.version}";

    private BuildInfo() {
    }
}

package com.example.greeting;

/** The banner shown at start-up; no spec and no test mentions it. */
public final class Banner {

    private Banner() {
    }

    /**
     * The banner.
     *
     * @return the text
     */
    public static String text() {
        return "Welcome back";
    }
}

package com.example.greeting;

/** Polite phrasing, written by hand; the spec does not name it, the generated code calls it. */
public final class Polite {

    private Polite() {
    }

    /**
     * Closes a sentence.
     *
     * @param text the sentence
     * @param mark how to close it
     * @return the sentence with the mark
     */
    public static String close(String text, String mark) {
        return text + mark;
    }
}

package com.example.greeting;

/** Polite phrasing, written by hand; the spec does not name it, the generated code calls it. */
public final class Polite {

    private Polite() {
    }

    /**
     * Closes a sentence.
     *
     * @param text the sentence
     * @return the sentence with an exclamation mark
     */
    public static String close(String text) {
        return text + "!";
    }
}

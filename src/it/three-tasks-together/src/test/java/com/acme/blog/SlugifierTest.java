package com.acme.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlugifierTest {

    @Test
    void lowerCasesWords() {
        assertEquals("release-notes", Slugifier.slugify("Release Notes"));
    }

    @Test
    void collapsesPunctuationAndSpaces() {
        assertEquals("hello-world", Slugifier.slugify("Hello,  World!"));
        assertEquals("java-17-is-here", Slugifier.slugify("  Java 17 -- is here?  "));
    }
}

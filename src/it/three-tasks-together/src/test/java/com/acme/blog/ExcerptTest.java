package com.acme.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void keepsAShortText() {
        assertEquals("Short and sweet.", Excerpt.of("Short and sweet.", 20));
    }

    @Test
    void cutsAtTheLastWholeWord() {
        assertEquals("The quick brown...", Excerpt.of("The quick brown fox jumps", 18));
    }

    @Test
    void cutsAWordLongerThanTheLimit() {
        assertEquals("Supercal...", Excerpt.of("Supercalifragilistic", 8));
    }
}

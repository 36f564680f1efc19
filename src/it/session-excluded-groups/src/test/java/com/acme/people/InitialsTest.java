package com.acme.people;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InitialsTest {

    @Test
    void takesTheFirstLetterOfEachName() {
        assertEquals("AL", Initials.of("Ada Lovelace"));
        assertEquals("GBH", Initials.of("grace brewster  hopper"));
    }

    @Test
    void eachPartOfAHyphenatedNameCounts() {
        assertEquals("JPS", Initials.of("Jean-Paul Sartre"));
    }
}

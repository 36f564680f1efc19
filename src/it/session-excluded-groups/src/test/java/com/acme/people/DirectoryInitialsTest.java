package com.acme.people;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs against the real directory: tagged slow, and left out of local builds by .mvn/maven.config. */
@Tag("slow")
class DirectoryInitialsTest {

    @Test
    void initialsOfADirectoryEntry() {
        assertEquals("AL", Initials.of(Directory.fullName("alovelace")));
    }
}

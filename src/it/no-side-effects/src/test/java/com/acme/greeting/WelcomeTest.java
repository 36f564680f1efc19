package com.acme.greeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WelcomeTest {

    @Test
    void greetsTheGuestAndLeavesANote() throws Exception {
        // The generator bound at generate-resources wrote its stamp into the folder the tests run in.
        assertTrue(Files.isRegularFile(Path.of("generated-stamp.txt")), "the generator ran before the tests");
        assertEquals("the fixture", Files.readString(Path.of("src/test/resources/fixture.txt")).strip());
        Files.writeString(Path.of("out.txt"), Welcome.of(new Guest("Ann")));
        assertEquals("Hello, Ann!", Welcome.of(new Guest("Ann")));
    }
}

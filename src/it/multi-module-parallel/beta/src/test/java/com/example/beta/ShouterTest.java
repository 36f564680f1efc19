package com.example.beta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShouterTest {

    @Test
    void shouts() {
        assertEquals("HEY", Shouter.shout("hey"));
    }
}

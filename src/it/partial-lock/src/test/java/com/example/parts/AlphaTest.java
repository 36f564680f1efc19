package com.example.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AlphaTest {

    @Test
    void doubles() {
        assertEquals(42, Alpha.twice(21));
    }
}

package com.example.alpha;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DoublerTest {

    @Test
    void doubles() {
        assertEquals(42, Doubler.twice(21));
    }
}

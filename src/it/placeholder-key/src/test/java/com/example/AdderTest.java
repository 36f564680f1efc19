package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdderTest {

    @SuppressWarnings("unused")
    private final String unused = "kept for the issue: the key's text in ordinary code";

    @Test
    void addsTwoNumbers() {
        assertEquals(5, new Adder().add(2, 3));
    }
}

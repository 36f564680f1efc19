package com.example.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByeTest {

    @Test
    void addressesByName() {
        assertEquals("Bye, Ada", Bye.to("Ada"));
    }
}

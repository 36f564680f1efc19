package com.example.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HelloTest {

    @Test
    void addressesByName() {
        assertEquals("Hello, Ada", Hello.to("Ada"));
    }
}

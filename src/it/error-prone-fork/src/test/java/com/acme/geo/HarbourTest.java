package com.acme.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HarbourTest {

    @Test
    void keepsItsName() {
        var harbour = new Harbour("Kiel");
        assertEquals("Kiel", harbour.name());
    }
}

package com.acme.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LegTest {

    @Test
    void keepsWhatItWasGiven() {
        var leg = new Leg(7, 42);
        assertEquals(7, leg.kilometres());
        assertEquals(42, leg.metres());
    }
}

package com.acme.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RouteTest {

    @Test
    void keepsItsLegsInOrder() {
        var first = new Leg(1, 0);
        var second = new Leg(2, 0);
        var route = new Route().add(first).add(second);
        assertEquals(first, route.legs().get(0));
        assertEquals(second, route.legs().get(1));
    }

    @Test
    void startsEmpty() {
        assertTrue(new Route().legs().isEmpty());
    }

    @Test
    void legsCannotBeChangedFromOutside() {
        var route = new Route().add(new Leg(1, 0));
        assertThrows(UnsupportedOperationException.class, () -> route.legs().clear());
    }
}

package com.acme.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks on legs and routes, in metres, as the route planner prints them. */
final class LegAssertions {

    private LegAssertions() {
    }

    static void assertLength(long expectedMetres, Route route) {
        var total = 0L;
        for (var leg : route.legs()) {
            total += Kilometres.toMetres(leg.kilometres(), leg.metres());
        }
        assertEquals(expectedMetres, total, "metres of the route");
    }
}

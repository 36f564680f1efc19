package com.acme.units;

import org.junit.jupiter.api.Test;

class LegLengthTest {

    @Test
    void oneLegCountsItsKilometresAndMetres() {
        var route = new Route().add(new Leg(2, 250));
        LegAssertions.assertLength(2250, route);
    }

    @Test
    void legsAddUp() {
        var route = new Route().add(new Leg(1, 0)).add(new Leg(0, 500)).add(new Leg(3, 5));
        LegAssertions.assertLength(4505, route);
    }
}

package com.acme.units;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A route: its legs in the order they are driven. */
public final class Route {

    private final List<Leg> legs = new ArrayList<Leg>();

    public Route add(Leg leg) {
        legs.add(leg);
        return this;
    }

    public List<Leg> legs() {
        return Collections.unmodifiableList(legs);
    }
}

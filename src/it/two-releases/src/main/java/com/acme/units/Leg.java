package com.acme.units;

/** One leg of a route, as the route planner records it: whole kilometres and the metres beyond them. */
public final class Leg {

    private final long kilometres;
    private final long metres;

    public Leg(long kilometres, long metres) {
        this.kilometres = kilometres;
        this.metres = metres;
    }

    public long kilometres() {
        return kilometres;
    }

    public long metres() {
        return metres;
    }
}

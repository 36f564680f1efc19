package com.acme.geo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A course: the headings a boat steers one after another, each turned into a compass bearing. */
public final class Course {

    private final List<Integer> bearings = new ArrayList<>();

    /**
     * Adds a leg steered on a heading, which may be any number of degrees, negative or past a turn.
     *
     * @param heading the heading in degrees
     * @return this course
     */
    public Course steer(int heading) {
        bearings.add(Degrees.normalise(heading));
        return this;
    }

    /** @return the compass bearing of each leg, from 0 to 359, in order */
    public List<Integer> bearings() {
        return Collections.unmodifiableList(bearings);
    }
}

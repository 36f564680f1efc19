package com.acme.geo;

/** A named harbour; unrelated to bearings. */
public final class Harbour {

    private final String name;

    /** @param name the harbour's name */
    public Harbour(String name) {
        this.name = name;
    }

    /** @return the harbour's name */
    public String name() {
        return name;
    }
}

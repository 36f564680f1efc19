package com.acme.greeting;

/** Someone at the door. */
public record Guest(String name) {
}

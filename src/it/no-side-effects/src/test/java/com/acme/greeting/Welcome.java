package com.acme.greeting;

/** What the door says to a guest, as the tests check it. */
final class Welcome {

    private Welcome() {
    }

    static String of(Guest guest) {
        return Greeter.greet(guest.name());
    }
}

package com.acme.shop;

/** What the checkout charges for one line, as the acceptance specs compute it. */
final class Checkouts {

    private Checkouts() {
    }

    static long charged(long cents, int percentOff) {
        return Discount.apply(cents, percentOff);
    }
}

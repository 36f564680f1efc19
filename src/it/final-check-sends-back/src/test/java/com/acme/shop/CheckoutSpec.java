package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The checkout's acceptance spec: surefire runs it through the POM's includes. */
class CheckoutSpec {

    @Test
    void aDiscountedPriceIsRoundedHalfUpToTheCent() {
        assertEquals(1692, Checkouts.charged(1990, 15));
    }
}

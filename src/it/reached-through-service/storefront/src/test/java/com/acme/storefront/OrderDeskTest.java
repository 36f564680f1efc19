package com.acme.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OrderDeskTest {

    @Test
    void threeMugsAreQuotedWithTheTaxRoundedToTheCent() {
        assertEquals("30.17", OrderDesk.quote(3));
    }
}

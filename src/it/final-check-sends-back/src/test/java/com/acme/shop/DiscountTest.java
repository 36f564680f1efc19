package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiscountTest {

    @Test
    void tenPercentOffAWholePrice() {
        assertEquals(900, Discount.apply(1000, 10));
    }
}

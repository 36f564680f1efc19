package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BasketTest {

    @Test
    void sumsThePrices() {
        assertEquals(0, Basket.total());
        assertEquals(350, Basket.total(100, 250));
    }
}

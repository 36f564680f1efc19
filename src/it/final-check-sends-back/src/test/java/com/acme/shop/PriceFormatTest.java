package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PriceFormatTest {

    @Test
    void printsEurosAndCents() {
        assertEquals("12.50 EUR", PriceFormat.euros(1250));
        assertEquals("0.05 EUR", PriceFormat.euros(5));
    }
}

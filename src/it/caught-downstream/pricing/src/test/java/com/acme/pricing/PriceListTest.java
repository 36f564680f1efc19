package com.acme.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceListTest {

    private final PriceList prices = PriceList.of(Map.of("BEANS-1KG", new BigDecimal("33.00")));

    @Test
    void anArticleHasItsUnitPrice() {
        assertEquals(new BigDecimal("33.00"), prices.price("BEANS-1KG"));
    }

    @Test
    void anArticleTheShopDoesNotSellHasNoPrice() {
        assertThrows(IllegalArgumentException.class, () -> prices.price("TEA-500G"));
    }
}

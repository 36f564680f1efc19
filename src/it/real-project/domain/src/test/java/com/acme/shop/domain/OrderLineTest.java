package com.acme.shop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderLineTest {

    private static final Product MUG = Product.builder()
            .sku("MUG-0042")
            .name("Enamel mug")
            .unitPrice(new BigDecimal("12.50"))
            .weightGrams(350)
            .build();

    @Test
    void totalsPriceAndWeight() {
        OrderLine line = OrderLine.of(MUG, 3);
        assertEquals(new BigDecimal("37.50"), line.lineTotal());
        assertEquals(1050, line.lineWeightGrams());
    }

    @Test
    void productsWithTheSameDataAreEqual() {
        Product copy = MUG.toBuilder().build();
        assertEquals(MUG, copy);
        assertEquals(MUG.hashCode(), copy.hashCode());
    }

    @Test
    void productNeedsASku() {
        assertThrows(NullPointerException.class, () -> Product.builder()
                .name("Nameless")
                .unitPrice(BigDecimal.ONE)
                .build());
    }
}

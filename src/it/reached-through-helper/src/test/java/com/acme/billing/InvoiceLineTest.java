package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InvoiceLineTest {

    @Test
    void netIsQuantityTimesUnitPrice() {
        assertEquals(new BigDecimal("29.97"), new InvoiceLine("Mug", 3, new BigDecimal("9.99"), 19).net());
    }

    @Test
    void refusesAnEmptyLine() {
        assertThrows(IllegalArgumentException.class, () -> new InvoiceLine("Mug", 0, BigDecimal.ONE, 19));
    }
}

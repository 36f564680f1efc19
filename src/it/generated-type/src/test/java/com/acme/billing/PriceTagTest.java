package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTagTest {

    @Test
    void aTagShowsTheGrossPriceWithItsVatRoundedHalfUp() {
        // 9.05 at 19 % is 1.7195 of VAT: 1.72 rounded half up.
        assertEquals("10.77 (billing 1)", PriceTag.label(new BigDecimal("9.05"), 19));
    }

    @Test
    void aTagNamesTheVersionThatPrintedIt() {
        assertEquals("1.00 (billing 1)", PriceTag.label(new BigDecimal("1.00"), 0));
    }
}

package com.acme.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckoutDeskTest {

    private final CheckoutDesk desk = new CheckoutDesk();

    @Test
    void aCustomerOfThreeYearsGetsTheLoyaltyDiscount() {
        assertEquals(new BigDecimal("94.05"), desk.amountDue(Map.of("BEANS-1KG", 3), 3));
    }

    @Test
    void aCustomerOfOneYearPaysInFull() {
        assertEquals(new BigDecimal("99.00"), desk.amountDue(Map.of("BEANS-1KG", 3), 1));
    }
}

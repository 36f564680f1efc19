package com.example.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The acceptance tests, written first: autocoder's code must pass them to be kept. */
class MoneyTest {

    @Test
    void keepsTwoDecimalPlaces() {
        assertEquals("EUR 10.50", Money.of("10.5", "EUR").toString());
    }

    @Test
    void addsAmountsOfTheSameCurrency() {
        assertEquals(Money.of("12.75", "EUR"), Money.of("10.50", "EUR").plus(Money.of("2.25", "EUR")));
    }

    @Test
    void refusesToAddDifferentCurrencies() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "EUR").plus(Money.of("1", "USD")));
    }

    @Test
    void roundsHalfEvenWhenMultiplying() {
        assertEquals(new BigDecimal("0.12"), Money.of("0.25", "EUR").times("0.5").amount());
        assertEquals(new BigDecimal("0.38"), Money.of("0.75", "EUR").times("0.5").amount());
    }

    @Test
    void allocationNeverLosesACent() {
        Money[] parts = Money.of("100.00", "EUR").allocate(1, 1, 1);

        assertEquals(Money.of("33.34", "EUR"), parts[0]);
        assertEquals(Money.of("33.33", "EUR"), parts[1]);
        assertEquals(Money.of("33.33", "EUR"), parts[2]);
        assertEquals(new BigDecimal("100.00"),
                Arrays.stream(parts).map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}

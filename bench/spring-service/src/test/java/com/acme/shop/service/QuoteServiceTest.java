package com.acme.shop.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.shop.domain.UnknownProductException;
import org.junit.jupiter.api.Test;

class QuoteServiceTest {

    private final QuoteService quotes = new QuoteService(new CatalogService());

    @Test
    void multipliesByTheQuantity() {
        assertThat(quotes.quote("TEE-1001", 3, 0).total()).isEqualByComparingTo("59.97");
    }

    @Test
    void keepsTwoDecimalPlaces() {
        assertThat(quotes.quote("CAP-0007", 2, 50).total()).isEqualTo("9.50");
    }

    @Test
    void appliesAnExactDiscount() {
        assertThat(quotes.quote("MUG-0042", 4, 25).total()).isEqualByComparingTo("37.05");
    }

    @Test
    void refusesADiscountAboveFiftyPercent() {
        assertThatThrownBy(() -> quotes.quote("MUG-0042", 1, 60)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANegativeDiscount() {
        assertThatThrownBy(() -> quotes.quote("MUG-0042", 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesZeroPieces() {
        assertThatThrownBy(() -> quotes.quote("MUG-0042", 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownProductIsReported() {
        assertThatThrownBy(() -> quotes.quote("MUG-0001", 1, 0)).isInstanceOf(UnknownProductException.class);
    }
}

package com.acme.shop.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.acme.shop.domain.OrderLine;
import com.acme.shop.domain.Product;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The acceptance test of the shipping-quote task: the tariff as the shop's terms state it. */
class ShippingCalculatorTest {

    private final ShippingCalculator calculator = new ShippingCalculator(ShippingRates.standard());

    private static Product product(String price, int grams) {
        return Product.builder().sku("SKU-" + grams).name("Item").unitPrice(new BigDecimal(price))
                .weightGrams(grams).build();
    }

    @Test
    void baseFeeCoversTheFirstKilogram() {
        assertEquals(new BigDecimal("4.90"), calculator.quote(List.of(OrderLine.of(product("9.00", 400), 2))));
    }

    @Test
    void everyStartedKilogramAboveItCosts() {
        List<OrderLine> order = List.of(OrderLine.of(product("3.00", 1000), 2), OrderLine.of(product("1.00", 500), 1));
        assertEquals(new BigDecimal("7.90"), calculator.quote(order));
    }

    @Test
    void goodsWorthTheThresholdShipForFree() {
        List<OrderLine> order = List.of(OrderLine.of(product("25.00", 3000), 2));
        assertEquals(new BigDecimal("0.00"), calculator.quote(order));
    }

    @Test
    void anEmptyOrderHasNoQuote() {
        assertThrows(IllegalArgumentException.class, () -> calculator.quote(List.of()));
    }

    @ParameterizedTest(name = "{0} g worth {1} ship for {2}")
    @CsvFileSource(resources = "/shipping/quotes.csv", numLinesToSkip = 1)
    void quotesTheTariffTable(int grams, String goods, String expected) {
        List<OrderLine> order = List.of(OrderLine.of(product(goods, grams), 1));
        assertEquals(new BigDecimal(expected), calculator.quote(order));
    }
}

package com.acme.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckoutServiceTest {

    private CheckoutService checkout;

    @BeforeEach
    void openTheRegionsCheckout() {
        String region = Objects.requireNonNull(System.getProperty("checkout.region"),
                "surefire sets checkout.region");
        checkout = CheckoutService.forRegion(region);
    }

    private static List<CartLine> cart(String name) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(CheckoutServiceTest.class.getResourceAsStream("/carts/" + name + ".csv"), name),
                StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(line -> line.split(","))
                    .map(cells -> new CartLine(cells[0], Integer.parseInt(cells[1]), new BigDecimal(cells[2])))
                    .toList();
        }
    }

    @Test
    void aRoundSumNeedsNoRounding() throws IOException {
        Receipt receipt = checkout.checkout(cart("round-sum"));
        assertEquals(new BigDecimal("100.00"), receipt.net());
        assertEquals(new BigDecimal("119.00"), receipt.total(), "total due for two chairs");
    }

    @Test
    void theTaxIsRoundedHalfUpToTheCent() throws IOException {
        Receipt receipt = checkout.checkout(cart("three-mugs"));
        assertEquals(new BigDecimal("25.35"), receipt.net());
        assertEquals(new BigDecimal("30.17"), receipt.total(), "total due for three mugs");
    }

    @Test
    void anEmptyCartCostsNothing() {
        assertEquals(new BigDecimal("0.00"), checkout.checkout(List.of()).total());
    }
}

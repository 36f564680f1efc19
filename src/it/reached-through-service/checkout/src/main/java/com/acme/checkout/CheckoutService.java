package com.acme.checkout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Properties;

/** Turns a cart into a receipt, taxed at the rate of the shop's region. */
public final class CheckoutService {

    private final int ratePercent;

    private CheckoutService(int ratePercent) {
        this.ratePercent = ratePercent;
    }

    /**
     * The checkout of a region.
     *
     * @param region such as {@code DE}, one of {@code tax-rates.properties}
     * @return its checkout
     */
    public static CheckoutService forRegion(String region) {
        Properties rates = new Properties();
        try (InputStream in = CheckoutService.class.getResourceAsStream("tax-rates.properties")) {
            if (in == null) {
                throw new IllegalStateException("tax-rates.properties is missing");
            }
            rates.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String rate = rates.getProperty(region);
        if (rate == null) {
            throw new IllegalArgumentException("no tax rate for region " + region);
        }
        return new CheckoutService(Integer.parseInt(rate.strip()));
    }

    /**
     * Checks a cart out.
     *
     * @param lines the cart
     * @return its receipt
     */
    public Receipt checkout(List<CartLine> lines) {
        BigDecimal net = lines.stream().map(CartLine::net).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        BigDecimal tax = TaxCalculator.tax(net, ratePercent);
        return new Receipt(net, tax, net.add(tax));
    }
}

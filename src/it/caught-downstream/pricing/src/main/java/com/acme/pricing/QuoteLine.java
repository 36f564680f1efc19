package com.acme.pricing;

import java.math.BigDecimal;

/**
 * One article of a quote.
 *
 * @param sku the article number
 * @param quantity how many
 * @param unitPrice the price of one
 */
public record QuoteLine(String sku, int quantity, BigDecimal unitPrice) {

    /** The line's amount. */
    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}

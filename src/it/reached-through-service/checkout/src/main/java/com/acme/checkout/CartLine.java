package com.acme.checkout;

import java.math.BigDecimal;

/**
 * One line of a shopping cart.
 *
 * @param sku the article number
 * @param quantity how many
 * @param unitPrice the net price of one
 */
public record CartLine(String sku, int quantity, BigDecimal unitPrice) {

    /** The line's net amount. */
    public BigDecimal net() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}

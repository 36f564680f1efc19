package com.acme.billing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an invoice: what was sold, how many, the net unit price and the VAT rate that applies.
 *
 * @param description what the customer sees
 * @param quantity how many units, at least one
 * @param unitNet the net price of one unit
 * @param vatPercent the VAT rate, such as 19 or 7
 */
public record InvoiceLine(String description, int quantity, BigDecimal unitNet, int vatPercent) {

    public InvoiceLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unitNet, "unitNet");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
    }

    /**
     * The net amount of the line.
     *
     * @return quantity times the unit price
     */
    public BigDecimal net() {
        return unitNet.multiply(BigDecimal.valueOf(quantity));
    }
}

package com.acme.checkout;

import java.math.BigDecimal;

/**
 * What the customer pays at checkout.
 *
 * @param net the cart's net amount
 * @param tax the sales tax on it
 * @param total what is due
 */
public record Receipt(BigDecimal net, BigDecimal tax, BigDecimal total) {
}

package com.acme.pricing;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an order costs a customer.
 *
 * @param lines one per article
 * @param subtotal the sum of the lines
 * @param total what is due, after the customer's loyalty discount
 */
public record Quote(List<QuoteLine> lines, BigDecimal subtotal, BigDecimal total) {
}

package com.acme.shop.domain;

import java.math.BigDecimal;

/**
 * What a quantity of one product costs.
 *
 * @param sku the product
 * @param quantity how many pieces
 * @param discountPercent the discount granted, 0 to 50
 * @param total what the customer pays, in euros with two decimal places
 */
public record Quote(String sku, int quantity, int discountPercent, BigDecimal total) {
}

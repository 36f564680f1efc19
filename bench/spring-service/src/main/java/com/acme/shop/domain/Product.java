package com.acme.shop.domain;

import java.math.BigDecimal;

/**
 * A product of the catalogue.
 *
 * @param sku the stock-keeping unit, such as {@code MUG-0042}
 * @param name the name shown to customers
 * @param slug the name as it appears in the product's web address
 * @param unitPrice the price of one piece, in euros
 */
public record Product(String sku, String name, String slug, BigDecimal unitPrice) {
}

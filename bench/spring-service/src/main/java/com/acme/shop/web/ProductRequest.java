package com.acme.shop.web;

import java.math.BigDecimal;

/** The body of a request that adds a product. */
public record ProductRequest(String sku, String name, BigDecimal unitPrice) {
}

package com.acme.shop.service;

import com.acme.shop.domain.Product;
import com.acme.shop.domain.Quote;
import com.acme.shop.pricing.PriceCalculator;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;

/** Prices a quantity of a product, with the discount a customer is granted. */
@Service
public class QuoteService {

    /** The largest discount the shop grants. */
    public static final int MAX_DISCOUNT = 50;

    private final CatalogService catalog;

    public QuoteService(CatalogService catalog) {
        this.catalog = catalog;
    }

    public Quote quote(String sku, int quantity, int discountPercent) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
        if (discountPercent < 0 || discountPercent > MAX_DISCOUNT) {
            throw new IllegalArgumentException("discount must be between 0 and " + MAX_DISCOUNT + " percent");
        }
        Product product = catalog.get(sku);
        BigDecimal total = PriceCalculator.total(product.unitPrice(), quantity, discountPercent);
        return new Quote(sku, quantity, discountPercent, total);
    }
}

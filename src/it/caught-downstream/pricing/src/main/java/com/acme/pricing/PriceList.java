package com.acme.pricing;

import java.math.BigDecimal;
import java.util.Map;

/** The net unit price of each article the shop sells. */
public final class PriceList {

    private final Map<String, BigDecimal> prices;

    private PriceList(Map<String, BigDecimal> prices) {
        this.prices = prices;
    }

    /**
     * A price list.
     *
     * @param prices the unit price per article number
     * @return the list
     */
    public static PriceList of(Map<String, BigDecimal> prices) {
        return new PriceList(Map.copyOf(prices));
    }

    /**
     * The unit price of an article.
     *
     * @param sku the article number
     * @return its price
     * @throws IllegalArgumentException when the shop does not sell it
     */
    public BigDecimal price(String sku) {
        BigDecimal price = prices.get(sku);
        if (price == null) {
            throw new IllegalArgumentException("no price for " + sku);
        }
        return price;
    }
}

package com.acme.storefront;

import com.acme.pricing.PriceList;
import com.acme.pricing.QuoteService;
import java.math.BigDecimal;
import java.util.Map;

/** Tells a customer at the online checkout what their basket costs them. */
public final class CheckoutDesk {

    private static final PriceList SHOP = PriceList.of(Map.of(
            "BEANS-1KG", new BigDecimal("33.00"),
            "FILTER-100", new BigDecimal("4.50"),
            "GRINDER", new BigDecimal("89.90")));

    private final QuoteService quotes = new QuoteService(SHOP);

    /**
     * What a customer pays for a basket.
     *
     * @param basket how many of each article
     * @param customerSinceYears how long the customer has been with us
     * @return the amount due, such as {@code 94.05}
     */
    public BigDecimal amountDue(Map<String, Integer> basket, int customerSinceYears) {
        return quotes.quote(basket, customerSinceYears).total();
    }
}

package com.acme.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Prices orders from a price list, with the discount a customer's loyalty earns. */
public final class QuoteService {

    private final PriceList prices;

    /**
     * A service quoting from a price list.
     *
     * @param prices the shop's prices
     */
    public QuoteService(PriceList prices) {
        this.prices = prices;
    }

    /**
     * Quotes an order.
     *
     * @param order how many of each article, in the order the customer chose them
     * @param loyaltyYears how long the customer has been with us
     * @return the quote
     */
    public Quote quote(Map<String, Integer> order, int loyaltyYears) {
        List<QuoteLine> lines = order.entrySet().stream()
                .map(item -> new QuoteLine(item.getKey(), item.getValue(), prices.price(item.getKey())))
                .toList();
        BigDecimal subtotal = lines.stream().map(QuoteLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
        return new Quote(lines, subtotal, LoyaltyDiscount.apply(subtotal, loyaltyYears));
    }
}

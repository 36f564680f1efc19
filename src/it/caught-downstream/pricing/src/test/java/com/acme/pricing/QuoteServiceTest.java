package com.acme.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuoteServiceTest {

    private final QuoteService quotes = new QuoteService(PriceList.of(Map.of(
            "BEANS-1KG", new BigDecimal("33.00"),
            "FILTER-100", new BigDecimal("4.50"))));

    private static Map<String, Integer> order() {
        Map<String, Integer> order = new LinkedHashMap<>();
        order.put("BEANS-1KG", 2);
        order.put("FILTER-100", 1);
        return order;
    }

    @Test
    void aQuoteHasOneLinePerArticle() {
        Quote quote = quotes.quote(order(), 7);
        assertEquals(List.of("BEANS-1KG", "FILTER-100"), quote.lines().stream().map(QuoteLine::sku).toList());
        assertEquals(new BigDecimal("66.00"), quote.lines().get(0).amount());
    }

    @Test
    void theSubtotalIsTheSumOfTheLines() {
        assertEquals(new BigDecimal("70.50"), quotes.quote(order(), 7).subtotal());
    }

    @Test
    void aNewCustomerPaysTheSubtotal() {
        Quote quote = quotes.quote(order(), 0);
        assertEquals(quote.subtotal(), quote.total());
    }
}

package com.acme.shop.web;

import com.acme.shop.domain.Quote;
import com.acme.shop.service.QuoteService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Price quotes over HTTP. */
@RestController
public class QuoteController {

    private final QuoteService quotes;

    public QuoteController(QuoteService quotes) {
        this.quotes = quotes;
    }

    @GetMapping("/quotes")
    public Quote quote(@RequestParam String sku, @RequestParam(defaultValue = "1") int quantity,
            @RequestParam(defaultValue = "0") int discount) {
        return quotes.quote(sku, quantity, discount);
    }
}

package com.acme.shipping.letter;

import com.acme.shipping.spi.ShippingRule;

/** Letters: up to 1,000 g, one price per weight class. */
public final class LetterRule implements ShippingRule {

    @Override
    public String carrier() {
        return "letter";
    }

    @Override
    public boolean accepts(int grams) {
        return grams >= 1 && grams <= 1000;
    }

    @Override
    public int priceCents(int grams) {
        if (grams <= 20) {
            return 95;
        }
        return grams <= 500 ? 180 : 275;
    }
}

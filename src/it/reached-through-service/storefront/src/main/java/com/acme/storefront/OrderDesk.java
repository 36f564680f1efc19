package com.acme.storefront;

import com.acme.checkout.CartLine;
import com.acme.checkout.CheckoutService;
import java.math.BigDecimal;
import java.util.List;

/** Quotes the shop's mugs at the counter in Germany. */
public final class OrderDesk {

    private static final BigDecimal MUG = new BigDecimal("8.45");

    private OrderDesk() {
    }

    /**
     * What a customer pays for mugs.
     *
     * @param mugs how many
     * @return the total due, such as {@code 30.17}
     */
    public static String quote(int mugs) {
        return CheckoutService.forRegion("DE").checkout(List.of(new CartLine("MUG", mugs, MUG))).total()
                .toPlainString();
    }
}

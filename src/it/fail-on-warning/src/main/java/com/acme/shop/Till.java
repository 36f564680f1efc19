package com.acme.shop;

import java.util.List;

/** The till: what it prints for the coupons a customer hands over. */
public final class Till {

    private Till() {
    }

    /**
     * The receipt line for the coupons on a line.
     *
     * @param line as the customer typed it
     * @return such as {@code coupons: SPRING10 VIP}
     */
    public static String couponLine(String line) {
        List<String> codes = Coupons.codes(line);
        return codes.isEmpty() ? "no coupons" : "coupons: " + String.join(" ", codes);
    }
}

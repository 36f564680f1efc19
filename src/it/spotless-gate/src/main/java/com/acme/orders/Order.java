package com.acme.orders;

import java.util.Objects;

/**
 * A confirmed order.
 *
 * @param number the number printed on it, such as {@code ORD-2026-000042}
 * @param customer who placed it
 */
public record Order(String number, String customer) {

    public Order {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(customer, "customer");
    }
}

package com.acme.shop.domain;

import java.math.BigDecimal;
import lombok.NonNull;
import lombok.Value;

/** One line of an order: a product and how many pieces of it. */
@Value(staticConstructor = "of")
public class OrderLine {

    @NonNull
    Product product;

    int quantity;

    /**
     * The gross price of the line.
     *
     * @return the unit price times the quantity
     */
    public BigDecimal lineTotal() {
        return product.getUnitPrice().multiply(BigDecimal.valueOf(quantity));
    }

    /**
     * The shipping weight of the line.
     *
     * @return the piece weight times the quantity, in grams
     */
    public int lineWeightGrams() {
        return product.getWeightGrams() * quantity;
    }
}

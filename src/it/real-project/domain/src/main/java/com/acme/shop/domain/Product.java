package com.acme.shop.domain;

import java.math.BigDecimal;
import lombok.Builder;
import lombok.NonNull;
import lombok.Value;

/** A product of the catalogue, as the warehouse knows it. */
@Value
@Builder(toBuilder = true)
public class Product {

    /** The stock-keeping unit, such as {@code MUG-0042}. */
    @NonNull
    String sku;

    /** The name shown to customers. */
    @NonNull
    String name;

    /** The gross price of one piece, in the shop's currency. */
    @NonNull
    BigDecimal unitPrice;

    /** The shipping weight of one piece, packaging included, in grams. */
    int weightGrams;
}

package com.acme.shop.service;

import java.math.BigDecimal;
import lombok.Builder;
import lombok.NonNull;
import lombok.Value;

/** What shipping costs: the tariff the shop agreed with its carriers. */
@Value
@Builder
public class ShippingRates {

    private static final int ONE_KILOGRAM = 1000;

    /** What every parcel costs, up to {@link #getIncludedGrams()}. */
    @NonNull
    BigDecimal baseFee;

    /** The weight the base fee covers, in grams. */
    int includedGrams;

    /** What each started kilogram above the included weight adds. */
    @NonNull
    BigDecimal feePerStartedKilogram;

    /** From this gross value of goods on, shipping is free. */
    @NonNull
    BigDecimal freeShippingThreshold;

    /**
     * The standard tariff: 4.90 for the first kilogram, 1.50 for each started kilogram above it,
     * free from 50.00 of goods.
     *
     * @return the standard rates
     */
    public static ShippingRates standard() {
        return ShippingRates.builder()
                .baseFee(new BigDecimal("4.90"))
                .includedGrams(ONE_KILOGRAM)
                .feePerStartedKilogram(new BigDecimal("1.50"))
                .freeShippingThreshold(new BigDecimal("50.00"))
                .build();
    }
}

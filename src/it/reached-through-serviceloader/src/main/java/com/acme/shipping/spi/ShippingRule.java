package com.acme.shipping.spi;

/**
 * How one carrier prices a shipment. Implementations are found with {@link java.util.ServiceLoader}
 * and need a public no-argument constructor.
 */
public interface ShippingRule {

    /** The carrier's id, such as {@code letter}. */
    String carrier();

    /**
     * Whether the carrier takes a shipment of this weight.
     *
     * @param grams the weight
     * @return true when it does
     */
    boolean accepts(int grams);

    /**
     * The price of a shipment the carrier accepts.
     *
     * @param grams the weight
     * @return the price in cents
     */
    int priceCents(int grams);
}

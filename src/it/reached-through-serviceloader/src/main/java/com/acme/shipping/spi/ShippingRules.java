package com.acme.shipping.spi;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The shipping rules on the class path. */
public final class ShippingRules {

    private final List<ShippingRule> rules;

    private ShippingRules(List<ShippingRule> rules) {
        this.rules = rules;
    }

    /** Every rule registered in {@code META-INF/services}, by carrier id. */
    public static ShippingRules installed() {
        List<ShippingRule> found = ServiceLoader.load(ShippingRule.class).stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(ShippingRule::carrier)).toList();
        return new ShippingRules(found);
    }

    /**
     * The rule of a carrier.
     *
     * @param carrier its id
     * @return the rule, if installed
     */
    public Optional<ShippingRule> carrier(String carrier) {
        return rules.stream().filter(rule -> rule.carrier().equals(carrier)).findFirst();
    }

    /**
     * The cheapest price of a shipment among the carriers that take it.
     *
     * @param grams the weight
     * @return the price in cents, or empty when no carrier takes it
     */
    public Optional<Integer> cheapest(int grams) {
        return rules.stream().filter(rule -> rule.accepts(grams)).map(rule -> rule.priceCents(grams))
                .min(Integer::compare);
    }

    /** The installed carriers' ids, sorted. */
    public List<String> carriers() {
        return rules.stream().map(ShippingRule::carrier).toList();
    }
}

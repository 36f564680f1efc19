package com.acme.shop.service;

import java.util.Map;

/** The sales region this instance serves, chosen per deployment with {@code -Dshop.region}. */
public final class RegionSettings {

    private static final Map<String, String> CURRENCIES = Map.of("EU", "EUR", "UK", "GBP", "US", "USD");

    private final String region;

    private RegionSettings(String region) {
        this.region = region;
    }

    /**
     * The region named by the system property {@code shop.region}.
     *
     * @return the settings
     * @throws IllegalStateException if the property is missing or names no known region
     */
    public static RegionSettings fromSystemProperties() {
        String region = System.getProperty("shop.region");
        if (region == null || !CURRENCIES.containsKey(region)) {
            throw new IllegalStateException("shop.region must be one of " + CURRENCIES.keySet() + ", not " + region);
        }
        return new RegionSettings(region);
    }

    /**
     * The region's code.
     *
     * @return {@code EU}, {@code UK} or {@code US}
     */
    public String region() {
        return region;
    }

    /**
     * The currency prices are shown in.
     *
     * @return an ISO 4217 code
     */
    public String currency() {
        return CURRENCIES.get(region);
    }
}

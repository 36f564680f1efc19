package com.acme.shop.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RegionSettingsTest {

    @Test
    void theBuildRunsTestsForTheEuShop() {
        RegionSettings settings = RegionSettings.fromSystemProperties();
        assertEquals("EU", settings.region(), "surefire's systemPropertyVariables set shop.region");
        assertEquals("EUR", settings.currency());
    }
}

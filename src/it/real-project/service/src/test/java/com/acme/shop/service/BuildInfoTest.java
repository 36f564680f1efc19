package com.acme.shop.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void theBuildStampsVersionAndName() {
        BuildInfo info = BuildInfo.load();
        assertEquals("2.3.0-SNAPSHOT", info.version(), "src/main/resources is filtered");
        assertEquals("ACME shop service", info.name());
    }
}

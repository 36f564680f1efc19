package com.acme.shop.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class DeploymentProfileTest {

    @Test
    void testsNeverRunAsProduction() {
        assertEquals("test", DeploymentProfile.current(), "surefire's environmentVariables set SHOP_PROFILE");
        assertFalse(DeploymentProfile.isProduction());
    }
}

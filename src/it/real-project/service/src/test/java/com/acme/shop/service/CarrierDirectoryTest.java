package com.acme.shop.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CarrierDirectoryTest {

    @Test
    void readsTheCarrierTableFromTheClassPath() throws IOException {
        try (InputStream table = getClass().getClassLoader().getResourceAsStream("carriers.csv")) {
            assertNotNull(table, "carriers.csv is a test resource");
            CarrierDirectory carriers = CarrierDirectory.read(table);
            assertEquals(3, carriers.size());
            assertEquals("DHL Paket", carriers.nameOf("DHL").orElseThrow());
            assertTrue(carriers.nameOf("GLS").isEmpty());
        }
    }
}

package com.acme.shop.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OrderClockTest {

    @Test
    void testsRunOnTheWarehouseClock() {
        assertEquals(ZoneId.of("Europe/Berlin"), OrderClock.shopZone(), "surefire's argLine sets shop.clock.zone");
    }

    @Test
    void cutOffIsTwoInTheAfternoonShopTime() {
        assertEquals(Instant.parse("2026-03-02T13:00:00Z"), OrderClock.cutOff(LocalDate.of(2026, 3, 2)).toInstant());
        assertEquals(Instant.parse("2026-07-01T12:00:00Z"), OrderClock.cutOff(LocalDate.of(2026, 7, 1)).toInstant());
    }
}

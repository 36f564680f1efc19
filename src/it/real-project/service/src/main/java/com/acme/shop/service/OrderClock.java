package com.acme.shop.service;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The shop's clock: orders placed before the daily cut-off leave the warehouse the same day. */
public final class OrderClock {

    private static final LocalTime CUT_OFF = LocalTime.of(14, 0);

    private OrderClock() {
    }

    /**
     * The time zone the warehouse works in, from the system property {@code shop.clock.zone}.
     *
     * @return the zone, UTC when the property is not set
     */
    public static ZoneId shopZone() {
        return ZoneId.of(System.getProperty("shop.clock.zone", "UTC"));
    }

    /**
     * The cut-off on a day.
     *
     * @param day a working day
     * @return the moment orders stop shipping the same day, in the shop's zone
     */
    public static ZonedDateTime cutOff(LocalDate day) {
        return ZonedDateTime.of(day, CUT_OFF, shopZone());
    }
}

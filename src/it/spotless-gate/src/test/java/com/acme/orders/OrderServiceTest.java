package com.acme.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OrderServiceTest {

    private static Clock on(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void ordersAreNumberedInTheOrderTheyComeIn() {
        OrderService service = new OrderService(on("2026-03-14T10:15:30Z"));
        assertEquals("ORD-2026-000001", service.confirm("Ada").number());
        assertEquals(new Order("ORD-2026-000002", "Grace"), service.confirm("Grace"));
    }
}

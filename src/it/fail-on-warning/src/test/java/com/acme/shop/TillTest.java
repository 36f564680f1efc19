package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TillTest {

    @Test
    void printsEachCouponOnceTrimmedAndUpperCase() {
        assertEquals("coupons: SPRING10 VIP", Till.couponLine(" spring10, VIP ,,"));
    }

    @Test
    void saysSoWhenThereAreNone() {
        assertEquals("no coupons", Till.couponLine(" , "));
    }
}

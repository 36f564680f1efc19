package com.acme.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shipping.spi.ShippingRule;
import com.acme.shipping.spi.ShippingRules;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ShippingRulesTest {

    private static ShippingRule rule(String carrier) {
        // Straight from the ServiceLoader, as the checkout service finds its carriers.
        for (ShippingRule rule : ServiceLoader.load(ShippingRule.class)) {
            if (rule.carrier().equals(carrier)) {
                return rule;
            }
        }
        throw new AssertionError("no shipping rule for " + carrier);
    }

    @Test
    void bothCarriersAreInstalled() {
        assertEquals(List.of("letter", "parcel"), ShippingRules.installed().carriers());
    }

    @Test
    void theParcelServiceTakesUpTo31AndAHalfKilograms() {
        ShippingRule parcel = rule("parcel");
        assertTrue(parcel.accepts(31_500));
        assertFalse(parcel.accepts(31_501));
        assertFalse(parcel.accepts(0));
    }

    @Test
    void everyStartedKilogramAboveTwoCosts() {
        ShippingRule parcel = rule("parcel");
        assertEquals(499, parcel.priceCents(2_000), "parcel price for 2000 g");
        assertEquals(599, parcel.priceCents(2_500), "parcel price for 2500 g");
        assertEquals(699, parcel.priceCents(3_001), "parcel price for 3001 g");
    }

    @Test
    void aHeavyLetterGoesAsTheCheaperOfTheTwo() {
        assertEquals(Optional.of(275), ShippingRules.installed().cheapest(900));
        assertEquals(Optional.empty(), ShippingRules.installed().cheapest(40_000));
    }
}

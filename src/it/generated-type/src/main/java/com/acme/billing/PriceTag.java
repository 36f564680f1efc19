package com.acme.billing;

import java.math.BigDecimal;

/** The price tag the shop prints: the gross price and the version of the billing code that printed it. */
public final class PriceTag {

    private PriceTag() {
    }

    /**
     * The tag of an article.
     *
     * @param net the net price
     * @param vatPercent the VAT rate, such as 19
     * @return such as {@code 10.77 (billing 1)}: the net price plus its VAT
     */
    public static String label(BigDecimal net, int vatPercent) {
        return net.add(VatCalculator.vat(net, vatPercent)) + " (billing " + BuildInfo.VERSION + ")";
    }
}

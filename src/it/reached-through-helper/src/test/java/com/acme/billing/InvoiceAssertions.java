package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

/** Checks on invoices, computed as the printed invoice computes them. */
final class InvoiceAssertions {

    private InvoiceAssertions() {
    }

    /**
     * Asserts the gross total: per line its net plus its VAT, rounded per line, summed.
     *
     * @param invoice the invoice
     * @param expected the gross total, such as {@code "17.30"}
     * @param what what the total is of, for the failure message
     */
    static void assertGrossTotal(Invoice invoice, String expected, String what) {
        BigDecimal gross = BigDecimal.ZERO.setScale(2);
        for (InvoiceLine line : invoice.lines()) {
            gross = gross.add(line.net()).add(VatCalculator.vat(line.net(), line.vatPercent()));
        }
        assertEquals(new BigDecimal(expected), gross, what);
    }
}

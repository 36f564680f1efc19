package com.acme.billing;

import static com.acme.billing.InvoiceAssertions.assertGrossTotal;

import org.junit.jupiter.api.Test;

class InvoiceTotalsTest {

    @Test
    void anEmptyInvoiceIsFree() {
        assertGrossTotal(InvoiceFixtures.empty(), "0.00", "gross total of an empty invoice");
    }

    @Test
    void wholeCentsNeedNoRounding() {
        assertGrossTotal(InvoiceFixtures.threeMugs(), "35.70", "gross total of three mugs");
    }

    @Test
    void eachLinesVatIsRoundedHalfUp() {
        assertGrossTotal(InvoiceFixtures.cableAndBook(), "17.30", "gross total of the cable and the book");
    }
}

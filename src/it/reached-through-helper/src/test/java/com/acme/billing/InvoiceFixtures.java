package com.acme.billing;

import java.math.BigDecimal;

/** Invoices the billing tests share. */
final class InvoiceFixtures {

    private InvoiceFixtures() {
    }

    /** A USB cable at the standard rate and a book at the reduced rate. */
    static Invoice cableAndBook() {
        return new Invoice("2026-0042")
                .add(new InvoiceLine("USB-C cable, 1 m", 1, new BigDecimal("10.05"), 19))
                .add(new InvoiceLine("Paperback: Effective Billing", 1, new BigDecimal("4.99"), 7));
    }

    /** Three mugs, whose VAT needs no rounding. */
    static Invoice threeMugs() {
        return new Invoice("2026-0043").add(new InvoiceLine("Mug, blue", 3, new BigDecimal("10.00"), 19));
    }

    /** An invoice without lines. */
    static Invoice empty() {
        return new Invoice("2026-0044");
    }
}

package com.acme.billing;

import java.util.ArrayList;
import java.util.List;

/** An invoice being drawn up: a number and its lines, in the order they were added. */
public final class Invoice {

    private final String number;
    private final List<InvoiceLine> lines = new ArrayList<>();

    /**
     * An empty invoice.
     *
     * @param number such as {@code 2026-0042}
     */
    public Invoice(String number) {
        this.number = number;
    }

    /**
     * Adds a line.
     *
     * @param line the line
     * @return this invoice
     */
    public Invoice add(InvoiceLine line) {
        lines.add(line);
        return this;
    }

    /** The invoice number. */
    public String number() {
        return number;
    }

    /** The lines, unmodifiable. */
    public List<InvoiceLine> lines() {
        return List.copyOf(lines);
    }
}

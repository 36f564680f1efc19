package com.acme.shop.domain;

/** A product whose SKU or web address another product already has. */
public class DuplicateProductException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateProductException(String what) {
        super("already in the catalogue: " + what);
    }
}

package com.acme.shop.domain;

/** A product the catalogue does not have. */
public class UnknownProductException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownProductException(String what) {
        super("no such product: " + what);
    }
}

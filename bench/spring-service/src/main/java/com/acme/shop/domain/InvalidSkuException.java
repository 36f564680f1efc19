package com.acme.shop.domain;

/** A stock-keeping unit that is not of the form {@code ABC-1234}. */
public class InvalidSkuException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidSkuException(String sku) {
        super("not a valid SKU: " + sku);
    }
}

package com.acme.shop;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The requests the web tests send to add a product. */
public final class ProductRequests {

    private ProductRequests() {
    }

    /** POSTs a product as JSON; the price is written as a JSON number. */
    public static ResultActions add(MockMvc mvc, String sku, String name, String price) throws Exception {
        return mvc.perform(post("/products").contentType(MediaType.APPLICATION_JSON)
                .content("{\"sku\": \"%s\", \"name\": \"%s\", \"unitPrice\": %s}".formatted(sku, name, price)));
    }
}

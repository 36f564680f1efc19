package com.acme.shop.web;

import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.acme.shop.ProductRequests;
import com.acme.shop.service.CatalogService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(ProductController.class)
@Import(CatalogService.class)
class ProductControllerTest {

    @Autowired
    private MockMvc mvc;

    private ResultActions add(String sku, String name, String price) throws Exception {
        return ProductRequests.add(mvc, sku, name, price);
    }

    @Test
    void listsTheStartingRangeWithTheirSlugs() throws Exception {
        mvc.perform(get("/products")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].slug", hasItems("creme-brulee-mug", "hello-world-t-shirt", "uber-cap")));
    }

    @Test
    void getsAProductBySku() throws Exception {
        mvc.perform(get("/products/MUG-0042")).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Crème Brûlée Mug"))
                .andExpect(jsonPath("$.slug").value("creme-brulee-mug"))
                .andExpect(jsonPath("$.unitPrice").value(12.35));
    }

    @Test
    void anUnknownSkuIsNotFound() throws Exception {
        mvc.perform(get("/products/MUG-9999")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Unknown product"));
    }

    @Test
    void aLowerCaseSkuIsABadRequest() throws Exception {
        mvc.perform(get("/products/mug-0042")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid SKU"));
    }

    @Test
    void aSkuWithASpaceIsABadRequest() throws Exception {
        mvc.perform(get("/products/{sku}", " MUG-0042")).andExpect(status().isBadRequest());
    }

    @Test
    void aSkuWithTooManyDigitsIsABadRequest() throws Exception {
        mvc.perform(get("/products/MUG-00420")).andExpect(status().isBadRequest());
    }

    @Test
    void findsAProductByItsSlug() throws Exception {
        mvc.perform(get("/products/by-slug/uber-cap")).andExpect(status().isOk())
                .andExpect(jsonPath("$.sku").value("CAP-0007"))
                .andExpect(jsonPath("$.name").value("Über   Cap"));
    }

    @Test
    void anUnknownSlugIsNotFound() throws Exception {
        mvc.perform(get("/products/by-slug/no-such-thing")).andExpect(status().isNotFound());
    }

    @Test
    void addsAProductWithASlugMadeFromItsName() throws Exception {
        add("PEN-0100", "Fountain Pen (Ébène)", "24.90").andExpect(status().isCreated())
                .andExpect(header().string("Location", "/products/PEN-0100"))
                .andExpect(jsonPath("$.slug").value("fountain-pen-ebene"));
        mvc.perform(get("/products/by-slug/fountain-pen-ebene")).andExpect(jsonPath("$.sku").value("PEN-0100"));
    }

    @Test
    void refusesToAddALowerCaseSku() throws Exception {
        add("pen-0101", "Pencil", "1.20").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid SKU"));
    }

    @Test
    void refusesASkuTakenAlready() throws Exception {
        add("TEE-1001", "Another Shirt", "15.00").andExpect(status().isConflict());
    }

    @Test
    void refusesANameWhoseSlugIsTaken() throws Exception {
        add("MUG-0043", "CREME -- brulee, mug!", "13.00").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("already in the catalogue: creme-brulee-mug"));
    }

    @Test
    void refusesANameWithoutLettersOrDigits() throws Exception {
        add("PEN-0102", "!!! ???", "2.00").andExpect(status().isBadRequest());
    }

    @Test
    void cutsALongSlugAtSixtyCharactersWithoutATrailingDash() throws Exception {
        String name = "The Extraordinarily Comfortable Ergonomic Office Chair - Deluxe Edition";
        add("CHR-0001", name, "349.00").andExpect(status().isCreated())
                .andExpect(jsonPath("$.slug").value("the-extraordinarily-comfortable-ergonomic-office-chair-delux"))
                .andExpect(jsonPath("$.slug", matchesPattern("[a-z0-9-]{1,60}")));
    }

    @Test
    void aCutThatEndsOnADashLosesIt() throws Exception {
        String name = "Fifty nine characters exactly for this product name, fine xy more";
        add("CHR-0002", name, "10.00").andExpect(status().isCreated())
                .andExpect(jsonPath("$.slug").value("fifty-nine-characters-exactly-for-this-product-name-fine-xy"));
    }
}

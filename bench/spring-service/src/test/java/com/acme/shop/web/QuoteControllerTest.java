package com.acme.shop.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.acme.shop.service.CatalogService;
import com.acme.shop.service.QuoteService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(QuoteController.class)
@Import({QuoteService.class, CatalogService.class})
class QuoteControllerTest {

    @Autowired
    private MockMvc mvc;

    private ResultActions quote(String sku, int quantity, int discount) throws Exception {
        return mvc.perform(get("/quotes").param("sku", sku).param("quantity", String.valueOf(quantity))
                .param("discount", String.valueOf(discount)));
    }

    @Test
    void onePieceWithoutDiscountCostsTheUnitPrice() throws Exception {
        mvc.perform(get("/quotes").param("sku", "MUG-0042")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(12.35));
    }

    @Test
    void multipliesByTheQuantity() throws Exception {
        quote("TEE-1001", 3, 0).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(59.97));
    }

    @Test
    void roundsTheDiscountedTotalHalfUpToCents() throws Exception {
        quote("MUG-0042", 1, 10).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(11.12));
    }

    @Test
    void halvesThePriceAtTheLargestDiscount() throws Exception {
        quote("CAP-0007", 2, 50).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(9.5));
    }

    @Test
    void anExactDiscountNeedsNoRounding() throws Exception {
        quote("MUG-0042", 4, 25).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(37.05));
    }

    @Test
    void echoesWhatWasAskedFor() throws Exception {
        quote("TEE-1001", 2, 5).andExpect(jsonPath("$.sku").value("TEE-1001"))
                .andExpect(jsonPath("$.quantity").value(2)).andExpect(jsonPath("$.discountPercent").value(5));
    }

    @Test
    void refusesADiscountAboveFiftyPercent() throws Exception {
        quote("MUG-0042", 1, 51).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("discount must be between 0 and 50 percent"));
    }

    @Test
    void refusesANegativeDiscount() throws Exception {
        quote("MUG-0042", 1, -5).andExpect(status().isBadRequest());
    }

    @Test
    void refusesZeroPieces() throws Exception {
        quote("MUG-0042", 0, 0).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("quantity must be at least 1"));
    }

    @Test
    void anUnknownProductIsNotFound() throws Exception {
        quote("MUG-0001", 1, 0).andExpect(status().isNotFound());
    }

    @Test
    void aMalformedSkuIsABadRequest() throws Exception {
        quote("MUG42", 1, 0).andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("Invalid SKU"));
    }
}

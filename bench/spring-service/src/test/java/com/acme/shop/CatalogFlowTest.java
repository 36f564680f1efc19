package com.acme.shop;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A product's way through the application: added, found, quoted. */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogFlowTest {

    @Autowired
    private MockMvc mvc;

    private ResultActions add(String sku, String name, String price) throws Exception {
        return ProductRequests.add(mvc, sku, name, price);
    }

    @Test
    void anAddedProductCanBeQuoted() throws Exception {
        add("LMP-2000", "Desk Lamp", "40.00").andExpect(status().isCreated());
        mvc.perform(get("/quotes").param("sku", "LMP-2000").param("quantity", "3").param("discount", "15"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(102.0));
    }

    @Test
    void anAccentedNameGetsAPlainSlug() throws Exception {
        add("NTB-0001", "Ça Va Bien — Notebook", "6.40").andExpect(status().isCreated())
                .andExpect(jsonPath("$.slug").value("ca-va-bien-notebook"));
    }

    @Test
    void namesThatDifferOnlyInPunctuationCollide() throws Exception {
        add("NTB-0002", "Dot Grid Notebook", "7.00").andExpect(status().isCreated());
        add("NTB-0003", "Dot-Grid (Notebook)", "7.00").andExpect(status().isConflict());
    }

    @Test
    void digitsFromAnotherScriptAreNoSku() throws Exception {
        add("MUG-\u0660\u0660\u0664\u0663", "Arabic Digits Mug", "5.00").andExpect(status().isBadRequest());
    }

    @Test
    void aQuoteForNoPiecesIsRefused() throws Exception {
        mvc.perform(get("/quotes").param("sku", "MUG-0042").param("quantity", "0")).andExpect(status().isBadRequest());
    }

    @Test
    void aFullPriceQuoteOfManyPieces() throws Exception {
        mvc.perform(get("/quotes").param("sku", "TEE-1001").param("quantity", "10"))
                .andExpect(jsonPath("$.total").value(199.9));
    }
}

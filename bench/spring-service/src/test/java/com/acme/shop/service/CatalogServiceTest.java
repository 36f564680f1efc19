package com.acme.shop.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.shop.domain.DuplicateProductException;
import com.acme.shop.domain.InvalidSkuException;
import com.acme.shop.domain.Product;
import com.acme.shop.domain.UnknownProductException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogServiceTest {

    private final CatalogService catalog = new CatalogService();

    @Test
    void theStartingRangeHasSlugs() {
        assertThat(catalog.all()).extracting(Product::slug)
                .containsExactly("creme-brulee-mug", "hello-world-t-shirt", "uber-cap");
    }

    @Test
    void addMakesTheSlugFromTheName() {
        Product product = catalog.add("CUP-0001", "  Hello,   Café!  ", new BigDecimal("3.20"));
        assertThat(product.slug()).isEqualTo("hello-cafe");
        assertThat(product.name()).isEqualTo("Hello,   Café!");
    }

    @Test
    void keepsDigitsInTheSlug() {
        assertThat(catalog.add("CUP-0002", "Cup 2000 XL", BigDecimal.ONE).slug()).isEqualTo("cup-2000-xl");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "AB-1234", "ABCD-1234", "abc-1234", "ABC-123", "ABC-12345", " ABC-1234", "ABC-1234 ",
        "ABC_1234", "ÄBC-1234"})
    void refusesMalformedSkus(String sku) {
        assertThatThrownBy(() -> catalog.add(sku, "Something", BigDecimal.TEN)).isInstanceOf(InvalidSkuException.class);
    }

    @Test
    void refusesATakenSku() {
        assertThatThrownBy(() -> catalog.add("MUG-0042", "Other Mug", BigDecimal.TEN))
                .isInstanceOf(DuplicateProductException.class);
    }

    @Test
    void refusesAPriceThatIsNotPositive() {
        assertThatThrownBy(() -> catalog.add("CUP-0003", "Free Cup", BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownSlugFindsNothing() {
        assertThat(catalog.findBySlug("nothing-here")).isEmpty();
    }

    @Test
    void anUnknownSkuIsReported() {
        assertThatThrownBy(() -> catalog.get("ZZZ-9999")).isInstanceOf(UnknownProductException.class)
                .hasMessage("no such product: ZZZ-9999");
    }
}

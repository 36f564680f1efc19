package com.acme.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The whole application on a real port, as a client sees it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopApplicationTest {

    @Autowired
    private TestRestTemplate http;

    @Test
    void servesTheStartingRange() {
        ResponseEntity<List> products = http.getForEntity("/products", List.class);
        assertThat(products.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(products.getBody()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void quotesADiscountedQuantity() {
        Map<?, ?> quote = http.getForObject("/quotes?sku=TEE-1001&quantity=2&discount=25", Map.class);
        assertThat(quote.get("total")).hasToString("29.99");
    }

    @Test
    void addsAProductAndFindsItBySlug() {
        ResponseEntity<Map> added = http.postForEntity("/products",
                Map.of("sku", "BAG-0300", "name", "Tote Bag: Naïve Art", "unitPrice", 18.00), Map.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody().get("slug")).isEqualTo("tote-bag-naive-art");
        Map<?, ?> found = http.getForObject("/products/by-slug/tote-bag-naive-art", Map.class);
        assertThat(found.get("sku")).isEqualTo("BAG-0300");
    }

    @Test
    void aMalformedSkuGetsAProblemDetail() {
        ResponseEntity<Map> response = http.getForEntity("/products/MUG_0042", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("title")).isEqualTo("Invalid SKU");
    }

    @Test
    void anUnknownProductIsNotFound() {
        assertThat(http.getForEntity("/products/ZZZ-0000", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aSecondProductWithTheSameSlugConflicts() {
        ResponseEntity<Map> first = http.postForEntity("/products",
                Map.of("sku", "BAG-0301", "name", "Weekend Bag", "unitPrice", 80), Map.class);
        ResponseEntity<Map> second = http.postForEntity("/products",
                Map.of("sku", "BAG-0302", "name", "weekend   BAG", "unitPrice", 82), Map.class);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }
}

package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShelfTest {

    @Test
    void anArticleLivesAtItsSlug() {
        assertEquals("/articles/blue-mug-0-5-l", Shelf.address("Blue Mug, 0.5 l"));
    }
}

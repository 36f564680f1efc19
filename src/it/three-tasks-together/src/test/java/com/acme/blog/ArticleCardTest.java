package com.acme.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArticleCardTest {

    @Test
    void showsAShortArticle() {
        ArticleCard card = ArticleCard.of("Release notes", "We fixed the search box.");
        assertEquals("Release notes", card.title());
        assertEquals("/articles/release-notes", card.path());
        assertEquals("1 min read", card.readingTime());
        assertEquals("We fixed the search box.", card.teaser());
    }
}

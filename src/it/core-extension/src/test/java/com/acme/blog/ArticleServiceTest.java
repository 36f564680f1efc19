package com.acme.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArticleServiceTest {

    private final ArticleService articles = new ArticleService("/articles");

    @Test
    void publishesUnderTheTitlesSlug() {
        assertEquals("/articles/hello-world", articles.publish("Hello, World!"));
    }

    @Test
    void runsOfPunctuationAndSpacesBecomeOneHyphen() {
        assertEquals("/articles/maven-3-8-core-extensions", articles.publish("  Maven 3.8 -- core extensions?  "));
    }
}

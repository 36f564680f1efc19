package com.acme.blog;

/** Publishes articles under an address made from their titles. */
public final class ArticleService {

    private final String base;

    /**
     * A service that publishes below a base address.
     *
     * @param base the address articles are published below, without a trailing slash
     */
    public ArticleService(String base) {
        this.base = base;
    }

    /**
     * The address an article with this title is published at.
     *
     * @param title the article's title
     * @return the base address, a slash and the title's slug
     */
    public String publish(String title) {
        return base + "/" + Slugs.of(title);
    }
}

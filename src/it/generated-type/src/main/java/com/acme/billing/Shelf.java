package com.acme.billing;

/** Where an article is found in the shop. */
public final class Shelf {

    private Shelf() {
    }

    /**
     * The address of an article's page.
     *
     * @param title the article's title
     * @return such as {@code /articles/blue-mug-0-5-l}
     */
    public static String address(String title) {
        return "/articles/" + Slugs.of(title);
    }
}

package com.acme.blog;

/** What the blog's index page shows of an article: its link, its reading time and a teaser. */
public final class ArticleCard {

    /** How long a teaser may be, in characters, before its ellipsis. */
    public static final int TEASER_LENGTH = 160;

    private final String title;
    private final String slug;
    private final int minutes;
    private final String teaser;

    private ArticleCard(String title, String slug, int minutes, String teaser) {
        this.title = title;
        this.slug = slug;
        this.minutes = minutes;
        this.teaser = teaser;
    }

    /**
     * The card of an article.
     *
     * @param title the article's title
     * @param body the article's text
     * @return its card
     */
    public static ArticleCard of(String title, String body) {
        return new ArticleCard(title, Slugifier.slugify(title), ReadingTime.minutes(body),
                Excerpt.of(body, TEASER_LENGTH));
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** The link to the article. */
    public String path() {
        return "/articles/" + slug;
    }

    /** The reading time, as shown: {@code "3 min read"}. */
    public String readingTime() {
        return minutes + " min read";
    }

    /** The teaser. */
    public String teaser() {
        return teaser;
    }
}

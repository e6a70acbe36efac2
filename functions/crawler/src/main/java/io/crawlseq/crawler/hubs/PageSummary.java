package io.crawlseq.crawler.hubs;

import io.crawlseq.crawler.page.PageAnalysis;

/**
 * The few facts about a fetched candidate page that hub scoring uses (kept instead of the whole
 * analysis so the detector's state stays small and exportable).
 */
public record PageSummary(String title, String h1, boolean article, boolean liveBlog, int articleLinks,
                          int headlineLinks, int largestCardGroup, int pagination, boolean collection,
                          boolean searchForm, boolean passwordField, boolean profile, boolean noindex) {

    public static PageSummary of(PageAnalysis page) {
        boolean profile = page.article().jsonLdTypes().contains("ProfilePage")
                || "profile".equalsIgnoreCase(page.article().ogType());
        return new PageSummary(page.title(), page.h1(), page.isArticle(), page.article().liveBlog(),
                page.listing().articleLinks(), page.listing().headlineLinks(), page.listing().largestCardGroup(),
                page.listing().pagination().size(), page.listing().collectionJsonLd(), page.searchForm(),
                page.passwordField(), profile, page.robots().noindex());
    }

    /** Lists stories: several story links, a group of teaser cards, or pagination. */
    public boolean isListing() {
        return !article && (articleLinks >= 3 || headlineLinks >= 3 || largestCardGroup >= 3 || pagination > 0);
    }
}

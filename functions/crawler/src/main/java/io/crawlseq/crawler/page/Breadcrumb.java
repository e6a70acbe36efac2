package io.crawlseq.crawler.page;

/** One step of a breadcrumb trail ({@code World > Europe > France}); url may be null for the current page. */
public record Breadcrumb(String name, String url) {
}

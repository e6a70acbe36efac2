package io.crawlseq.crawler.url;

/** {@code /a?} is {@code /a}: an empty query carries nothing. */
public final class DropEmptyQuery implements UrlRule {

    @Override
    public String name() {
        return "drop-empty-query";
    }

    @Override
    public UrlResult apply(WebUrl url) {
        return new UrlResult.Valid(url.query() != null && url.query().isEmpty() ? url.withQuery(null) : url);
    }
}

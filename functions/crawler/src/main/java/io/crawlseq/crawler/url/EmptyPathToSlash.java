package io.crawlseq.crawler.url;

/** {@code http://host} is {@code http://host/} (RFC 3986 §6.2.3). */
public final class EmptyPathToSlash implements UrlRule {

    @Override
    public String name() {
        return "empty-path-to-slash";
    }

    @Override
    public UrlResult apply(WebUrl url) {
        return new UrlResult.Valid(url.path().isEmpty() ? url.withPath("/") : url);
    }
}

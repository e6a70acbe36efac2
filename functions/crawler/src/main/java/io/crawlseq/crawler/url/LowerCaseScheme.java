package io.crawlseq.crawler.url;

import java.util.Locale;

/** Schemes are case-insensitive (RFC 3986 §6.2.2.1): {@code HTTP://} is {@code http://}. */
public final class LowerCaseScheme implements UrlRule {

    @Override
    public String name() {
        return "lower-case-scheme";
    }

    @Override
    public UrlResult apply(WebUrl url) {
        return new UrlResult.Valid(url.withScheme(url.scheme().toLowerCase(Locale.ROOT)));
    }
}

package io.crawlseq.crawler.url;

/** Fragments are never sent to the server: {@code /a#top} and {@code /a} are one page. */
public final class DropFragment implements UrlRule {

    @Override
    public String name() {
        return "drop-fragment";
    }

    @Override
    public UrlResult apply(WebUrl url) {
        return new UrlResult.Valid(url.fragment() == null ? url : url.withFragment(null));
    }
}

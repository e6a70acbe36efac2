package io.crawlseq.crawler.url;

/**
 * Path and query in one canonical percent-encoding ({@link PercentEncoding#normalise}): so
 * {@code /caf%c3%a9}, {@code /café} and {@code /caf%C3%A9} are one URL, and {@code /%7Euser} is
 * {@code /~user}. Reserved characters keep their form ({@code %2F} stays escaped: it is not a slash).
 */
public final class NormalisePercentEncoding implements UrlRule {

    @Override
    public String name() {
        return "normalise-percent-encoding";
    }

    @Override
    public UrlResult apply(WebUrl url) {
        String path = PercentEncoding.normalise(url.path(), PercentEncoding.Component.PATH);
        String query = url.query() == null ? null : PercentEncoding.normalise(url.query(), PercentEncoding.Component.QUERY);
        if (path.equals(url.path()) && java.util.Objects.equals(query, url.query())) {
            return new UrlResult.Valid(url);
        }
        return new UrlResult.Valid(url.withPath(path).withQuery(query));
    }
}

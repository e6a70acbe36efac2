package io.crawlseq.crawler.url;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts query parameters by name (stable: repeated names keep their order, which can matter), so
 * {@code ?b=2&a=1} and {@code ?a=1&b=2} are one URL. Optional: a few sites do read order.
 */
public final class SortQueryParameters implements UrlRule {

    @Override
    public String name() {
        return "sort-query-parameters";
    }

    @Override
    public UrlResult apply(WebUrl url) {
        if (url.query() == null || url.query().indexOf('&') < 0) {
            return new UrlResult.Valid(url);
        }
        List<String> pieces = new ArrayList<>(QueryParameters.parse(url.query()).pieces());
        pieces.sort(Comparator.comparing(SortQueryParameters::rawName));
        return new UrlResult.Valid(url.withQuery(new QueryParameters(pieces).format()));
    }

    private static String rawName(String piece) {
        int eq = piece.indexOf('=');
        return eq < 0 ? piece : piece.substring(0, eq);
    }
}

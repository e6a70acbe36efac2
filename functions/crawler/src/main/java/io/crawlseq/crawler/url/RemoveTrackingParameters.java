package io.crawlseq.crawler.url;

import java.util.List;

/** Drops the {@link TrackingParameters}: {@code /a?id=3&utm_source=x&fbclid=y} is {@code /a?id=3}. */
public final class RemoveTrackingParameters implements UrlRule {

    @Override
    public String name() {
        return "remove-tracking-parameters";
    }

    @Override
    public UrlResult apply(WebUrl url) {
        if (url.query() == null || url.query().isEmpty()) {
            return new UrlResult.Valid(url);
        }
        List<String> pieces = QueryParameters.parse(url.query()).pieces();
        List<String> kept = pieces.stream()
                .filter(piece -> !TrackingParameters.isTracking(QueryParameters.decodedName(piece)))
                .toList();
        String query = new QueryParameters(kept).format();
        return new UrlResult.Valid(query.equals(url.query()) ? url : url.withQuery(query));
    }
}

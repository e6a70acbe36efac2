package io.crawlseq.crawler.url;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses and normalises URLs with a chain of small named {@link UrlRule}s, so equal pages get equal
 * strings (the dedupe key of the frontier). Immutable and thread-safe.
 *
 * <pre>{@code
 * UrlNormalizer normalizer = UrlNormalizer.standard();
 * UrlResult r = normalizer.normalize(baseUrl, "../World/France?utm_source=x#top");
 * }</pre>
 */
public final class UrlNormalizer {

    private final List<UrlRule> rules;

    public UrlNormalizer(List<UrlRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The standard chain; query parameters keep their order. */
    public static UrlNormalizer standard() {
        return new UrlNormalizer(standardRules(false));
    }

    /** The standard chain, with query parameters sorted by name when {@code sortQuery}. */
    public static UrlNormalizer standard(boolean sortQuery) {
        return new UrlNormalizer(standardRules(sortQuery));
    }

    public static List<UrlRule> standardRules(boolean sortQuery) {
        List<UrlRule> rules = new ArrayList<>(List.of(
                new HttpSchemeOnly(),
                new LowerCaseScheme(),
                new DropUserInfo(),
                new CanonicalHost(),
                new DropDefaultPort(),
                new NormalisePercentEncoding(),
                new RemoveDotSegments(),
                new EmptyPathToSlash(),
                new DropFragment(),
                new RemoveTrackingParameters()));
        if (sortQuery) {
            rules.add(new SortQueryParameters());
        }
        rules.add(new DropEmptyQuery());
        return rules;
    }

    public List<UrlRule> rules() {
        return rules;
    }

    /** A new normaliser with one more rule at the end. */
    public UrlNormalizer with(UrlRule rule) {
        List<UrlRule> more = new ArrayList<>(rules);
        more.add(rule);
        return new UrlNormalizer(more);
    }

    /** Parses and normalises an absolute URL. */
    public UrlResult normalize(String url) {
        return normalize(null, url);
    }

    /** Resolves {@code reference} against {@code base} (may be null), then normalises. */
    public UrlResult normalize(WebUrl base, String reference) {
        UrlResult parsed = UrlParser.resolve(base, reference);
        return parsed instanceof UrlResult.Valid valid ? normalize(valid.url()) : parsed;
    }

    /** Normalises a parsed URL. */
    public UrlResult normalize(WebUrl url) {
        UrlResult result = new UrlResult.Valid(url);
        for (UrlRule rule : rules) {
            if (!(result instanceof UrlResult.Valid valid)) {
                break;
            }
            result = rule.apply(valid.url());
        }
        return result;
    }

    /** The normalised URL text, or null when the URL is refused: for callers that only need the key. */
    public String key(WebUrl base, String reference) {
        return normalize(base, reference) instanceof UrlResult.Valid valid ? valid.url().toString() : null;
    }
}

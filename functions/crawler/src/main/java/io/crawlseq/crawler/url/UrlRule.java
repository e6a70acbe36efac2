package io.crawlseq.crawler.url;

/**
 * One normalisation step. Rules are small, named and composed in a list by {@link UrlNormalizer};
 * a rule may refuse a URL (a value, not an exception), which ends the chain.
 */
public interface UrlRule {

    /** Short stable name, used in diagnostics and docs. */
    String name();

    UrlResult apply(WebUrl url);
}

package io.crawlseq.crawler.ops;

import io.crawlseq.crawler.Crawler;

/**
 * Work done one fetch at a time, so that it can stop between any two steps (a command's time budget)
 * and continue in another invocation from its exported state with the same result. Run it with
 * {@link WorkLoop}.
 */
public interface Stepwise {

    /** Nothing is left to do. */
    boolean done();

    /** Does the next unit of work: at most one page fetch (plus robots.txt) through {@code crawler}. */
    void step(Crawler crawler);

    /** The host the next step fetches from ("" when it fetches nothing). */
    String nextHost();
}

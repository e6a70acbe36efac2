/**
 * Helpers of the issue-5 crawling handlers (archive walks, place hubs, guessing): a long-crawl
 * lifecycle for {@link io.crawlseq.crawler.ops.Stepwise} work, and the crawler → store → result
 * conversions of hubs and articles. The conversions mirror those of
 * {@code io.crawlseq.commands.handlers.support} (written in parallel for the issue-4 handlers) in
 * name and output, so that the two fold together by changing imports.
 */
package io.crawlseq.commands.handlers.hubwork;

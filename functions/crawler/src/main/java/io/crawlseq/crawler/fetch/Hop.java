package io.crawlseq.crawler.fetch;

/**
 * One request of a fetch's redirect chain.
 *
 * @param url         the URL requested
 * @param status      HTTP status received (0 when no response arrived)
 * @param location    the Location header of a redirect, or null
 * @param httpVersion {@code HTTP/1.1} or {@code HTTP/2}, or empty when no response arrived
 */
public record Hop(String url, int status, String location, String httpVersion) {
}

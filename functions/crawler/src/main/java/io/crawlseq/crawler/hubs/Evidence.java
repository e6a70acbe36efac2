package io.crawlseq.crawler.hubs;

/**
 * One signal that fired for a candidate.
 *
 * @param signal the signal's name ({@code LinkedFromNavigation})
 * @param weight what it adds to the score (negative for evidence against)
 * @param detail what it saw ("3 pages link here from navigation")
 */
public record Evidence(String signal, double weight, String detail) {
}

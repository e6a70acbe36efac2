package io.crawlseq.crawler.fetch;

/**
 * What a server said about a response's version, to ask "has it changed?" next time.
 *
 * @param etag         the ETag header, or null
 * @param lastModified the Last-Modified header (HTTP-date text as received), or null
 */
public record Validators(String etag, String lastModified) {

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}

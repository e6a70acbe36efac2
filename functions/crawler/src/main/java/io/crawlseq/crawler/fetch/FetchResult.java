package io.crawlseq.crawler.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one fetch (a request and the redirects it followed), whatever happened.
 *
 * @param url         the URL requested first
 * @param outcome     how it ended
 * @param detail      why, for humans ("connect timed out", "redirect to http://10.0.0.1/ refused: private address")
 * @param chain       every request made, in order; empty when refused before any request
 * @param finalUrl    the last URL requested or refused (the page's URL for {@link FetchOutcome#OK})
 * @param status      the last HTTP status, 0 when none arrived
 * @param headers     the last response's headers, names in lower case
 * @param contentType MIME type of the last response, lower case, without parameters ("" when none)
 * @param charset     the charset the body is decoded with ({@link #text()}); UTF-8 when nothing says otherwise
 * @param body        the body after Content-Encoding decoding; empty unless the outcome is OK
 * @param wireBytes   body bytes received on the wire for the whole chain (compressed)
 * @param bodyBytes   body bytes after decompression for the whole chain (also counted when the body was discarded)
 * @param startedAt   when the fetch started (crawl clock)
 * @param elapsed     real time the fetch took
 * @param retryable   a transient failure worth retrying (timeout, reset, 429, 408, 500/502/503/504)
 * @param retryAfter  the server's Retry-After (429/503), if it sent one
 */
public record FetchResult(String url, FetchOutcome outcome, String detail, List<Hop> chain, String finalUrl, int status,
                          Map<String, List<String>> headers, String contentType, Charset charset, byte[] body,
                          long wireBytes, long bodyBytes, Instant startedAt, Duration elapsed, boolean retryable,
                          Duration retryAfter) {

    private static final byte[] EMPTY = new byte[0];

    public FetchResult {
        chain = List.copyOf(chain);
        headers = Map.copyOf(headers);
        body = body == null ? EMPTY : body;
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
        contentType = contentType == null ? "" : contentType;
        detail = detail == null ? "" : detail;
    }

    public boolean isOk() {
        return outcome == FetchOutcome.OK;
    }

    /** The body decoded with {@link #charset()}; undecodable bytes become U+FFFD. A BOM is not part of the text. */
    public String text() {
        return Charsets.decode(body, charset);
    }

    /** The first value of a response header (name case-insensitive). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Number of redirects followed. */
    public int redirects() {
        return Math.max(0, chain.size() - 1);
    }

    /** The HTTP version of the last response ("" when none). */
    public String httpVersion() {
        return chain.isEmpty() ? "" : chain.get(chain.size() - 1).httpVersion();
    }

    /** A one-line summary for logs. */
    public String summary() {
        return outcome.wireName() + (status > 0 ? " " + status : "") + " " + finalUrl
                + (detail.isEmpty() ? "" : " (" + detail + ")");
    }

    @Override
    public String toString() {
        return "FetchResult[" + summary() + ", " + bodyBytes + " bytes, " + elapsed.toMillis() + " ms]";
    }
}

package io.crawlseq.crawler.fetch;

import java.util.Locale;
import java.util.Set;

/** What a fetch is for: decides the Accept header, the accepted content types and the byte cap. */
public enum ContentKind {
    /** HTML pages. */
    PAGE("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            Set.of("text/html", "application/xhtml+xml")),
    /** XML, text or gzip sitemaps (gzip served as content, not as a Content-Encoding). */
    SITEMAP("application/xml,text/xml;q=0.9,application/gzip;q=0.9,text/plain;q=0.5,*/*;q=0.1",
            Set.of("application/xml", "text/xml", "application/rss+xml", "application/atom+xml", "application/gzip",
                    "application/x-gzip", "application/x-gunzip", "application/octet-stream", "text/plain")),
    /** robots.txt: plain text (any text type is read; HTML error pages are recognised by the parser). */
    ROBOTS("text/plain,*/*;q=0.1", Set.of("text/plain", "application/octet-stream")),
    /** Anything. */
    ANY("*/*", Set.of());

    private final String acceptHeader;
    private final Set<String> accepted;

    ContentKind(String acceptHeader, Set<String> accepted) {
        this.acceptHeader = acceptHeader;
        this.accepted = accepted;
    }

    public String acceptHeader() {
        return acceptHeader;
    }

    /**
     * Whether a response of this MIME type (lower case, no parameters; empty when the server sent
     * none) is accepted. A missing type is accepted: the body is sniffed instead.
     */
    public boolean accepts(String mimeType) {
        if (this == ANY || mimeType.isEmpty()) {
            return true;
        }
        String type = mimeType.toLowerCase(Locale.ROOT);
        if (accepted.contains(type)) {
            return true;
        }
        return switch (this) {
            case SITEMAP -> type.endsWith("+xml");
            case ROBOTS -> type.startsWith("text/");
            default -> false;
        };
    }
}

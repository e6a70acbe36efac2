package io.crawlseq.crawler.sitemap;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Parses sitemap bytes (XML {@code urlset} / {@code sitemapindex}, RSS, Atom, plain text; gzip by
 * content or by magic bytes) into a {@link SitemapDocument}, with crawler-commons'
 * {@code SiteMapParser} doing the XML. Pure: no I/O; gzip is inflated here under a byte cap so a
 * bomb stops at the cap.
 *
 * <p>Lenient on purpose: {@code strict = false} because news sites routinely keep sitemaps under
 * {@code /sitemaps/} and list pages all over the site, which the protocol's strict location rule
 * would drop; the caller's site scope filters URLs instead. Namespaces are not enforced either
 * (many sitemaps omit or misspell them). Only the news extension's data is kept; image, video and
 * other extension elements are parsed by their handlers (so they are not mistaken for pages) and dropped.
 */
public final class SitemapParser {

    private final long maxUncompressedBytes;
    private final int maxEntries;

    /**
     * @param maxUncompressedBytes gzip content is inflated up to this many bytes; bigger is unreadable
     * @param maxEntries           entries kept per document (the rest is dropped and the document marked truncated)
     */
    public SitemapParser(long maxUncompressedBytes, int maxEntries) {
        this.maxUncompressedBytes = maxUncompressedBytes;
        this.maxEntries = maxEntries;
    }

    public SitemapDocument parse(String url, byte[] content, String contentType) {
        URL location;
        try {
            location = URI.create(url).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            return new SitemapDocument.Unreadable(url, "invalid sitemap URL");
        }
        byte[] bytes = content;
        if (isGzip(content)) {
            try {
                bytes = gunzip(content);
            } catch (IOException e) {
                return new SitemapDocument.Unreadable(url, "gzip: " + e.getMessage());
            }
            if (bytes == null) {
                return new SitemapDocument.Unreadable(url, "larger than " + maxUncompressedBytes + " bytes after decompression");
            }
        }
        if (bytes.length == 0) {
            return new SitemapDocument.Unreadable(url, "empty");
        }
        crawlercommons.sitemaps.SiteMapParser parser = new crawlercommons.sitemaps.SiteMapParser(false, false);
        // Every extension is enabled so its elements are consumed by its own handler: with image or
        // video disabled, a lenient parse reads <image:loc> as if it were a page <loc>.
        parser.enableExtensions();
        try {
            AbstractSiteMap map = parser.parseSiteMap(looksLikeXml(bytes) ? "text/xml" : "text/plain", bytes, location);
            return convert(url, map);
        } catch (UnknownFormatException | IOException | RuntimeException e) {
            return new SitemapDocument.Unreadable(url, "not a sitemap: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + firstLine(e.getMessage())));
        }
    }

    private SitemapDocument convert(String url, AbstractSiteMap map) {
        if (map instanceof SiteMapIndex index) {
            List<String> children = new ArrayList<>();
            boolean truncated = false;
            for (AbstractSiteMap child : index.getSitemaps()) {
                if (children.size() >= maxEntries) {
                    truncated = true;
                    break;
                }
                children.add(child.getUrl().toString());
            }
            return new SitemapDocument.Index(url, children, truncated);
        }
        SiteMap siteMap = (SiteMap) map;
        List<SitemapEntry> entries = new ArrayList<>();
        boolean truncated = false;
        for (SiteMapURL u : siteMap.getSiteMapUrls()) {
            if (entries.size() >= maxEntries) {
                truncated = true;
                break;
            }
            Instant lastModified = u.getLastModified() == null ? null : u.getLastModified().toInstant();
            entries.add(new SitemapEntry(u.getUrl().toString(), lastModified, news(u)));
        }
        return new SitemapDocument.UrlSet(url, entries, truncated);
    }

    private static SitemapEntry.NewsInfo news(SiteMapURL u) {
        ExtensionMetadata[] metadata = u.getAttributesForExtension(Extension.NEWS);
        if (metadata == null || metadata.length == 0 || !(metadata[0] instanceof NewsAttributes news)) {
            return null;
        }
        Instant published = news.getPublicationDateTime() == null ? null : news.getPublicationDateTime().toInstant();
        return new SitemapEntry.NewsInfo(published, news.getTitle(), news.getName(), news.getLanguage());
    }

    static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    /** Inflates up to the cap; null when the content is bigger. */
    private byte[] gunzip(byte[] content) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(content.length * 4, 1 << 20));
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxUncompressedBytes) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static boolean looksLikeXml(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i < b.length && b[i] == '<';
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}

package io.crawlseq.crawler.archive;

import io.crawlseq.crawler.page.Link;
import io.crawlseq.crawler.page.LinkLocation;
import io.crawlseq.crawler.page.PageAnalysis;
import io.crawlseq.crawler.page.UrlShapes;
import io.crawlseq.crawler.url.SiteScope;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a listing page lists, reduced to the set of stories in its content (navigation, footers and
 * sidebars left out, so "most read" boxes repeated on every page do not count). Two pages with the
 * same fingerprint list the same stories: page N served again as page M, the last page served for
 * every number beyond it, or the site's template for a page that does not exist.
 *
 * @param stories distinct stories listed
 * @param hash    64-bit hash of the sorted story URLs (0 when there are none)
 */
public record ListingFingerprint(int stories, long hash) {

    public static final ListingFingerprint EMPTY = new ListingFingerprint(0, 0);

    public boolean isEmpty() {
        return stories == 0;
    }

    public static ListingFingerprint of(List<StoryLink> stories) {
        TreeSet<String> urls = new TreeSet<>();
        stories.forEach(s -> urls.add(s.url()));
        return urls.isEmpty() ? EMPTY : new ListingFingerprint(urls.size(), hash(String.join("\n", urls)));
    }

    /** The stories a listing page links to from its content, in page order, one per URL. */
    public static List<StoryLink> storiesOf(PageAnalysis page) {
        WebUrl pageUrl = UrlParser.parse(page.url()).toOptional().orElse(null);
        if (pageUrl == null) {
            return List.of();
        }
        SiteScope site = SiteScope.of(pageUrl);
        Map<String, StoryLink> stories = new LinkedHashMap<>();
        for (Link link : page.links()) {
            if (!isContent(link.location())) {
                continue;
            }
            WebUrl u = UrlParser.parse(link.url()).toOptional().orElse(null);
            if (u == null || !site.contains(u) || !UrlShapes.looksLikeArticle(u) || UrlShapes.looksLikeLiveBlog(u)) {
                continue;
            }
            StoryLink existing = stories.get(link.url());
            if (existing == null || existing.text().isBlank()) {
                stories.put(link.url(), new StoryLink(link.url(), link.text()));
            }
        }
        return new ArrayList<>(stories.values());
    }

    private static boolean isContent(LinkLocation location) {
        return location == LinkLocation.ARTICLE_CARD || location == LinkLocation.MAIN || location == LinkLocation.BODY;
    }

    /** First 8 bytes of SHA-256: stable across JVMs, unlike String.hashCode of long texts. */
    public static long hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}

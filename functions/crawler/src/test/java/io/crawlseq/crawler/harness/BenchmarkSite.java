package io.crawlseq.crawler.harness;

import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A generated site of {@code n} news-like pages (~18 KB of HTML each: navigation, 24 teaser
 * cards, paragraphs, footer), every page linking to about 35 others, all reachable from "/".
 * Pages are rendered once up front so serving costs the same for every crawler.
 */
public final class BenchmarkSite {

    private final byte[][] pages;

    public BenchmarkSite(int n, long seed) {
        Random random = new Random(seed);
        pages = new byte[n][];
        for (int i = 0; i < n; i++) {
            pages[i] = render(i, n, random).getBytes(StandardCharsets.UTF_8);
        }
    }

    public int size() {
        return pages.length;
    }

    static String path(int i) {
        return i == 0 ? "/" : "/section-" + (i % 12) + "/story-" + i;
    }

    private static String render(int i, int n, Random random) {
        StringBuilder sb = new StringBuilder(20_000);
        sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story ").append(i)
                .append(" | Bench News</title><meta property=\"og:type\" content=\"article\"></head><body>")
                .append("<header><nav><ul>");
        for (int s = 0; s < 12; s++) {
            sb.append("<li><a href=\"").append(path(1 + s)).append("\">Section ").append(s).append("</a></li>");
        }
        sb.append("</ul></nav></header><main><article><h1>Headline for story ").append(i).append("</h1>");
        for (int p = 0; p < 6; p++) {
            sb.append("<p>");
            for (int w = 0; w < 60; w++) {
                sb.append("word").append(random.nextInt(500)).append(' ');
            }
            sb.append("</p>");
        }
        sb.append("</article><section class=\"more\">");
        for (int c = 0; c < 24; c++) {
            int target = (int) ((i * 31L + c * 7919L + 1) % n);
            sb.append("<div class=\"card\"><h3><a href=\"").append(path(target)).append("\">Story ").append(target)
                    .append(" headline text</a></h3><p>Teaser text for this story.</p></div>");
        }
        sb.append("</section></main><footer><a href=\"/about\">About</a><a href=\"/contact\">Contact</a></footer>")
                .append("</body></html>");
        return sb.toString();
    }

    /** Serves the pages (and 404 for anything else, robots.txt included). */
    public void serve(LoopbackServer server) {
        server.fallback((exchange, s) -> {
            String path = exchange.getRequestURI().getRawPath();
            int index = indexOf(path);
            if (index < 0) {
                Responses.status(404).serve(exchange, s);
            } else {
                Responses.bytes(200, "text/html; charset=utf-8", pages[index]).serve(exchange, s);
            }
        });
    }

    private int indexOf(String path) {
        if (path.equals("/")) {
            return 0;
        }
        int story = path.lastIndexOf("/story-");
        if (story < 0) {
            return -1;
        }
        try {
            int i = Integer.parseInt(path.substring(story + 7));
            return i > 0 && i < pages.length && path.equals(path(i)) ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

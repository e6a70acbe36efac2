package io.crawlseq.store;

import io.crawlseq.store.internal.Checks;
import io.crawlseq.store.internal.Instants;
import java.time.Instant;
import java.util.Optional;

/** An article's metadata as a crawl found it. Titles are cut to {@value #MAX_TITLE_CHARS} characters. */
public record Article(String url, Optional<String> title, Optional<Instant> publishedAt, Optional<String> section,
                      Optional<String> hubUrl) {

    public static final int MAX_TITLE_CHARS = 1000;

    public Article {
        Checks.text("url", url, Hub.MAX_URL_BYTES);
        title = title.map(t -> Checks.truncate(t, MAX_TITLE_CHARS));
        publishedAt = publishedAt.map(Instants::millis);
        section.ifPresent(s -> Checks.text("section", s, 256));
        hubUrl.ifPresent(h -> Checks.text("hubUrl", h, Hub.MAX_URL_BYTES));
    }

    public static Article of(String url) {
        return new Article(url, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Article withTitle(String value) {
        return new Article(url, Optional.of(value), publishedAt, section, hubUrl);
    }

    public Article withPublishedAt(Instant value) {
        return new Article(url, title, Optional.of(value), section, hubUrl);
    }

    public Article withSection(String value) {
        return new Article(url, title, publishedAt, Optional.of(value), hubUrl);
    }

    public Article withHubUrl(String value) {
        return new Article(url, title, publishedAt, section, Optional.of(value));
    }
}

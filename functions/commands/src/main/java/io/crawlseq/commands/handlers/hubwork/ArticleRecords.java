package io.crawlseq.commands.handlers.hubwork;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.crawler.ops.ArticleRecord;
import io.crawlseq.store.Article;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Articles between the crawler, the store and command results (the registry's Article record,
 * {@code {url, title?, publishedAt?, section?, hubUrl?}}, built from the store's {@link Article}).
 */
public final class ArticleRecords {

    private ArticleRecords() {
    }

    public static Article toStore(ArticleRecord found) {
        Article article = Article.of(found.url());
        if (found.title() != null && !found.title().isBlank()) {
            article = article.withTitle(found.title().strip());
        }
        Optional<Instant> published = publishedAt(found.publishedAt());
        if (published.isPresent()) {
            article = article.withPublishedAt(published.get());
        }
        if (found.section() != null && !found.section().isBlank() && found.section().length() <= 256) {
            article = article.withSection(found.section().strip());
        }
        if (found.hubUrl() != null) {
            article = article.withHubUrl(found.hubUrl());
        }
        return article;
    }

    public static ObjectNode toJson(Article article) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("url", article.url());
        article.title().ifPresent(v -> o.put("title", v));
        article.publishedAt().ifPresent(v -> o.put("publishedAt", v.toString()));
        article.section().ifPresent(v -> o.put("section", v));
        article.hubUrl().ifPresent(v -> o.put("hubUrl", v));
        return o;
    }

    /** An ISO-8601 instant or offset date-time, or a bare date (midnight UTC); anything else is left out. */
    static Optional<Instant> publishedAt(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(Instant.parse(t));
            } catch (DateTimeParseException notInstant) {
                try {
                    return Optional.of(LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t)
                            .atStartOfDay(ZoneOffset.UTC).toInstant());
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        }
    }
}

package io.crawlseq.commands.handlers.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.crawler.hubs.Evidence;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.ops.ArticleRecord;
import io.crawlseq.store.Article;
import io.crawlseq.store.Hub;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class RecordsTest {

    @ParameterizedTest
    @EnumSource(HubKind.class)
    void everyCrawlerHubKind_hasTheStoreKindOfTheSameName(HubKind kind) {
        assertThat(HubRecords.kind(kind).wireName()).isEqualTo(kind.wireName());
    }

    @Test
    void aFoundHub_goesToTheStoreWithEvidenceLines_andToTheResultWithoutAbsentValues() {
        var found = new io.crawlseq.crawler.hubs.Hub("https://x.example/world/france", HubKind.COUNTRY, "FR", null, "France",
                "country:FR", 0.91234, true, List.of(new Evidence("LinkedFromNavigation", 0.3, "3 pages link here"),
                new Evidence("ArticleSlugOnly", -0.2, "")));

        Hub stored = HubRecords.toStore(found);
        ObjectNode json = HubRecords.toJson(stored);

        assertThat(stored.evidence()).containsExactly("LinkedFromNavigation +0.30: 3 pages link here", "ArticleSlugOnly -0.20");
        assertThat(json.toString()).isEqualTo("{\"url\":\"https://x.example/world/france\",\"kind\":\"country\",\"iso2\":\"FR\","
                + "\"name\":\"France\",\"placeId\":\"country:FR\",\"confidence\":0.912,\"verified\":true}");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "2024-05-01T09:00:00Z, 2024-05-01T09:00:00Z",
        "2024-05-01T11:00:00+02:00, 2024-05-01T09:00:00Z",
        "2024-05-01, 2024-05-01T00:00:00Z",
        "2024-05-01 11:00, 2024-05-01T00:00:00Z",
        "yesterday, null",
        "null, null",
    })
    void publicationTimes_readAsPagesWriteThem_orAreLeftOut(String text, String expected) {
        Article a = ArticleRecords.toStore(new ArticleRecord("https://x.example/a", "Title", text, "World", null, List.of()));

        assertThat(a.publishedAt().map(Instant::toString).orElse(null)).isEqualTo(expected);
        assertThat(ArticleRecords.toJson(a).has("hubUrl")).isFalse();
    }

    @Test
    void counters_addUpAndWriteTheRegistrysFields() {
        CrawlCounters total = new CrawlCounters(3, 300, 1, 4).plus(new CrawlCounters(2, 200, 0, 2)).withExtraFailures(2);

        assertThat(total).isEqualTo(new CrawlCounters(5, 500, 3, 6));
        assertThat(CrawlCounters.fromJson(total.toJson())).isEqualTo(total);
        assertThat(total.putFields(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()).toString())
                .isEqualTo("{\"pagesFetched\":5,\"bytesFetched\":500,\"failures\":3}");
    }
}

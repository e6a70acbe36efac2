package io.crawlseq.store.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorsAndUrlKeysTest {

    @Test
    void cursors_roundTripAndRefuseForeignShapes() {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("RUN#1"), "sk", AttributeValue.fromS("é#x"));
        String cursor = Cursors.encode(key).orElseThrow();

        assertThat(Cursors.decode(cursor, Set.of("pk", "sk"))).isEqualTo(key);
        assertThatThrownBy(() -> Cursors.decode(cursor, Set.of("pk", "sk", "startKey")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cursors.decode("%%%", Set.of("pk"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Cursors.encode(Map.of())).isEmpty();
    }

    @Test
    void urlKeys_keepShortUrlsAndBoundLongOnes() {
        String shortUrl = "http://127.0.0.1/world/france";
        String longUrl = "http://127.0.0.1/" + "日本".repeat(1000);

        assertThat(UrlKeys.of(shortUrl)).isEqualTo(shortUrl);
        assertThat(UrlKeys.of(longUrl).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(700);
        assertThat(UrlKeys.of(longUrl)).isNotEqualTo(UrlKeys.of(longUrl + "x"));
    }
}

package io.crawlseq.engine.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static io.crawlseq.engine.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    /** Property: the counted UTF-8 length equals the encoded length, for text mixing 1- to 4-byte characters. */
    @Test
    void utf8Length_matchesTheEncoder() {
        Random random = new Random(42);
        int[] samples = {'a', 'é', '€', 0x1F600, '"', '\n'};
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(samples[random.nextInt(samples.length)]);
            }
            String value = text.toString();
            assertThat(Json.utf8Length(value)).as(value).isEqualTo(value.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void equal_comparesNumbersByValueAndIgnoresKeyOrder() {
        assertThat(Json.equal(json("{\"a\": 1, \"b\": [1.0, 2]}"), json("{\"b\": [1, 2.00], \"a\": 1.0}"))).isTrue();
        assertThat(Json.equal(json("{\"a\": 1}"), json("{\"a\": \"1\"}"))).isFalse();
        assertThat(Json.equal(json("[1, 2]"), json("[2, 1]"))).isFalse();
    }

    @Test
    void isInteger_acceptsIntegralDecimals() {
        assertThat(Json.isInteger(json("5.0"))).isTrue();
        assertThat(Json.isInteger(json("5.5"))).isFalse();
        assertThat(Json.isInteger(json("\"5\""))).isFalse();
    }
}

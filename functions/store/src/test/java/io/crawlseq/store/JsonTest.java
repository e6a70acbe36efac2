package io.crawlseq.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parse_normalisesToCompactTextSoEqualDocumentsAreEqual() {
        assertThat(Json.parse("{ \"a\" : 1,\n \"b\": [true, null] }")).isEqualTo(Json.parse("{\"a\":1,\"b\":[true,null]}"));
        assertThat(Json.parse("{\"x\": 0.1}").text()).isEqualTo("{\"x\":0.1}");
        assertThat(Json.parse("{\"big\": 12345678901234567890.5}").text()).isEqualTo("{\"big\":12345678901234567890.5}");
    }

    @Test
    void parse_refusesMalformedAndTrailingContent() {
        assertThatThrownBy(() -> Json.parse("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("{} {}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("[".repeat(5000) + "]".repeat(5000)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void node_returnsACopy() {
        Json json = Json.parse("{\"a\":1}");

        ((ObjectNode) json.node()).put("a", 2);

        assertThat(json.text()).isEqualTo("{\"a\":1}");
    }
}

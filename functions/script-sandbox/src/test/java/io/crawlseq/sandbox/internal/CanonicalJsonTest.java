package io.crawlseq.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keyOrder_doesNotMatter_butArrayOrderAndValuesDo() throws Exception {
        String a = CanonicalJson.of(JSON.readTree("{\"b\": 1, \"a\": {\"y\": [1, 2], \"x\": \"s\"}}"));

        assertThat(CanonicalJson.of(JSON.readTree("{\"a\": {\"x\": \"s\", \"y\": [1, 2]}, \"b\": 1}"))).isEqualTo(a);
        assertThat(CanonicalJson.of(JSON.readTree("{\"a\": {\"x\": \"s\", \"y\": [2, 1]}, \"b\": 1}"))).isNotEqualTo(a);
        assertThat(CanonicalJson.of(JSON.readTree("{\"a\": {\"x\": \"s\", \"y\": [1, 2]}, \"b\": \"1\"}"))).isNotEqualTo(a);
    }

    /** Property: shuffling the keys of every object (at any depth) keeps the canonical form. */
    @RepeatedTest(20)
    void shuffledKeys_keepTheCanonicalForm(org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(7_000L + repetition.getCurrentRepetition());
        JsonNode original = randomValue(random, 0);

        JsonNode shuffled = shuffle(original, random);

        assertThat(CanonicalJson.of(shuffled)).isEqualTo(CanonicalJson.of(original));
    }

    private static JsonNode randomValue(Random random, int depth) {
        int kind = depth > 3 ? random.nextInt(3) : random.nextInt(5);
        return switch (kind) {
            case 0 -> JSON.getNodeFactory().textNode("s" + random.nextInt(5) + "\"\n");
            case 1 -> JSON.getNodeFactory().numberNode(random.nextInt(100));
            case 2 -> JSON.getNodeFactory().booleanNode(random.nextBoolean());
            case 3 -> {
                ArrayNode array = JSON.createArrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = JSON.createObjectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set("k" + random.nextInt(10), randomValue(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static JsonNode shuffle(JsonNode node, Random random) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.shuffle(names, random);
            ObjectNode copy = JSON.createObjectNode();
            names.forEach(name -> copy.set(name, shuffle(node.get(name), random)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(shuffle(element, random)));
            return copy;
        }
        return node;
    }
}

package io.crawlseq.engine.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Random;

/** Random JSON values for property tests (seeded by the caller). */
final class RandomJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RandomJson() {
    }

    static JsonNode value(Random random, int depth) {
        int kind = depth == 0 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> NODES.numberNode(random.nextInt(100));
            case 1 -> NODES.textNode("s" + random.nextInt(10));
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> {
                ObjectNode object = NODES.objectNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    object.set("k" + random.nextInt(6) + (random.nextBoolean() ? " x" : ""), value(random, depth - 1));
                }
                yield object;
            }
            default -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(value(random, depth - 1));
                }
                yield array;
            }
        };
    }
}

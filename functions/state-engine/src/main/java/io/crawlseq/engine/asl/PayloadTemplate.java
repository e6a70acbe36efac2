package io.crawlseq.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.internal.Json;
import io.crawlseq.engine.intrinsic.IntrinsicExpression;
import io.crawlseq.engine.intrinsic.IntrinsicFailure;
import io.crawlseq.engine.jsonpath.JsonPath;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A compiled payload template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector}): keys
 * ending in {@code .$} take the value of a path or an intrinsic function call, other values are copied.
 * Parts without {@code .$} keys are kept as constants and shared between evaluations, so the engine never
 * mutates a produced payload in place. Immutable and thread-safe.
 */
public final class PayloadTemplate {

    private final JsonNode source;
    private final Part root;

    PayloadTemplate(JsonNode source, Part root) {
        this.source = source;
        this.root = root;
    }

    /** The template as written in the definition. */
    public JsonNode source() {
        return source;
    }

    /**
     * Builds the payload. Paths read {@code input} ({@code $...}) or {@code context} ({@code $$...}).
     *
     * @throws PayloadFailure when a path finds nothing or an intrinsic function fails; Step Functions
     *                        reports both as {@code States.Runtime}
     */
    public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context, Random random) {
        return root.evaluate(input, context, random);
    }

    /** A template part. */
    sealed interface Part {
        JsonNode evaluate(JsonNode input, Supplier<JsonNode> context, Random random);
    }

    record Constant(JsonNode value) implements Part {
        @Override
        public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context, Random random) {
            return value;
        }
    }

    record Field(String key, Part value) {
    }

    record ObjectPart(List<Field> fields) implements Part {
        @Override
        public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context, Random random) {
            ObjectNode out = Json.object();
            for (Field field : fields) {
                out.set(field.key(), field.value().evaluate(input, context, random));
            }
            return out;
        }
    }

    record ArrayPart(List<Part> elements) implements Part {
        @Override
        public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context, Random random) {
            ArrayNode out = Json.NODES.arrayNode(elements.size());
            for (Part element : elements) {
                out.add(element.evaluate(input, context, random));
            }
            return out;
        }
    }

    /** {@code "key.$": "$.path"}; {@code field} is the key as written, for messages. */
    record PathPart(String field, JsonPath path) implements Part {
        @Override
        public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context, Random random) {
            JsonNode document = path.isContextPath() ? context.get() : input;
            return path.find(document).orElseThrow(() -> new PayloadFailure("The JSONPath '" + path.text()
                    + "' specified for the field '" + field + "' could not be found in the input '"
                    + Json.render(document) + "'"));
        }
    }

    /** {@code "key.$": "States.Format(...)"}. */
    record IntrinsicPart(String field, IntrinsicExpression expression) implements Part {
        @Override
        public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context, Random random) {
            try {
                return expression.evaluate(input, context, random);
            } catch (IntrinsicFailure failure) {
                throw new PayloadFailure("The function '" + expression.text() + "' had the following error: "
                        + failure.getMessage());
            }
        }
    }

    /** A template could not be evaluated against this input; the message is the cause AWS would give. */
    public static final class PayloadFailure extends RuntimeException {
        public PayloadFailure(String message) {
            super(message, null, false, false);
        }
    }
}

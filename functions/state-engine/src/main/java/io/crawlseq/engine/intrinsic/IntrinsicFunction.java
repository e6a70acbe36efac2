package io.crawlseq.engine.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.internal.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The Step Functions intrinsic functions for the JSONPath query language, with their argument rules.
 * Limits follow the AWS documentation: ArrayRange yields at most 1,000 items, the Base64 and Hash
 * functions take at most 10,000 characters, JsonMerge only merges shallowly.
 */
public enum IntrinsicFunction {

    FORMAT("States.Format", 1, Integer.MAX_VALUE) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            FormatTemplate template = call.arguments().getFirst() instanceof IntrinsicArgument.StringLiteral literal
                    ? FormatTemplate.fromEscaped(literal.raw())
                    : FormatTemplate.fromValue(text(args, 0));
            List<JsonNode> values = args.subList(1, args.size());
            if (template.placeholders() != values.size()) {
                throw new IntrinsicFailure("The number of arguments (" + values.size()
                        + ") does not match the number of placeholders '{}' (" + template.placeholders() + ")");
            }
            return Json.NODES.textNode(template.fill(values.stream().map(IntrinsicFunction::formatValue).toList()));
        }
    },
    STRING_TO_JSON("States.StringToJson", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            String text = text(args, 0);
            try {
                return Json.parse(text);
            } catch (JsonProcessingException e) {
                throw new IntrinsicFailure("The argument is not valid JSON: " + e.getOriginalMessage());
            }
        }
    },
    JSON_TO_STRING("States.JsonToString", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            return Json.NODES.textNode(Json.render(args.getFirst()));
        }
    },
    ARRAY("States.Array", 0, Integer.MAX_VALUE) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            ArrayNode array = Json.NODES.arrayNode(args.size());
            args.forEach(array::add);
            return array;
        }
    },
    ARRAY_PARTITION("States.ArrayPartition", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            JsonNode array = array(args, 0);
            long size = integer(args, 1);
            if (size <= 0) {
                throw new IntrinsicFailure("The chunk size must be a positive integer, but it is " + size);
            }
            ArrayNode chunks = Json.NODES.arrayNode();
            ArrayNode chunk = null;
            for (int i = 0; i < array.size(); i++) {
                if (i % size == 0) {
                    chunk = chunks.addArray();
                }
                chunk.add(array.get(i));
            }
            return chunks;
        }
    },
    ARRAY_CONTAINS("States.ArrayContains", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            for (JsonNode element : array(args, 0)) {
                if (Json.equal(element, args.get(1))) {
                    return Json.NODES.booleanNode(true);
                }
            }
            return Json.NODES.booleanNode(false);
        }
    },
    ARRAY_RANGE("States.ArrayRange", 3, 3) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            long start = integer(args, 0);
            long end = integer(args, 1);
            long step = integer(args, 2);
            if (step <= 0) {
                throw new IntrinsicFailure("The step must be a positive integer, but it is " + step);
            }
            long count = end < start ? 0 : (end - start) / step + 1;
            if (count > MAX_RANGE_ITEMS) {
                throw new IntrinsicFailure("The range would contain " + count + " items; at most "
                        + MAX_RANGE_ITEMS + " are allowed");
            }
            ArrayNode range = Json.NODES.arrayNode((int) count);
            for (long value = start; value <= end; value += step) {
                range.add(Json.number(value));
            }
            return range;
        }
    },
    ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            JsonNode array = array(args, 0);
            long index = integer(args, 1);
            if (index < 0 || index >= array.size()) {
                throw new IntrinsicFailure("The index " + index + " is out of bounds for an array of "
                        + array.size() + " items");
            }
            return array.get((int) index);
        }
    },
    ARRAY_LENGTH("States.ArrayLength", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            return Json.NODES.numberNode(array(args, 0).size());
        }
    },
    ARRAY_UNIQUE("States.ArrayUnique", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            ArrayNode unique = Json.NODES.arrayNode();
            for (JsonNode element : array(args, 0)) {
                boolean seen = false;
                for (JsonNode kept : unique) {
                    if (Json.equal(kept, element)) {
                        seen = true;
                        break;
                    }
                }
                if (!seen) {
                    unique.add(element);
                }
            }
            return unique;
        }
    },
    BASE64_ENCODE("States.Base64Encode", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            String text = limitedText(args, 0);
            return Json.NODES.textNode(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        }
    },
    BASE64_DECODE("States.Base64Decode", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            String text = limitedText(args, 0);
            try {
                return Json.NODES.textNode(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IntrinsicFailure("The argument is not valid Base64: " + e.getMessage());
            }
        }
    },
    HASH("States.Hash", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            String text = limitedText(args, 0);
            String algorithm = text(args, 1);
            if (!HASH_ALGORITHMS.contains(algorithm)) {
                throw new IntrinsicFailure("The hash algorithm '" + algorithm + "' is not one of "
                        + String.join(", ", HASH_ALGORITHMS.stream().sorted().toList()));
            }
            try {
                byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
                return Json.NODES.textNode(HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK provides " + algorithm, e);
            }
        }
    },
    JSON_MERGE("States.JsonMerge", 3, 3) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            ObjectNode first = object(args, 0);
            ObjectNode second = object(args, 1);
            JsonNode deep = args.get(2);
            if (!deep.isBoolean()) {
                throw new IntrinsicFailure("Argument 3 (deep merge) must be a boolean, but it is " + describe(deep));
            }
            if (deep.booleanValue()) {
                throw new IntrinsicFailure("Only shallow merging is supported; argument 3 must be false");
            }
            ObjectNode merged = first.deepCopy();
            merged.setAll(second);
            return merged;
        }
    },
    MATH_RANDOM("States.MathRandom", 2, 3) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            long start = integer(args, 0);
            long end = integer(args, 1);
            if (end < start) {
                throw new IntrinsicFailure("The end (" + end + ") must not be less than the start (" + start + ")");
            }
            Random source = args.size() == 3 ? new Random(integer(args, 2)) : random;
            return Json.number(start + (long) Math.floor(source.nextDouble() * (end - start + 1)));
        }
    },
    MATH_ADD("States.MathAdd", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            // Non-integers are rounded to the nearest integer first, as the AWS documentation states.
            return Json.number(rounded(args, 0) + rounded(args, 1));
        }
    },
    STRING_SPLIT("States.StringSplit", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            String text = text(args, 0);
            String delimiters = text(args, 1);
            ArrayNode parts = Json.NODES.arrayNode();
            StringBuilder part = new StringBuilder();
            // Every character of the second argument is a delimiter; empty pieces are dropped.
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (delimiters.indexOf(c) >= 0) {
                    addIfNotEmpty(parts, part);
                } else {
                    part.append(c);
                }
            }
            addIfNotEmpty(parts, part);
            return parts;
        }
    },
    UUID("States.UUID", 0, 0) {
        @Override
        JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random) {
            return Json.NODES.textNode(randomUuid(random));
        }
    };

    private static final int MAX_RANGE_ITEMS = 1000;
    private static final int MAX_TEXT_LENGTH = 10_000;
    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private final String functionName;
    private final int minArguments;
    private final int maxArguments;

    IntrinsicFunction(String functionName, int minArguments, int maxArguments) {
        this.functionName = functionName;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    /** The name as written in a definition, e.g. {@code States.Format}. */
    public String functionName() {
        return functionName;
    }

    public int minArguments() {
        return minArguments;
    }

    public int maxArguments() {
        return maxArguments;
    }

    public static Optional<IntrinsicFunction> byName(String name) {
        for (IntrinsicFunction function : values()) {
            if (function.functionName.equals(name)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    /** Applies the function to evaluated arguments; {@code call} gives access to them as written. */
    abstract JsonNode apply(List<JsonNode> args, IntrinsicArgument.Call call, Random random);

    // ---- argument checks: each names the argument position (1-based) as AWS messages do ----

    private static String text(List<JsonNode> args, int index) {
        JsonNode value = args.get(index);
        if (!value.isTextual()) {
            throw new IntrinsicFailure("Argument " + (index + 1) + " must be a string, but it is " + describe(value));
        }
        return value.textValue();
    }

    private static String limitedText(List<JsonNode> args, int index) {
        String text = text(args, index);
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IntrinsicFailure("Argument " + (index + 1) + " has " + text.length()
                    + " characters; at most " + MAX_TEXT_LENGTH + " are allowed");
        }
        return text;
    }

    private static JsonNode array(List<JsonNode> args, int index) {
        JsonNode value = args.get(index);
        if (!value.isArray()) {
            throw new IntrinsicFailure("Argument " + (index + 1) + " must be an array, but it is " + describe(value));
        }
        return value;
    }

    private static ObjectNode object(List<JsonNode> args, int index) {
        JsonNode value = args.get(index);
        if (!value.isObject()) {
            throw new IntrinsicFailure("Argument " + (index + 1) + " must be an object, but it is " + describe(value));
        }
        return (ObjectNode) value;
    }

    private static long integer(List<JsonNode> args, int index) {
        JsonNode value = args.get(index);
        if (!Json.isInteger(value) || !value.canConvertToLong()) {
            throw new IntrinsicFailure("Argument " + (index + 1) + " must be an integer, but it is " + describe(value));
        }
        return value.longValue();
    }

    private static long rounded(List<JsonNode> args, int index) {
        JsonNode value = args.get(index);
        if (!value.isNumber()) {
            throw new IntrinsicFailure("Argument " + (index + 1) + " must be a number, but it is " + describe(value));
        }
        return value.isIntegralNumber() ? value.longValue() : Math.round(value.doubleValue());
    }

    static String describe(JsonNode value) {
        String rendered = Json.render(value);
        String kind = switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
        return value.isNull() ? kind : kind + " (" + (rendered.length() > 80 ? rendered.substring(0, 77) + "..." : rendered) + ")";
    }

    private static void addIfNotEmpty(ArrayNode parts, StringBuilder part) {
        if (!part.isEmpty()) {
            parts.add(part.toString());
            part.setLength(0);
        }
    }

    /**
     * Renders a Format argument the way Step Functions does: strings as they are, other scalars as JSON,
     * objects and arrays in the Java collection style {@code {a=1, b=[x, y]}} that AWS produces.
     */
    static String formatValue(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.elements().forEachRemaining(element -> parts.add(formatValue(element)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                parts.add(field.getKey() + "=" + formatValue(field.getValue()));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        return Json.render(value);
    }

    private static String randomUuid(Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        String hex = HexFormat.of().formatHex(bytes);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}

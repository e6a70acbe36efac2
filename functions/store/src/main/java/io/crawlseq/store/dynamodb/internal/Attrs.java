package io.crawlseq.store.dynamodb.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Building and reading attribute values. Not public API. */
final class Attrs {

    private Attrs() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue n(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("DynamoDB numbers must be finite, was " + value);
        }
        return AttributeValue.fromN(java.math.BigDecimal.valueOf(value).toPlainString());
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    static AttributeValue counters(Map<String, Long> counters) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        counters.forEach((k, v) -> m.put(k, n(v)));
        return AttributeValue.fromM(m);
    }

    static AttributeValue map(Map<String, AttributeValue> values) {
        return AttributeValue.fromM(values);
    }

    static String string(Map<String, AttributeValue> item, String name) {
        return optString(item, name).orElseThrow(() -> missing(name));
    }

    static Optional<String> optString(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? Optional.empty() : Optional.of(v.s());
    }

    static long number(Map<String, AttributeValue> item, String name) {
        return optNumber(item, name).orElseThrow(() -> missing(name));
    }

    static Optional<Long> optNumber(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? Optional.empty() : Optional.of(Long.parseLong(v.n()));
    }

    static double decimal(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.n() == null) {
            throw missing(name);
        }
        return Double.parseDouble(v.n());
    }

    static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }

    static Map<String, Long> counters(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        Map<String, Long> out = new LinkedHashMap<>();
        if (v != null && v.hasM()) {
            v.m().forEach((k, value) -> out.put(k, Long.parseLong(value.n())));
        }
        return out;
    }

    static Optional<Map<String, AttributeValue>> optMap(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasM() ? Optional.empty() : Optional.of(v.m());
    }

    private static IllegalStateException missing(String name) {
        return new IllegalStateException("stored item lacks attribute '" + name + "'");
    }
}

package io.crawlseq.engine.jsonpath;

import java.util.List;

/** One step of a compiled {@link JsonPath}. Only {@link Field} and {@link Index} select a single node. */
public sealed interface PathSegment {

    /** {@code .name} or {@code ['name']}. */
    record Field(String name) implements PathSegment {
    }

    /** {@code [3]}; a negative index counts from the end of the array. */
    record Index(int index) implements PathSegment {
    }

    /** {@code .*} or {@code [*]}: every element of an array or every value of an object. */
    record Wildcard() implements PathSegment {
    }

    /** {@code [start:end:step]} with Python-like bounds; nulls are the defaults. */
    record Slice(Integer start, Integer end, Integer step) implements PathSegment {
    }

    /** {@code ['a','b']} or {@code [0,2]}. */
    record Union(List<PathSegment> members) implements PathSegment {
        public Union {
            members = List.copyOf(members);
        }
    }

    /** {@code [?(expression)]}: the array elements (or object values) for which the expression holds. */
    record Filter(FilterExpression expression) implements PathSegment {
    }

    /** {@code ..name}, {@code ..*} or {@code ..[...]}: the inner segment applied at every depth. */
    record DeepScan(PathSegment inner) implements PathSegment {
    }

    default boolean selectsOneNode() {
        return this instanceof Field || this instanceof Index;
    }
}

package io.crawlseq.lang.expr;

import java.util.Objects;
import java.util.function.Function;

/** Either a parsed value or the first syntax error; parsing never throws on bad input. */
public sealed interface ParseResult<T> {

    record Ok<T>(T value) implements ParseResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Failed<T>(SyntaxError error) implements ParseResult<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; throws {@link IllegalStateException} when parsing failed (a caller bug). */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("parse failed: " + ((Failed<T>) this).error());
    }

    default <R> R fold(Function<T, R> onOk, Function<SyntaxError, R> onError) {
        return switch (this) {
            case Ok<T> ok -> onOk.apply(ok.value());
            case Failed<T> failed -> onError.apply(failed.error());
        };
    }
}

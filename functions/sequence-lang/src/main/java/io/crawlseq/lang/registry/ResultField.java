package io.crawlseq.lang.registry;

import io.crawlseq.lang.types.DataType;
import java.util.Objects;

/**
 * A field of a command's result envelope.
 *
 * @param capped true for lists that the envelope truncates (full list kept in the store; see
 *               {@link LambdaSettings} and SPEC §2 on the 256 KiB payload limit)
 */
public record ResultField(String name, DataType type, String description, boolean capped) {

    public ResultField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    public static ResultField of(String name, DataType type, String description) {
        return new ResultField(name, type, description, false);
    }

    public static ResultField cappedList(String name, DataType itemType, String description) {
        return new ResultField(name, DataType.arrayOf(itemType), description, true);
    }
}

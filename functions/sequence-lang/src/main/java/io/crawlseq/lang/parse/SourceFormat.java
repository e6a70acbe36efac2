package io.crawlseq.lang.parse;

import java.util.Locale;
import java.util.Optional;

/** The two syntaxes a sequence may be written in, chosen by file name. */
public enum SourceFormat {
    JSON, YAML;

    /** {@code .json} → JSON, {@code .yaml}/{@code .yml} → YAML (case-insensitive); anything else is empty. */
    public static Optional<SourceFormat> ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return Optional.of(JSON);
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return Optional.of(YAML);
        }
        return Optional.empty();
    }
}

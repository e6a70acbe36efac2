package io.crawlseq.sandbox;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of {@link ScriptError}; {@link #id()} is the {@code type} in the JSON form. */
public enum ErrorType {
    SYNTAX, RUNTIME, SECURITY, TIMEOUT, RESOURCE, NETWORK, PARSE, REQUEST;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

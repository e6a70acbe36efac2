package io.crawlseq.engine.asl;

import io.crawlseq.engine.jsonpath.JsonPath;

import java.util.List;
import java.util.Optional;

/**
 * One element of {@code Catch}.
 *
 * @param resultPath where the error output {@code {Error, Cause}} goes in the state's input; empty
 *                   when ResultPath is null (the input passes through unchanged); {@code $} by default
 */
public record Catcher(List<String> errorEquals, Optional<JsonPath> resultPath, String next) {

    public Catcher {
        errorEquals = List.copyOf(errorEquals);
    }
}

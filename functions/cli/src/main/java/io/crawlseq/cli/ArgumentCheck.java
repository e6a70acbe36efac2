package io.crawlseq.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.load.LoadResult;
import io.crawlseq.lang.load.SequenceLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks {@code command --arg} values with the language's own validation: the arguments go into a
 * one-step sequence, and its diagnostics come back labelled with the {@code --arg} key they are
 * about. Same rules, same messages as in a sequence file.
 */
final class ArgumentCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARGS = "/steps/0/args";

    private ArgumentCheck() {
    }

    /** Error lines ({@code --arg politeness.delayMs: 'politeness.delayMs' must be between 0 and 60000; found '-5'}). */
    static List<String> problems(String command, ObjectNode args) {
        ObjectNode doc = JSON.createObjectNode().put("type", "Sequence");
        doc.putArray("steps").addObject().put("type", "Command").put("command", command).set("args", args);
        LoadResult load = SequenceLoader.load("--arg.json", doc.toString().getBytes(StandardCharsets.UTF_8));
        return load.diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> label(d.pointer()) + ": " + d.message() + " [" + d.code().id() + "]").toList();
    }

    /** {@code /steps/0/args/politeness/delayMs} → {@code --arg politeness.delayMs}. */
    private static String label(String pointer) {
        if (!pointer.startsWith(ARGS)) {
            return "--arg";
        }
        String rest = pointer.substring(ARGS.length());
        if (rest.isEmpty()) {
            return "--arg";
        }
        StringBuilder key = new StringBuilder();
        for (String token : rest.substring(1).split("/", -1)) {
            key.append(key.length() == 0 ? "" : ".").append(token.replace("~1", "/").replace("~0", "~"));
        }
        return "--arg " + key;
    }
}

package io.crawlseq.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import picocli.CommandLine.ParameterException;

/**
 * {@code key=value} options ({@code --context}, {@code --arg}): dotted keys build nested objects
 * ({@code politeness.delayMs=0}), values that parse as JSON keep their type ({@code 5},
 * {@code true}, {@code ["FR","DE"]}), anything else is a string ({@code US}, {@code https://x/}).
 */
final class KeyValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyValues() {
    }

    static ObjectNode parse(List<String> pairs, String optionName, picocli.CommandLine commandLine) {
        ObjectNode root = JSON.createObjectNode();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(commandLine,
                        optionName + " expects KEY=VALUE (e.g. " + optionName + " country=FR), got '" + pair + "'");
            }
            String[] keys = pair.substring(0, eq).split("\\.", -1);
            for (String key : keys) {
                if (key.isEmpty()) {
                    throw new ParameterException(commandLine, optionName + ": empty key segment in '" + pair + "'");
                }
            }
            ObjectNode target = root;
            for (int i = 0; i < keys.length - 1; i++) {
                JsonNode child = target.get(keys[i]);
                if (!(child instanceof ObjectNode)) {
                    child = target.putObject(keys[i]);
                }
                target = (ObjectNode) child;
            }
            target.set(keys[keys.length - 1], value(pair.substring(eq + 1)));
        }
        return root;
    }

    static JsonNode value(String text) {
        try {
            JsonNode parsed = JSON.readTree(text);
            // readTree("") is a MissingNode; a bare word is not JSON: both stay strings
            return parsed == null || parsed.isMissingNode() ? TextNode.valueOf(text) : parsed;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}

package io.crawlseq.lang.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.model.SequenceVersion;
import io.crawlseq.lang.parse.SourceMap;
import java.util.Optional;

/** Tells v1 (an array) from v2 (an object with {@code "type": "Sequence"}) by the root alone. */
public final class VersionDetector {

    /** The version, or the diagnostic explaining why the root is neither. */
    public record Detection(Optional<SequenceVersion> version, Optional<Diagnostic> problem) {
    }

    private VersionDetector() {
    }

    public static Detection detect(JsonNode root, SourceMap map) {
        if (root.isArray()) {
            return found(SequenceVersion.V1);
        }
        if (root.isObject()) {
            JsonNode type = root.get("type");
            if (type == null) {
                String hint = root.has("steps") ? "; add \"type\": \"Sequence\"" : "";
                return problem("", map, "a v2 sequence is an object with \"type\": \"Sequence\"; this object has no "
                        + "\"type\"" + hint + " (a v1 sequence is an array of commands)");
            }
            if (type.isTextual() && type.asText().equals("Sequence")) {
                return found(SequenceVersion.V2);
            }
            return problem("/type", map, "the root \"type\" must be \"Sequence\"; found " + SchemaMessages.describeValue(type));
        }
        return problem("", map, "a sequence is an array of commands (v1) or an object with \"type\": \"Sequence\" (v2); "
                + "found " + SchemaMessages.describeValue(root));
    }

    private static Detection found(SequenceVersion version) {
        return new Detection(Optional.of(version), Optional.empty());
    }

    private static Detection problem(String pointer, SourceMap map, String message) {
        return new Detection(Optional.empty(), Optional.of(
                Diagnostic.of(DiagnosticCode.UNKNOWN_DOCUMENT_VERSION, message, pointer, map.locate(pointer))));
    }
}

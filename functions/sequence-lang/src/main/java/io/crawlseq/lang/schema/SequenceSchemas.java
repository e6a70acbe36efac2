package io.crawlseq.lang.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.diag.Quote;
import io.crawlseq.lang.model.SequenceVersion;
import io.crawlseq.lang.parse.Pointers;
import io.crawlseq.lang.parse.SourceMap;
import io.crawlseq.lang.registry.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Layer 1: the shape of a document, checked against the JSON Schemas in
 * {@code io/crawlseq/lang/schema/} (draft 2020-12, networknt json-schema-validator). The schemas
 * dispatch v2 steps on their {@code type} with if/then, so the validator reports only the branch
 * that applies; this class turns its messages into one readable diagnostic per problem.
 */
public final class SequenceSchemas {

    /** Resource paths of the schemas, also published for editors and other tools. */
    public static final String V1_RESOURCE = "/io/crawlseq/lang/schema/sequence-v1.schema.json";
    public static final String V2_RESOURCE = "/io/crawlseq/lang/schema/sequence-v2.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Keys people write for ours, often from other workflow languages; suggested when the spelling is far off. */
    private static final java.util.Map<String, String> KNOWN_ALIASES = java.util.Map.of(
            "arguments", "args", "params", "args", "parameters", "args", "input", "args",
            "cmd", "command", "condition", "if", "body", "do", "items", "each", "nodes", "steps");

    private static final class Holder {
        static final Loaded V1 = Loaded.of(V1_RESOURCE);
        static final Loaded V2 = Loaded.of(V2_RESOURCE);
    }

    private record Loaded(JsonNode raw, JsonSchema schema) {
        static Loaded of(String resource) {
            try (InputStream in = SequenceSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("schema resource missing: " + resource);
                }
                JsonNode raw = MAPPER.readTree(in);
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
                JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(raw, config);
                return new Loaded(raw, schema);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + resource, e);
            }
        }
    }

    private SequenceSchemas() {
    }

    /** The raw schema document (for publishing, e.g. as an editor schema). */
    public static JsonNode schema(SequenceVersion version) {
        return loaded(version).raw().deepCopy();
    }

    /**
     * Checks the document's shape. Diagnostics at or below {@code silenced} pointers (values the
     * reader already reported) are left out.
     */
    public static List<Diagnostic> validate(JsonNode root, SequenceVersion version, SourceMap map,
                                            Predicate<String> silenced) {
        Loaded loaded = loaded(version);
        Set<ValidationMessage> messages = loaded.schema().validate(root);
        List<Found> found = new ArrayList<>();
        for (ValidationMessage m : messages) {
            found.add(new Found(m, pointer(m.getInstanceLocation()), m.getEvaluationPath().getNameCount()));
        }
        return new Mapper(loaded.raw(), root, map).map(denoise(found, silenced));
    }

    private static Loaded loaded(SequenceVersion version) {
        return version == SequenceVersion.V1 ? Holder.V1 : Holder.V2;
    }

    private record Found(ValidationMessage message, String pointer, int depth) {
        String keyword() {
            return message.getType();
        }
    }

    /**
     * A wrong type makes every other complaint about the same value (or below it) noise; of several
     * complaints about one value and keyword, the outermost schema's is kept.
     */
    private static List<Found> denoise(List<Found> found, Predicate<String> silenced) {
        Set<String> wrongType = new HashSet<>();
        found.stream().filter(f -> f.keyword().equals("type")).forEach(f -> wrongType.add(f.pointer()));
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Found::depth));
        Set<String> seen = new LinkedHashSet<>();
        List<Found> kept = new ArrayList<>();
        for (Found f : sorted) {
            if (silenced.test(f.pointer()) || isBelowWrongType(f, wrongType)) {
                continue;
            }
            String identity = f.pointer() + "|" + f.keyword() + "|" + f.message().getProperty();
            if (seen.add(identity)) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static boolean isBelowWrongType(Found f, Set<String> wrongType) {
        for (String p : wrongType) {
            if (Pointers.isWithin(f.pointer(), p) && !(f.pointer().equals(p) && f.keyword().equals("type"))) {
                return true;
            }
        }
        return false;
    }

    static String pointer(JsonNodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            sb.append('/').append(element instanceof Integer n ? n.toString() : Pointers.escape(String.valueOf(element)));
        }
        return sb.toString();
    }

    /** Turns one validator message into a diagnostic in user terms. */
    private static final class Mapper {
        private final JsonNode schema;
        private final JsonNode document;
        private final SourceMap map;

        Mapper(JsonNode schema, JsonNode document, SourceMap map) {
            this.schema = schema;
            this.document = document;
            this.map = map;
        }

        List<Diagnostic> map(List<Found> found) {
            // A misspelt required key is one mistake: report the unknown key (with "did you mean")
            // and not also the missing one.
            Set<String> suggestedKeys = new HashSet<>();
            for (Found f : found) {
                if (f.keyword().equals("additionalProperties")) {
                    suggestKey(f.message().getProperty(), allowedKeys(f))
                            .ifPresent(s -> suggestedKeys.add(Pointers.member(f.pointer(), s)));
                }
            }
            List<Diagnostic> out = new ArrayList<>();
            for (Found f : found) {
                if (f.keyword().equals("required")
                        && suggestedKeys.contains(Pointers.member(f.pointer(), f.message().getProperty()))) {
                    continue;
                }
                out.add(diagnostic(f));
            }
            return out;
        }

        private Diagnostic diagnostic(Found f) {
            ValidationMessage m = f.message();
            String pointer = f.pointer();
            JsonNode value = document.at(pointer);
            JsonNode keywordSchema = m.getSchemaNode();
            return switch (f.keyword()) {
                case "type" -> at(DiagnosticCode.WRONG_TYPE, pointer,
                        subject(pointer) + " must be " + SchemaMessages.typeWords(keywordSchema) + "; found "
                                + SchemaMessages.describeValue(value));
                case "required" -> missingKey(pointer, m.getProperty(), f);
                case "additionalProperties" -> unknownKey(pointer, m.getProperty(), f);
                case "enum", "const" -> badChoice(pointer, value, keywordSchema);
                case "minimum" -> at(DiagnosticCode.INVALID_VALUE, pointer,
                        subject(pointer) + " must be at least " + keywordSchema.asText() + describedAs(f) + "; found "
                                + Quote.shorten(value.asText()));
                case "maximum" -> at(DiagnosticCode.INVALID_VALUE, pointer,
                        subject(pointer) + " must be at most " + keywordSchema.asText() + describedAs(f) + "; found "
                                + Quote.shorten(value.asText()));
                case "pattern", "maxLength", "minLength" -> at(DiagnosticCode.INVALID_VALUE, pointer,
                        subject(pointer) + " must be " + description(f).orElse("valid") + "; found "
                                + SchemaMessages.describeValue(value));
                default -> at(DiagnosticCode.INVALID_VALUE, pointer,
                        subject(pointer) + " is not valid here (" + f.keyword() + ")");
            };
        }

        private Diagnostic missingKey(String pointer, String key, Found f) {
            JsonNode object = document.at(pointer);
            if (key.equals("type") && isStepPointer(pointer)) {
                String hint = object.has("command") ? "; it has \"command\", so probably \"type\": \"Command\""
                        : object.has("if") ? "; it has \"if\", so probably \"type\": \"Conditional\""
                        : object.has("each") ? "; it has \"each\", so probably \"type\": \"ForEach\"" : "";
                return at(DiagnosticCode.MISSING_KEY, pointer,
                        "a step needs a \"type\": Command, Conditional or ForEach" + hint);
            }
            String owner = ownerDescription(f).orElse("this object");
            return at(DiagnosticCode.MISSING_KEY, pointer, owner + " needs the key " + Quote.of(key));
        }

        private Diagnostic unknownKey(String pointer, String key, Found f) {
            String keyPointer = Pointers.member(pointer, key);
            List<String> allowed = allowedKeys(f);
            Optional<String> suggestion = suggestKey(key, allowed);
            String owner = ownerDescription(f).orElse("this object");
            String message = "unknown key " + Quote.of(key) + " in " + owner
                    + suggestion.map(s -> "; did you mean " + Quote.of(s) + "?")
                    .orElse(allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", allowed));
            return Diagnostic.of(DiagnosticCode.UNKNOWN_KEY, message, keyPointer, map.locateKey(keyPointer));
        }

        private static Optional<String> suggestKey(String key, List<String> allowed) {
            Optional<String> close = Suggestions.closest(key, allowed);
            if (close.isPresent()) {
                return close;
            }
            String alias = KNOWN_ALIASES.get(key);
            return alias != null && allowed.contains(alias) ? Optional.of(alias) : Optional.empty();
        }

        private Diagnostic badChoice(String pointer, JsonNode value, JsonNode choices) {
            List<String> options = new ArrayList<>();
            if (choices.isArray()) {
                choices.forEach(c -> options.add(c.asText()));
            } else {
                options.add(choices.asText());
            }
            Optional<String> suggestion = value.isTextual() ? Suggestions.closest(value.asText(), options) : Optional.empty();
            String didYouMean = suggestion.map(s -> "; did you mean " + Quote.of(s) + "?").orElse("");
            if (pointer.endsWith("/type") && isStepPointer(Pointers.parent(pointer))) {
                return at(DiagnosticCode.UNKNOWN_NODE_TYPE, pointer, "unknown step type "
                        + (value.isTextual() ? Quote.of(value.asText()) : SchemaMessages.describeValue(value))
                        + didYouMean + (suggestion.isEmpty() ? "; a step is a Command, Conditional or ForEach" : ""));
            }
            return at(DiagnosticCode.INVALID_VALUE, pointer, subject(pointer) + " must be "
                    + SchemaMessages.alternatives(options) + "; found " + SchemaMessages.describeValue(value) + didYouMean);
        }

        private Diagnostic at(DiagnosticCode code, String pointer, String message) {
            return Diagnostic.of(code, message, pointer, map.locate(pointer));
        }

        /** {@code 'timeout'} for a member, {@code a step} for a step, {@code the item} for other array items. */
        private String subject(String pointer) {
            if (pointer.isEmpty()) {
                return "the document";
            }
            if (isStepPointer(pointer)) {
                return "a step";
            }
            String token = Pointers.lastToken(pointer);
            if (document.at(Pointers.parent(pointer)).isArray()) {
                return "item " + token + " of " + Quote.of(Pointers.lastToken(Pointers.parent(pointer)));
            }
            return Quote.of(token);
        }

        /** Steps live in the v1 root array or in steps/then/else/do arrays. */
        private boolean isStepPointer(String pointer) {
            if (pointer.isEmpty() || !Pointers.lastToken(pointer).matches("\\d+")) {
                return false;
            }
            String parent = Pointers.parent(pointer);
            if (parent.isEmpty()) {
                return document.isArray();
            }
            return switch (Pointers.lastToken(parent)) {
                case "steps", "then", "else", "do" -> true;
                default -> false;
            };
        }

        /** The description of the subschema holding the failing keyword, e.g. an id's identifier rule. */
        private Optional<String> description(Found f) {
            JsonNode owner = ownerSchema(f);
            return owner != null && owner.hasNonNull("description")
                    ? Optional.of(owner.get("description").asText()) : Optional.empty();
        }

        private String describedAs(Found f) {
            return description(f).map(d -> " (" + d + ")").orElse("");
        }

        private Optional<String> ownerDescription(Found f) {
            if (f.pointer().isEmpty()) {
                return Optional.of(document.isArray() ? "the sequence" : "the Sequence object");
            }
            return description(f);
        }

        private List<String> allowedKeys(Found f) {
            JsonNode owner = ownerSchema(f);
            List<String> keys = new ArrayList<>();
            if (owner != null && owner.has("properties")) {
                owner.get("properties").fieldNames().forEachRemaining(keys::add);
            }
            return keys;
        }

        /** The schema object that contains the failing keyword. */
        private JsonNode ownerSchema(Found f) {
            JsonNodePath fragment = f.message().getSchemaLocation().getFragment();
            if (fragment == null || fragment.getNameCount() == 0) {
                return schema;
            }
            JsonNode node = schema.at(pointer(fragment.getParent()));
            return node.isMissingNode() ? null : node;
        }
    }
}

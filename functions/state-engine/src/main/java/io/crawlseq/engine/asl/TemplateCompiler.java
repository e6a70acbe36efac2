package io.crawlseq.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.asl.DefinitionProblem.Code;
import io.crawlseq.engine.internal.Json;
import io.crawlseq.engine.intrinsic.IntrinsicExpression;
import io.crawlseq.engine.intrinsic.InvalidIntrinsicException;
import io.crawlseq.engine.jsonpath.JsonPath;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles payload templates: {@code .$} keys become path or intrinsic parts (checked now, so a
 * malformed one is a definition problem at its key), everything else stays constant.
 */
final class TemplateCompiler {

    private final List<DefinitionProblem> problems;

    TemplateCompiler(List<DefinitionProblem> problems) {
        this.problems = problems;
    }

    /** The template in {@code field}, or null when absent or (reported) not an object where one is required. */
    PayloadTemplate template(FieldReader fields, String field, boolean mustBeObject) {
        JsonNode node = fields.raw(field);
        if (node == null) {
            return null;
        }
        if (mustBeObject && !node.isObject()) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, field, field + " must be an object, not " + FieldReader.kind(node));
            return null;
        }
        return new PayloadTemplate(node, part(node, fields.at(field)));
    }

    private PayloadTemplate.Part part(JsonNode node, String location) {
        if (node.isObject()) {
            List<PayloadTemplate.Field> parts = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            boolean dynamic = false;
            Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                String key = entry.getKey();
                String fieldLocation = FieldReader.child(location, key);
                PayloadTemplate.Part value;
                String outputKey = key;
                if (key.endsWith(".$")) {
                    outputKey = key.substring(0, key.length() - 2);
                    value = dynamicValue(key, entry.getValue(), fieldLocation);
                    dynamic = true;
                } else {
                    value = part(entry.getValue(), fieldLocation);
                    dynamic |= !(value instanceof PayloadTemplate.Constant);
                }
                if (!keys.add(outputKey)) {
                    problems.add(new DefinitionProblem(Code.SCHEMA_VALIDATION_FAILED, fieldLocation,
                            "The key '" + outputKey + "' appears twice once '.$' is removed"));
                }
                parts.add(new PayloadTemplate.Field(outputKey, value));
            }
            return dynamic ? new PayloadTemplate.ObjectPart(parts) : new PayloadTemplate.Constant(node);
        }
        if (node.isArray()) {
            List<PayloadTemplate.Part> elements = new ArrayList<>();
            boolean dynamic = false;
            for (int i = 0; i < node.size(); i++) {
                PayloadTemplate.Part element = part(node.get(i), FieldReader.element(location, i));
                elements.add(element);
                dynamic |= !(element instanceof PayloadTemplate.Constant);
            }
            return dynamic ? new PayloadTemplate.ArrayPart(elements) : new PayloadTemplate.Constant(node);
        }
        return new PayloadTemplate.Constant(node);
    }

    private PayloadTemplate.Part dynamicValue(String key, JsonNode value, String location) {
        PayloadTemplate.Part placeholder = new PayloadTemplate.Constant(Json.NODES.nullNode());
        if (!value.isTextual()) {
            problems.add(new DefinitionProblem(Code.SCHEMA_VALIDATION_FAILED, location,
                    "The value of '" + key + "' must be a JSONPath or an intrinsic function call, not " + FieldReader.kind(value)));
            return placeholder;
        }
        String text = value.textValue();
        if (text.startsWith("$")) {
            JsonPath path = FieldReader.compilePath(text, location, false, problems);
            return path == null ? placeholder : new PayloadTemplate.PathPart(key, path);
        }
        if (IntrinsicExpression.looksLikeCall(text)) {
            try {
                return new PayloadTemplate.IntrinsicPart(key, IntrinsicExpression.compile(text));
            } catch (InvalidIntrinsicException e) {
                problems.add(new DefinitionProblem(Code.INVALID_INTRINSIC_FUNCTION, location, e.getMessage()));
                return placeholder;
            }
        }
        problems.add(new DefinitionProblem(Code.INVALID_JSON_PATH, location,
                "The value of '" + key + "' must start with '$' (a path) or 'States.' (an intrinsic function): '" + text + "'"));
        return placeholder;
    }
}

package io.crawlseq.lang.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.expr.ParseResult;
import io.crawlseq.lang.expr.Template;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns arguments with {@code {{templates}}} into an ASL payload template: a whole-value template
 * becomes a {@code "key.$": "$.path"} reference (keeping the value's type), a template inside text
 * becomes {@code States.Format}, and an array holding templates becomes {@code States.Array}.
 */
final class TemplateCompiler {

    private final Scope scope;
    private final List<CompileIssue> issues;

    TemplateCompiler(Scope scope, List<CompileIssue> issues) {
        this.scope = scope;
        this.issues = issues;
    }

    /** Compiles an object of arguments; {@code pointer} is where the object sits in the sequence. */
    ObjectNode compileObject(ObjectNode args, String pointer) {
        ObjectNode out = args.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = args.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            String childPointer = pointer + "/" + escapePointer(key);
            if (key.endsWith(".$")) {
                issues.add(new CompileIssue(DiagnosticCode.TEMPLATE_NOT_COMPILABLE,
                        "argument names ending in '.$' would be read by Step Functions as paths", childPointer));
                continue;
            }
            if (value.isTextual() && Template.containsPlaceholder(value.textValue())) {
                out.put(key + ".$", stringExpression(value.textValue(), childPointer));
            } else if (value.isObject()) {
                out.set(key, compileObject((ObjectNode) value, childPointer));
            } else if (value.isArray() && containsPlaceholder(value)) {
                String array = arrayExpression((ArrayNode) value, childPointer);
                if (array != null) {
                    out.put(key + ".$", array);
                }
            } else {
                out.set(key, value.deepCopy());
            }
        }
        return out;
    }

    /** The path or intrinsic for a string holding placeholders. */
    String stringExpression(String text, String pointer) {
        ParseResult<Template> parsed = Template.parse(text);
        if (!(parsed instanceof ParseResult.Ok<Template> ok)) {
            throw new IllegalStateException("invalid template reached the compiler at " + pointer + ": " + text);
        }
        Template template = ok.value();
        if (template.isWholeValue()) {
            return scope.jsonPath(template.paths().getFirst());
        }
        StringBuilder format = new StringBuilder();
        List<String> arguments = new ArrayList<>();
        for (Template.Part part : template.parts()) {
            switch (part) {
                case Template.Text t -> format.append(escapeIntrinsicString(t.text()));
                case Template.Placeholder p -> {
                    format.append("{}");
                    arguments.add(scope.jsonPath(p.path()));
                }
            }
        }
        return "States.Format('" + format + "', " + String.join(", ", arguments) + ")";
    }

    private String arrayExpression(ArrayNode array, String pointer) {
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            String elementPointer = pointer + "/" + i;
            if (element.isTextual()) {
                elements.add(Template.containsPlaceholder(element.textValue())
                        ? stringExpression(element.textValue(), elementPointer)
                        : "'" + escapeIntrinsicString(element.textValue()) + "'");
            } else if (element.isNumber() || element.isBoolean() || element.isNull()) {
                elements.add(element.toString());
            } else {
                issues.add(new CompileIssue(DiagnosticCode.TEMPLATE_NOT_COMPILABLE,
                        "an array that uses {{templates}} may hold only strings, numbers, booleans and null; "
                                + "Step Functions cannot build nested objects or arrays inside it", elementPointer));
                return null;
            }
        }
        return "States.Array(" + String.join(", ", elements) + ")";
    }

    static boolean containsPlaceholder(JsonNode node) {
        if (node.isTextual()) {
            return Template.containsPlaceholder(node.textValue());
        }
        for (JsonNode child : node) {
            if (containsPlaceholder(child)) {
                return true;
            }
        }
        return false;
    }

    /** Intrinsic string literals escape {@code ' { } \} with a backslash. */
    static String escapeIntrinsicString(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '{' || c == '}' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static String escapePointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}

package io.crawlseq.lang.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.diag.Quote;
import io.crawlseq.lang.expr.ParseResult;
import io.crawlseq.lang.expr.Path;
import io.crawlseq.lang.expr.Template;
import io.crawlseq.lang.parse.Pointers;
import io.crawlseq.lang.registry.ArgFormat;
import io.crawlseq.lang.registry.ArgSpec;
import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.lang.registry.Suggestions;
import io.crawlseq.lang.schema.SchemaMessages;
import io.crawlseq.lang.types.DataType;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a command's arguments against its registry entry: names, required ones, types, ranges,
 * enums, formats, nested object fields and list items, and the {@code {{templates}}} inside any
 * string at any depth (a whole-value template is checked against the argument's type).
 */
final class ArgumentChecker {

    private final Reporter reporter;
    private final PathResolver resolver;

    ArgumentChecker(Reporter reporter, PathResolver resolver) {
        this.reporter = reporter;
        this.resolver = resolver;
    }

    /**
     * @param args        the {@code args} object, or null when the step has none
     * @param argsPointer where {@code args} is (or would be)
     * @param ownerPointer where a missing argument is reported when there is no {@code args} object
     */
    void check(CommandSpec spec, JsonNode args, String argsPointer, String ownerPointer, Scope scope, Flow flow) {
        Context ctx = new Context(scope, flow);
        if (args != null && args.isObject()) {
            for (Map.Entry<String, JsonNode> member : args.properties()) {
                String pointer = Pointers.member(argsPointer, member.getKey());
                Optional<ArgSpec> arg = spec.arg(member.getKey());
                if (arg.isEmpty()) {
                    reporter.atKey(DiagnosticCode.UNKNOWN_ARGUMENT, pointer, spec.name() + " has no argument "
                            + Quote.of(member.getKey()) + Suggestions.closest(member.getKey(), spec.argNames())
                            .map(s -> "; did you mean " + Quote.of(s) + "?")
                            .orElse(" (see: crawl-sequence commands " + spec.name() + ")"));
                } else {
                    value(arg.get(), arg.get().name(), member.getValue(), pointer, ctx);
                }
            }
        }
        for (ArgSpec arg : spec.args()) {
            if (arg.required() && (args == null || !args.has(arg.name()))) {
                reporter.at(DiagnosticCode.MISSING_ARGUMENT, args != null ? argsPointer : ownerPointer,
                        spec.name() + " needs the argument " + Quote.of(arg.name()) + " (" + lowerFirst(arg.description()) + ")");
            }
        }
    }

    private record Context(Scope scope, Flow flow) {
    }

    private void value(ArgSpec spec, String label, JsonNode value, String pointer, Context ctx) {
        if (value.isTextual() && Template.containsPlaceholder(value.asText())) {
            template(spec.type(), label, value.asText(), pointer, ctx);
            return;
        }
        if (!spec.fields().isEmpty()) {
            object(spec, label, value, pointer, ctx);
            return;
        }
        typed(spec.type(), spec, label, value, pointer, ctx);
    }

    /** An object argument with declared fields ({@code politeness}). */
    private void object(ArgSpec spec, String label, JsonNode value, String pointer, Context ctx) {
        if (!value.isObject()) {
            reporter.at(DiagnosticCode.ARGUMENT_TYPE, pointer, Quote.of(label) + " must be an object with "
                    + String.join(", ", spec.fields().stream().map(ArgSpec::name).toList()) + "; found "
                    + SchemaMessages.describeValue(value));
            return;
        }
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            String fieldPointer = Pointers.member(pointer, member.getKey());
            Optional<ArgSpec> field = spec.field(member.getKey());
            if (field.isEmpty()) {
                reporter.atKey(DiagnosticCode.UNKNOWN_ARGUMENT, fieldPointer, Quote.of(label) + " has no field "
                        + Quote.of(member.getKey()) + Suggestions.closest(member.getKey(),
                        spec.fields().stream().map(ArgSpec::name).toList())
                        .map(s -> "; did you mean " + Quote.of(s) + "?").orElse(""));
            } else {
                value(field.get(), label + "." + member.getKey(), member.getValue(), fieldPointer, ctx);
            }
        }
        for (ArgSpec field : spec.fields()) {
            if (field.required() && !value.has(field.name())) {
                reporter.at(DiagnosticCode.MISSING_ARGUMENT, pointer, Quote.of(label) + " needs the field " + Quote.of(field.name()));
            }
        }
    }

    private void typed(DataType type, ArgSpec constraints, String label, JsonNode value, String pointer, Context ctx) {
        switch (type) {
            case DataType.Any any -> templatesWithin(value, pointer, ctx);
            case DataType.EnumType e -> {
                if (!value.isTextual()) {
                    wrongType(label, "one of " + SchemaMessages.alternatives(e.values()), value, pointer);
                } else if (!e.values().contains(value.asText())) {
                    reporter.at(DiagnosticCode.ARGUMENT_ENUM, pointer, Quote.of(label) + " must be "
                            + SchemaMessages.alternatives(e.values()) + "; found " + Quote.of(value.asText())
                            + Suggestions.closest(value.asText(), e.values()).map(s -> "; did you mean " + Quote.of(s) + "?").orElse(""));
                }
            }
            case DataType.Scalar scalar -> scalar(scalar, constraints, label, value, pointer);
            case DataType.ArrayType array -> {
                if (!value.isArray()) {
                    wrongType(label, Types.kind(array), value, pointer);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    JsonNode item = value.get(i);
                    String itemLabel = label + "[" + i + "]";
                    String itemPointer = Pointers.item(pointer, i);
                    if (item.isTextual() && Template.containsPlaceholder(item.asText())) {
                        template(array.items(), itemLabel, item.asText(), itemPointer, ctx);
                    } else {
                        typed(array.items(), constraints, itemLabel, item, itemPointer, ctx);
                    }
                }
            }
            case DataType.ObjectType object -> {
                if (!value.isObject()) {
                    wrongType(label, "an object", value, pointer);
                } else {
                    templatesWithin(value, pointer, ctx);
                }
            }
        }
    }

    private void scalar(DataType.Scalar type, ArgSpec constraints, String label, JsonNode value, String pointer) {
        switch (type.kind()) {
            case STRING -> {
                if (!value.isTextual()) {
                    wrongType(label, "a string", value, pointer);
                } else {
                    format(constraints.format(), label, value.asText(), pointer);
                }
            }
            case INTEGER -> {
                if (!value.isIntegralNumber()) {
                    wrongType(label, "an integer", value, pointer);
                } else {
                    range(constraints, label, value, pointer);
                }
            }
            case NUMBER -> {
                if (!value.isNumber()) {
                    wrongType(label, "a number", value, pointer);
                } else {
                    range(constraints, label, value, pointer);
                }
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    String hint = value.isTextual() && isYaml11Boolean(value.asText())
                            ? " (YAML 1.2 reads " + Quote.of(value.asText()) + " as a string; write true or false)" : "";
                    wrongType(label, "true or false", value, pointer, hint);
                }
            }
            case NULL -> {
                if (!value.isNull()) {
                    wrongType(label, "null", value, pointer);
                }
            }
        }
    }

    private void range(ArgSpec constraints, String label, JsonNode value, String pointer) {
        BigDecimal n = value.decimalValue();
        Optional<BigDecimal> min = constraints.min();
        Optional<BigDecimal> max = constraints.max();
        boolean below = min.isPresent() && n.compareTo(min.get()) < 0;
        boolean above = max.isPresent() && n.compareTo(max.get()) > 0;
        if (!below && !above) {
            return;
        }
        String allowed = min.isPresent() && max.isPresent()
                ? "between " + min.get().toPlainString() + " and " + max.get().toPlainString()
                : min.isPresent() ? "at least " + min.get().toPlainString() : "at most " + max.get().toPlainString();
        reporter.at(DiagnosticCode.ARGUMENT_RANGE, pointer, Quote.of(label) + " must be " + allowed + "; found "
                + Quote.shorten(value.asText()));
    }

    private void format(ArgFormat format, String label, String text, String pointer) {
        if (format.accepts(text)) {
            return;
        }
        String hint = switch (format) {
            case ISO_COUNTRY -> ArgFormat.ISO_COUNTRY.accepts(text.toUpperCase(Locale.ROOT))
                    ? "; did you mean " + Quote.of(text.toUpperCase(Locale.ROOT)) + "?" : "";
            case URL -> !text.contains("://") && ArgFormat.isHttpUrl("https://" + text)
                    ? "; did you mean " + Quote.of("https://" + text) + "?" : "";
            default -> "";
        };
        reporter.at(DiagnosticCode.ARGUMENT_FORMAT, pointer, Quote.of(label) + " must be "
                + withArticle(format.description()) + "; found " + Quote.of(text) + hint);
    }

    /**
     * A string with placeholders: syntax, paths, and the resulting type. A string that is exactly one
     * placeholder keeps the referenced type; any other template produces a string.
     */
    private void template(DataType target, String label, String text, String pointer, Context ctx) {
        ParseResult<Template> parsed = Template.parse(text);
        StringSite site = new StringSite(pointer, text);
        if (parsed instanceof ParseResult.Failed<Template> failed) {
            site.report(reporter, DiagnosticCode.TEMPLATE_SYNTAX, failed.error().offset(), failed.error().message());
            return;
        }
        Template template = parsed.value();
        DataType produced = DataType.STRING;
        for (Path path : template.paths()) {
            produced = resolver.resolve(path, site, ctx.scope(), ctx.flow());
        }
        if (template.isWholeValue()) {
            if (!Types.assignable(produced, target)) {
                reporter.at(DiagnosticCode.ARGUMENT_TYPE, pointer, Quote.of(label) + " must be " + Types.kind(target)
                        + "; " + Quote.of(text) + " is " + Types.kind(produced));
            }
        } else if (!Types.assignable(DataType.STRING, target)) {
            reporter.at(DiagnosticCode.ARGUMENT_TYPE, pointer, Quote.of(label) + " must be " + Types.kind(target)
                    + "; a template inside longer text always produces a string (write just \"{{path}}\" to keep the type)");
        }
    }

    /** Every string below a free-form value may hold templates; check them all. */
    private void templatesWithin(JsonNode value, String pointer, Context ctx) {
        if (value.isTextual()) {
            if (Template.containsPlaceholder(value.asText())) {
                template(DataType.ANY, Pointers.lastToken(pointer), value.asText(), pointer, ctx);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                templatesWithin(value.get(i), Pointers.item(pointer, i), ctx);
            }
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                templatesWithin(member.getValue(), Pointers.member(pointer, member.getKey()), ctx);
            }
        }
    }

    private void wrongType(String label, String expected, JsonNode value, String pointer) {
        wrongType(label, expected, value, pointer, "");
    }

    private void wrongType(String label, String expected, JsonNode value, String pointer, String hint) {
        reporter.at(DiagnosticCode.ARGUMENT_TYPE, pointer, Quote.of(label) + " must be " + expected + "; found "
                + SchemaMessages.describeValue(value) + hint);
    }

    private static boolean isYaml11Boolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "no", "on", "off", "y", "n" -> true;
            default -> false;
        };
    }

    private static String withArticle(String noun) {
        return Types.withArticle(noun);
    }

    private static String lowerFirst(String s) {
        if (s.isEmpty()) {
            return s;
        }
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }
}

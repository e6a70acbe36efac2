package io.crawlseq.lang.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.types.DataType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command reference, generated from the registry so it can never drift from what validation
 * accepts: Markdown for {@code docs/commands.md}, plain text and JSON for
 * {@code crawl-sequence commands}.
 */
public final class CommandReference {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CommandReference() {
    }

    // --- Markdown --------------------------------------------------------------------------------

    public static String markdown(CommandRegistry registry) {
        StringBuilder md = new StringBuilder();
        md.append("# Command reference\n\n");
        md.append("<!-- Generated from the command registry (io.crawlseq.lang.registry). Do not edit: run\n");
        md.append("     ./mvnw -q -pl functions/sequence-lang test -Dtest=GeneratedDocsTest -Dcrawlseq.regenerateDocs=true -->\n\n");
        md.append("These are the only commands a sequence may use: the registry is the whitelist. Every command\n");
        md.append("returns the [common result envelope](#result-envelope) plus the fields listed for it. The same\n");
        md.append("reference is printed by `crawl-sequence commands` (one command: `crawl-sequence commands NAME`).\n\n");
        md.append("| Command | What it does | Lambda |\n|---|---|---|\n");
        for (CommandSpec spec : registry.all()) {
            md.append("| [`").append(spec.name()).append("`](#").append(spec.name().toLowerCase(java.util.Locale.ROOT))
                    .append(") | ").append(cell(spec.summary())).append(" | ").append(lambdaCell(spec)).append(" |\n");
        }
        for (CommandSpec spec : registry.all()) {
            md.append("\n## ").append(spec.name()).append("\n\n");
            md.append(spec.summary()).append("\n\n").append(spec.description()).append("\n\n");
            md.append("**Arguments**");
            if (spec.args().isEmpty()) {
                md.append(": none.\n");
            } else {
                md.append("\n\n| Name | Type | Default | Allowed | Required | Description |\n|---|---|---|---|---|---|\n");
                for (ArgSpec arg : spec.args()) {
                    argRow(md, arg.name(), arg);
                    for (ArgSpec field : arg.fields()) {
                        argRow(md, arg.name() + "." + field.name(), field);
                    }
                }
            }
            md.append("\n**Result fields** (besides the envelope)");
            if (spec.resultFields().isEmpty()) {
                md.append(": none.\n");
            } else {
                md.append("\n\n| Field | Type | Description |\n|---|---|---|\n");
                for (ResultField field : spec.resultFields()) {
                    resultRow(md, field);
                }
            }
            md.append("\n**Deployment**: ").append(deployment(spec)).append("\n");
        }
        md.append("\n## Result envelope\n\nEvery command's result, at `results.<id>` and `results.lastCommand`, has these fields:\n\n");
        md.append("| Field | Type | Description |\n|---|---|---|\n");
        ResultTypes.ENVELOPE_FIELDS.forEach(f -> resultRow(md, f));
        md.append("\nCommands that fetch from the site (all but `logWarning` and `runScript`) also report:\n\n");
        md.append("| Field | Type | Description |\n|---|---|---|\n");
        ResultTypes.CRAWL_FIELDS.forEach(f -> resultRow(md, f));
        md.append("\nLists marked *capped* are cut to a bounded length in the envelope (Step Functions payloads are\n");
        md.append("limited to 256 KiB); the full lists are kept in the store, and `truncated` names the lists cut.\n");
        md.append("\n## Record types\n");
        for (DataType.ObjectType type : recordTypes(registry).values()) {
            md.append("\n### ").append(type.name()).append("\n\n| Field | Type |\n|---|---|\n");
            type.fields().forEach((name, t) -> md.append("| `").append(name).append("` | ").append(code(t.describe())).append(" |\n"));
            if (type.open()) {
                md.append("\nMay carry further fields.\n");
            }
        }
        return md.toString();
    }

    private static void argRow(StringBuilder md, String name, ArgSpec arg) {
        md.append("| `").append(name).append("` | ").append(code(typeOf(arg))).append(" | ")
                .append(arg.defaultValue().map(d -> "`" + d + "`").orElse("")).append(" | ")
                .append(cell(allowed(arg))).append(" | ").append(arg.required() ? "yes" : "").append(" | ")
                .append(cell(arg.description())).append(" |\n");
    }

    private static void resultRow(StringBuilder md, ResultField field) {
        md.append("| `").append(field.name()).append("` | ").append(code(field.type().describe()))
                .append(field.capped() ? " (capped)" : "").append(" | ").append(cell(field.description())).append(" |\n");
    }

    private static String lambdaCell(CommandSpec spec) {
        return spec.lambda().map(l -> l.memoryMb() + " MB, " + l.timeoutSeconds() + " s").orElse("none (Pass state)");
    }

    private static String deployment(CommandSpec spec) {
        return spec.lambda().map(l -> "its own Lambda function `" + l.logicalId() + "`, " + l.memoryMb() + " MB, timeout "
                        + l.timeoutSeconds() + " s (it returns a continuation after " + l.workBudgetSeconds() + " s of work).")
                .orElse("no Lambda; compiled to a Pass state.");
    }

    private static String code(String text) {
        return "`" + cell(text) + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    // --- plain text ------------------------------------------------------------------------------

    /** The list printed by {@code crawl-sequence commands}. */
    public static String text(CommandRegistry registry) {
        int width = registry.names().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder("Commands (use one in a sequence step; details: crawl-sequence commands NAME)\n\n");
        for (CommandSpec spec : registry.all()) {
            out.append("  ").append(pad(spec.name(), width)).append("  ").append(spec.summary()).append('\n');
        }
        return out.toString();
    }

    /** The details printed by {@code crawl-sequence commands NAME}. */
    public static String text(CommandSpec spec) {
        StringBuilder out = new StringBuilder();
        out.append(spec.name()).append(" - ").append(spec.summary()).append("\n\n").append(spec.description()).append("\n\n");
        out.append("Arguments:\n");
        if (spec.args().isEmpty()) {
            out.append("  (none)\n");
        }
        List<String[]> rows = new ArrayList<>();
        for (ArgSpec arg : spec.args()) {
            rows.add(argText(arg.name(), arg));
            for (ArgSpec field : arg.fields()) {
                rows.add(argText(arg.name() + "." + field.name(), field));
            }
        }
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] r : rows) {
            out.append("  ").append(pad(r[0], width)).append("  ").append(r[1]).append('\n');
        }
        out.append("\nResult fields (besides command, status, success, startedAt, finishedAt, elapsedMs, error):\n");
        if (spec.resultFields().isEmpty()) {
            out.append("  (none)\n");
        }
        int fieldWidth = spec.resultFields().stream().mapToInt(f -> f.name().length()).max().orElse(0);
        for (ResultField f : spec.resultFields()) {
            out.append("  ").append(pad(f.name(), fieldWidth)).append("  ").append(f.type().describe())
                    .append(f.capped() ? " (capped)" : "").append(" - ").append(f.description()).append('\n');
        }
        out.append("\nDeployment: ").append(deployment(spec).replace("`", "")).append('\n');
        return out.toString();
    }

    private static String[] argText(String name, ArgSpec arg) {
        StringBuilder s = new StringBuilder(typeOf(arg));
        if (arg.required()) {
            s.append(", required");
        }
        arg.defaultValue().ifPresent(d -> s.append(", default ").append(d));
        String allowed = allowed(arg);
        if (!allowed.isEmpty()) {
            s.append(", ").append(allowed);
        }
        s.append(" - ").append(arg.description());
        return new String[] {name, s.toString()};
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    // --- JSON ------------------------------------------------------------------------------------

    /** Machine-readable reference ({@code crawl-sequence commands --json}). */
    public static ArrayNode json(CommandRegistry registry) {
        ArrayNode out = NODES.arrayNode();
        registry.all().forEach(spec -> out.add(json(spec)));
        return out;
    }

    public static ObjectNode json(CommandSpec spec) {
        ObjectNode c = NODES.objectNode();
        c.put("name", spec.name());
        c.put("summary", spec.summary());
        c.put("description", spec.description());
        ArrayNode args = c.putArray("args");
        for (ArgSpec arg : spec.args()) {
            args.add(argJson(arg));
        }
        ArrayNode fields = c.putArray("resultFields");
        for (ResultField f : spec.allResultFields()) {
            ObjectNode field = fields.addObject();
            field.put("name", f.name());
            field.put("type", f.type().describe());
            field.put("capped", f.capped());
            field.put("description", f.description());
        }
        spec.lambda().ifPresentOrElse(l -> {
            ObjectNode lambda = c.putObject("lambda");
            lambda.put("logicalId", l.logicalId());
            lambda.put("memoryMb", l.memoryMb());
            lambda.put("timeoutSeconds", l.timeoutSeconds());
        }, () -> c.putNull("lambda"));
        return c;
    }

    private static ObjectNode argJson(ArgSpec arg) {
        ObjectNode a = NODES.objectNode();
        a.put("name", arg.name());
        a.put("type", typeOf(arg));
        a.put("required", arg.required());
        arg.defaultValue().ifPresent(d -> a.set("default", d));
        arg.min().ifPresent(m -> a.put("min", m));
        arg.max().ifPresent(m -> a.put("max", m));
        if (arg.format() != ArgFormat.NONE) {
            a.put("format", arg.format().name().toLowerCase(java.util.Locale.ROOT));
        }
        a.put("description", arg.description());
        if (!arg.fields().isEmpty()) {
            ArrayNode fields = a.putArray("fields");
            arg.fields().forEach(f -> fields.add(argJson(f)));
        }
        return a;
    }

    // --- shared ----------------------------------------------------------------------------------

    private static String typeOf(ArgSpec arg) {
        if (!arg.fields().isEmpty()) {
            return "object";
        }
        return arg.type().describe();
    }

    /** Range and format constraints in words: {@code 1..1000000}, {@code ISO 3166-1 ...}. */
    private static String allowed(ArgSpec arg) {
        List<String> parts = new ArrayList<>();
        Optional<BigDecimal> min = arg.min();
        Optional<BigDecimal> max = arg.max();
        if (min.isPresent() && max.isPresent()) {
            parts.add(min.get().toPlainString() + ".." + max.get().toPlainString());
        } else {
            min.ifPresent(m -> parts.add(">= " + m.toPlainString()));
            max.ifPresent(m -> parts.add("<= " + m.toPlainString()));
        }
        if (arg.format() != ArgFormat.NONE) {
            parts.add(arg.format().description());
        }
        return String.join(", ", parts);
    }

    /** Named record types reachable from any result, in first-seen order. */
    private static Map<String, DataType.ObjectType> recordTypes(CommandRegistry registry) {
        Map<String, DataType.ObjectType> found = new LinkedHashMap<>();
        List<ResultField> all = new ArrayList<>(ResultTypes.ENVELOPE_FIELDS);
        registry.all().forEach(spec -> all.addAll(spec.resultFields()));
        all.forEach(f -> collect(f.type(), found));
        return found;
    }

    private static void collect(DataType type, Map<String, DataType.ObjectType> found) {
        switch (type) {
            case DataType.ArrayType a -> collect(a.items(), found);
            case DataType.ObjectType o -> {
                if (!o.name().isEmpty() && found.putIfAbsent(o.name(), o) == null) {
                    o.fields().values().forEach(t -> collect(t, found));
                }
            }
            default -> {
            }
        }
    }
}

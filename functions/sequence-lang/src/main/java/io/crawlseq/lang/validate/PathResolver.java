package io.crawlseq.lang.validate;

import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.expr.Path;
import io.crawlseq.lang.model.CommandStep;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.Suggestions;
import io.crawlseq.lang.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves a path ({@code context.x}, {@code results.id.field}, {@code loopVar.field}) to its static
 * type from where it is written, reporting each unresolvable part at its column. Unknown parts
 * resolve to {@link DataType#ANY} so one mistake is reported once.
 */
final class PathResolver {

    private static final Pattern GENERATED_ID = Pattern.compile("step[0-9]+");

    private final SequenceFacts facts;
    private final CommandRegistry registry;
    private final boolean numberingUncertain;
    private final Reporter reporter;

    PathResolver(SequenceFacts facts, CommandRegistry registry, boolean numberingUncertain, Reporter reporter) {
        this.facts = facts;
        this.registry = registry;
        this.numberingUncertain = numberingUncertain;
        this.reporter = reporter;
    }

    DataType resolve(Path path, StringSite site, Scope scope, Flow flow) {
        List<Path.Segment> segments = path.segments();
        String root = path.root();
        Optional<Scope.LoopVariable> variable = scope.variable(root);
        if (variable.isPresent()) {
            return walk(variable.get().type(), root, segments, 1, site, DiagnosticCode.UNKNOWN_FIELD);
        }
        return switch (root) {
            case "context" -> context(segments, site);
            case "results" -> results(segments, site, scope, flow);
            default -> {
                if (!scope.unknownVariable()) {
                    site.report(reporter, DiagnosticCode.UNKNOWN_PATH_ROOT, path.start(), unknownRoot(root, scope));
                }
                yield DataType.ANY;
            }
        };
    }

    private DataType context(List<Path.Segment> segments, StringSite site) {
        if (segments.size() == 1) {
            return facts.contextType();
        }
        if (!(segments.get(1) instanceof Path.Field key)) {
            site.report(reporter, DiagnosticCode.UNKNOWN_FIELD, segments.get(1).offset(), "context is an object, not a list");
            return DataType.ANY;
        }
        Optional<DataType> type = facts.contextKey(key.name());
        if (type.isEmpty()) {
            site.report(reporter, DiagnosticCode.UNDECLARED_CONTEXT, key.offset(), "context." + key.name()
                    + " is not declared in the sequence's context, so every run must provide it in its input"
                    + suggestion(key.name(), facts.contextKeys()).map(s -> "; did you mean context." + s + "?").orElse(""));
            return DataType.ANY;
        }
        return walk(type.get(), "context." + key.name(), segments, 2, site, DiagnosticCode.UNKNOWN_FIELD);
    }

    private DataType results(List<Path.Segment> segments, StringSite site, Scope scope, Flow flow) {
        if (segments.size() == 1) {
            return DataType.ANY;
        }
        if (!(segments.get(1) instanceof Path.Field idSegment)) {
            site.report(reporter, DiagnosticCode.UNKNOWN_RESULT, segments.get(1).offset(),
                    "results is looked up by id (results.<id>), not by position");
            return DataType.ANY;
        }
        String id = idSegment.name();
        String prefix = "results." + id;
        if (id.equals("lastCommand")) {
            return lastCommand(segments, site, flow, idSegment.offset());
        }
        Optional<Flow.Declared> declared = flow.result(id);
        if (declared.isPresent()) {
            if (!scope.isWithin(declared.get().blocks())) {
                String block = scope.firstBlockOutside(declared.get().blocks());
                site.report(reporter, DiagnosticCode.RESULT_MAY_BE_ABSENT, idSegment.offset(), prefix
                        + " may be absent here: its command is inside the " + blockKind(block) + " at "
                        + reporter.lineOf(parentOf(block)) + " and may not have run");
            }
            return walk(declared.get().type(), prefix, segments, 2, site, DiagnosticCode.UNKNOWN_RESULT_FIELD);
        }
        Optional<CommandStep> later = facts.command(id);
        if (later.isPresent()) {
            site.report(reporter, DiagnosticCode.FORWARD_RESULT_REFERENCE, idSegment.offset(), prefix
                    + " refers to the command at " + reporter.lineOf(later.get().pointer())
                    + ", which has not run yet at this point");
            return DataType.ANY;
        }
        if (numberingUncertain && GENERATED_ID.matcher(id).matches()) {
            return DataType.ANY;
        }
        Set<String> candidates = new LinkedHashSet<>(facts.ids());
        candidates.add("lastCommand");
        site.report(reporter, DiagnosticCode.UNKNOWN_RESULT, idSegment.offset(), "no command has the id " + quote(id)
                + suggestion(id, candidates).map(s -> "; did you mean results." + s + "?").orElse(""));
        return DataType.ANY;
    }

    private DataType lastCommand(List<Path.Segment> segments, StringSite site, Flow flow, int offset) {
        Flow.Last last = flow.last();
        if (last.commands().isEmpty()) {
            site.report(reporter, DiagnosticCode.LAST_COMMAND_UNAVAILABLE, offset,
                    "results.lastCommand is used before any command has run");
            return DataType.ANY;
        }
        if (last.maybeNone()) {
            site.report(reporter, DiagnosticCode.RESULT_MAY_BE_ABSENT, offset,
                    "results.lastCommand may be absent here: on some paths no command has run yet");
        }
        DataType type = Types.resultOfAny(last.commands(), registry);
        return walk(type, "results.lastCommand", segments, 2, site, DiagnosticCode.UNKNOWN_RESULT_FIELD);
    }

    /**
     * Follows {@code segments[from..]} through {@code type}. The first missing field is reported
     * with {@code firstCode} (results fields have their own code), deeper ones as unknown fields.
     */
    private DataType walk(DataType type, String prefix, List<Path.Segment> segments, int from, StringSite site,
                          DiagnosticCode firstCode) {
        DataType current = type;
        StringBuilder described = new StringBuilder(prefix);
        for (int i = from; i < segments.size(); i++) {
            if (current.isAny()) {
                return DataType.ANY;
            }
            DiagnosticCode code = i == from ? firstCode : DiagnosticCode.UNKNOWN_FIELD;
            Path.Segment segment = segments.get(i);
            switch (segment) {
                case Path.Field field -> {
                    if (current instanceof DataType.ObjectType object) {
                        Optional<DataType> next = object.field(field.name());
                        if (next.isEmpty()) {
                            site.report(reporter, code, field.offset(), described + " (" + Types.kind(current)
                                    + ") has no field " + quote(field.name())
                                    + suggestion(field.name(), object.fields().keySet())
                                    .map(s -> "; did you mean " + quote(s) + "?").orElse(""));
                            return DataType.ANY;
                        }
                        current = next.get();
                    } else {
                        site.report(reporter, DiagnosticCode.UNKNOWN_FIELD, field.offset(), described + " is "
                                + Types.kind(current) + " and has no field " + quote(field.name()));
                        return DataType.ANY;
                    }
                    described.append('.').append(field.name());
                }
                case Path.Index index -> {
                    if (current instanceof DataType.ArrayType array) {
                        current = array.items();
                    } else {
                        site.report(reporter, DiagnosticCode.UNKNOWN_FIELD, index.offset(), described + " is "
                                + Types.kind(current) + ", not a list");
                        return DataType.ANY;
                    }
                    described.append('[').append(index.index()).append(']');
                }
            }
        }
        return current;
    }

    private String unknownRoot(String root, Scope scope) {
        StringBuilder message = new StringBuilder("unknown name " + quote(root)
                + ": a path starts with context, results or a loop variable in scope");
        Optional<String> forEach = facts.loopVariable(root);
        if (forEach.isPresent()) {
            message.append("; ").append(quote(root)).append(" is the loop variable of the ForEach at ")
                    .append(reporter.lineOf(forEach.get())).append(" and exists only inside its do");
        } else if (facts.contextKey(root).isPresent()) {
            message.append("; did you mean context.").append(root).append('?');
        } else if (facts.command(root).isPresent()) {
            message.append("; did you mean results.").append(root).append('?');
        } else {
            List<String> roots = new ArrayList<>(List.of("context", "results"));
            scope.variables().forEach(v -> roots.add(v.name()));
            suggestion(root, roots).ifPresent(s -> message.append("; did you mean ").append(quote(s)).append('?'));
        }
        return message.toString();
    }

    private static Optional<String> suggestion(String input, java.util.Collection<String> candidates) {
        return Suggestions.closest(input, candidates);
    }

    private static String blockKind(String blockPointer) {
        return blockPointer.endsWith("/do") ? "ForEach" : "Conditional";
    }

    private static String parentOf(String blockPointer) {
        return blockPointer.substring(0, blockPointer.lastIndexOf('/'));
    }

    private static String quote(String s) {
        return io.crawlseq.lang.diag.Quote.of(s);
    }
}

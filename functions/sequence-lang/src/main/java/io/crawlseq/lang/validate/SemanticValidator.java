package io.crawlseq.lang.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.diag.Quote;
import io.crawlseq.lang.expr.ParseResult;
import io.crawlseq.lang.expr.Path;
import io.crawlseq.lang.expr.ExpressionParser;
import io.crawlseq.lang.expr.SyntaxError;
import io.crawlseq.lang.model.CommandStep;
import io.crawlseq.lang.model.Conditional;
import io.crawlseq.lang.model.ForEach;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.model.SequenceVersion;
import io.crawlseq.lang.model.Step;
import io.crawlseq.lang.parse.SourceMap;
import io.crawlseq.lang.registry.ArgFormat;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.lang.types.DataType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Layer 2: what a well-formed sequence means. Walks the steps in document order, tracking which
 * results and loop variables are visible, and checks commands against the registry (the
 * whitelist), arguments, templates, conditions, ForEach paths, ids and metadata.
 */
public final class SemanticValidator {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> RESERVED_VARIABLE_NAMES = Set.of("context", "results");

    private final SequenceDraft draft;
    private final Sequence sequence;
    private final JsonNode root;
    private final CommandRegistry registry;
    private final Reporter reporter;
    private final SequenceFacts facts;
    private final PathResolver resolver;
    private final ExpressionChecker expressions;
    private final ArgumentChecker arguments;
    private final Flow flow = new Flow();

    private SemanticValidator(SequenceDraft draft, JsonNode root, SourceMap map, CommandRegistry registry,
                              Predicate<String> silenced) {
        this.draft = draft;
        this.sequence = draft.sequence();
        this.root = root;
        this.registry = registry;
        this.reporter = new Reporter(map, silenced);
        this.facts = new SequenceFacts(sequence);
        this.resolver = new PathResolver(facts, registry, draft.numberingUncertain(), reporter);
        this.expressions = new ExpressionChecker(resolver, reporter);
        this.arguments = new ArgumentChecker(reporter, resolver);
    }

    /**
     * Checks a built sequence.
     *
     * @param root     the document it was built from (for positions and raw values)
     * @param silenced pointers whose problems an earlier layer already reported
     */
    public static List<Diagnostic> validate(SequenceDraft draft, JsonNode root, SourceMap map, CommandRegistry registry,
                                            Predicate<String> silenced) {
        SemanticValidator v = new SemanticValidator(draft, root, map, registry, silenced);
        v.metadata();
        v.ids();
        v.steps(v.sequence.steps(), Scope.TOP);
        return v.reporter.diagnostics();
    }

    // --- metadata ------------------------------------------------------------------------------

    private void metadata() {
        if (sequence.version() == SequenceVersion.V1) {
            if (root.isArray() && root.isEmpty()) {
                reporter.at(DiagnosticCode.EMPTY_BLOCK, "", "the sequence has no steps");
            }
            return;
        }
        if (root.path("steps").isArray() && root.get("steps").isEmpty()) {
            reporter.at(DiagnosticCode.EMPTY_BLOCK, "/steps", "the sequence has no steps");
        }
        url(root.get("startUrl"), "/startUrl", "startUrl");
        JsonNode context = root.path("context");
        if (context.isObject() && context.has("startUrl")) {
            url(context.get("startUrl"), "/context/startUrl", "context.startUrl");
        }
        JsonNode schedule = root.get("schedule");
        if (schedule != null && schedule.isTextual()) {
            Optional<SyntaxError> problem = Schedules.check(schedule.asText());
            problem.ifPresent(e -> reporter.inString(DiagnosticCode.INVALID_SCHEDULE, "/schedule", schedule.asText(),
                    e.offset(), e.message()));
        }
    }

    private void url(JsonNode value, String pointer, String label) {
        if (value == null) {
            return;
        }
        if (!value.isTextual() || !ArgFormat.isHttpUrl(value.asText())) {
            String found = value.isTextual() ? Quote.of(value.asText()) : "a non-string value";
            reporter.at(DiagnosticCode.INVALID_URL, pointer, label + " must be an absolute http(s) URL such as "
                    + "https://www.example.com/; found " + found);
        }
    }

    // --- ids -----------------------------------------------------------------------------------

    /** Duplicate and reserved ids, each reported once at the id that comes second (or is reserved). */
    private void ids() {
        Map<String, CommandStep> byId = new HashMap<>();
        List<CommandStep> commands = sequence.commands();
        for (int i = 0; i < commands.size(); i++) {
            CommandStep c = commands.get(i);
            String idPointer = c.pointer() + "/id";
            if (c.idExplicit()) {
                if (c.id().equals("lastCommand")) {
                    reporter.at(DiagnosticCode.RESERVED_ID, idPointer,
                            "the id 'lastCommand' is reserved: results.lastCommand is the most recent result");
                } else if (facts.loopVariable(c.id()).isPresent()) {
                    reporter.at(DiagnosticCode.RESERVED_ID, idPointer, "the id " + Quote.of(c.id())
                            + " is also the loop variable of the ForEach at " + reporter.lineOf(facts.loopVariable(c.id()).get())
                            + "; choose another id");
                }
            }
            CommandStep earlier = byId.putIfAbsent(c.id(), c);
            if (earlier == null) {
                continue;
            }
            if (c.idExplicit()) {
                reporter.at(DiagnosticCode.DUPLICATE_ID, idPointer, "the id " + Quote.of(c.id()) + " is already used by "
                        + describe(earlier, commands) + "; ids must be unique");
            } else if (earlier.idExplicit()) {
                reporter.at(DiagnosticCode.DUPLICATE_ID, earlier.pointer() + "/id", "the id " + Quote.of(c.id())
                        + " is also the generated id of command " + (i + 1) + " (" + reporter.lineOf(c.pointer())
                        + "); choose another id");
            }
        }
    }

    private String describe(CommandStep step, List<CommandStep> commands) {
        return step.idExplicit() ? "the command at " + reporter.lineOf(step.pointer())
                : "the generated id of command " + (commands.indexOf(step) + 1) + " (" + reporter.lineOf(step.pointer()) + ")";
    }

    // --- steps ---------------------------------------------------------------------------------

    private void steps(List<Step> steps, Scope scope) {
        for (Step step : steps) {
            switch (step) {
                case CommandStep c -> command(c, scope);
                case Conditional c -> conditional(c, scope);
                case ForEach f -> forEach(f, scope);
            }
        }
    }

    private void command(CommandStep c, Scope scope) {
        JsonNode node = root.at(c.pointer());
        boolean broken = draft.isBroken(c.pointer());
        Optional<CommandSpec> spec = Optional.empty();
        boolean nameWritten = node.isTextual() || node.path("command").isTextual();
        if (nameWritten) {
            spec = registry.find(c.command());
            if (spec.isEmpty()) {
                String at = node.isTextual() ? c.pointer() : c.pointer() + "/command";
                reporter.at(DiagnosticCode.UNKNOWN_COMMAND, at, unknownCommand(c.command()));
            }
        }
        if (spec.isPresent()) {
            JsonNode args = node.isObject() ? node.get("args") : null;
            if (args == null || args.isObject()) {
                CommandSpec checked = broken ? withoutRequired(spec.get()) : spec.get();
                arguments.check(checked, args, c.pointer() + "/args", c.pointer(), scope, flow);
            }
            timeout(c, spec.get());
        }
        DataType type = spec.<DataType>map(CommandSpec::resultType).orElse(DataType.ANY);
        flow.declare(new Flow.Declared(c.id(), c, type, scope.blocks()));
        flow.last(Flow.Last.of(c));
    }

    /** A broken step's missing arguments are probably the consequence of its shape error: not reported. */
    private static CommandSpec withoutRequired(CommandSpec spec) {
        List<io.crawlseq.lang.registry.ArgSpec> args = spec.args().stream()
                .map(a -> new io.crawlseq.lang.registry.ArgSpec(a.name(), a.type(), false, a.defaultValue(), a.min(),
                        a.max(), a.format(), a.description(), a.fields()))
                .toList();
        return new CommandSpec(spec.name(), spec.summary(), spec.description(), args, spec.resultFields(), spec.lambda(),
                spec.crawls());
    }

    private String unknownCommand(String name) {
        if (name.isBlank()) {
            return "the command name is empty; see crawl-sequence commands for the list";
        }
        return "unknown command " + Quote.of(name) + registry.suggest(name)
                .map(s -> "; did you mean " + Quote.of(s) + "?")
                .orElse("; see crawl-sequence commands for the list");
    }

    private void timeout(CommandStep c, CommandSpec spec) {
        if (c.timeoutMs().isEmpty() || spec.lambda().isEmpty()) {
            return;
        }
        long limitMs = spec.lambda().get().timeoutSeconds() * 1000L;
        if (c.timeoutMs().getAsLong() > limitMs) {
            reporter.at(DiagnosticCode.TIMEOUT_EXCEEDS_FUNCTION, c.pointer() + "/timeout", "timeout "
                    + c.timeoutMs().getAsLong() + " ms is longer than the " + spec.name() + " function's Lambda timeout of "
                    + spec.lambda().get().timeoutSeconds() + " s, which ends each invocation first");
        }
    }

    private void conditional(Conditional c, Scope scope) {
        JsonNode node = root.at(c.pointer());
        if (node.path("if").isTextual()) {
            expressions.check(c.condition(), c.conditionPointer(), scope, flow);
        }
        Flow.Last entry = flow.last();
        steps(c.thenSteps(), scope.enter(c.pointer() + "/then"));
        Flow.Last afterThen = flow.last();
        flow.last(entry);
        steps(c.elseSteps(), scope.enter(c.pointer() + "/else"));
        flow.last(afterThen.union(flow.last()));
        emptyBlock(node, c.pointer(), "then", "the then branch has no steps");
        emptyBlock(node, c.pointer(), "else", "the else branch has no steps; leave out else instead");
    }

    private void forEach(ForEach f, Scope scope) {
        JsonNode node = root.at(f.pointer());
        DataType elementType = DataType.ANY;
        if (node.path("each").isTextual()) {
            elementType = each(f.each(), f.eachPointer(), scope);
        }
        Scope inner;
        if (node.path("as").isTextual() && IDENTIFIER.matcher(f.as()).matches()) {
            if (RESERVED_VARIABLE_NAMES.contains(f.as())) {
                reporter.at(DiagnosticCode.LOOP_VARIABLE_CONFLICT, f.pointer() + "/as", Quote.of(f.as())
                        + " cannot be a loop variable: it would hide " + f.as() + ".*");
            } else if (scope.variable(f.as()).isPresent()) {
                reporter.at(DiagnosticCode.LOOP_VARIABLE_CONFLICT, f.pointer() + "/as", Quote.of(f.as())
                        + " is already the loop variable of the enclosing ForEach at "
                        + reporter.lineOf(scope.variable(f.as()).get().forEachPointer()) + "; choose another name");
            }
            inner = scope.with(new Scope.LoopVariable(f.as(), elementType, f.pointer()));
        } else {
            inner = scope.withUnknownVariable();
        }
        concurrency(f, node);
        Flow.Last entry = flow.last();
        flow.last(entry.union(exit(f.body(), entry)));
        steps(f.body(), inner.enter(f.pointer() + "/do"));
        flow.last(entry.union(flow.last()));
        emptyBlock(node, f.pointer(), "do", "the ForEach has no steps in do");
    }

    /** Checks a ForEach path and returns the type of its elements. */
    private DataType each(String text, String pointer, Scope scope) {
        int lead = 0;
        while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) {
            lead++;
        }
        String trimmed = text.strip();
        StringSite site = new StringSite(pointer, text, lead);
        int braces = trimmed.indexOf("{{");
        if (braces >= 0) {
            site.report(reporter, DiagnosticCode.EXPRESSION_SYNTAX, braces,
                    "each is a path, not a template: write it without {{ }}, e.g. results.hubs.hubs");
            return DataType.ANY;
        }
        ParseResult<Path> parsed = ExpressionParser.parsePath(trimmed);
        if (parsed instanceof ParseResult.Failed<Path> failed) {
            site.report(reporter, DiagnosticCode.EXPRESSION_SYNTAX, failed.error().offset(), failed.error().message());
            return DataType.ANY;
        }
        DataType type = resolver.resolve(parsed.value(), site, scope, flow);
        if (type instanceof DataType.ArrayType array) {
            return array.items();
        }
        if (!type.isAny()) {
            reporter.at(DiagnosticCode.FOREACH_NOT_ARRAY, pointer, "each must be a path to a list; "
                    + parsed.value().text() + " is " + Types.kind(type));
        }
        return DataType.ANY;
    }

    private void concurrency(ForEach f, JsonNode node) {
        if (sequence.limits().maxConcurrency().isEmpty() || !node.has("maxConcurrency")) {
            return;
        }
        int limit = sequence.limits().maxConcurrency().getAsInt();
        if (f.maxConcurrency() == 0 || f.maxConcurrency() > limit) {
            reporter.at(DiagnosticCode.INVALID_VALUE, f.pointer() + "/maxConcurrency", "maxConcurrency "
                    + (f.maxConcurrency() == 0 ? "0 (no limit)" : Integer.toString(f.maxConcurrency()))
                    + " exceeds the sequence's limits.maxConcurrency of " + limit);
        }
    }

    private void emptyBlock(JsonNode step, String pointer, String key, String message) {
        JsonNode list = step.get(key);
        if (list != null && list.isArray() && list.isEmpty()) {
            reporter.at(DiagnosticCode.EMPTY_BLOCK, pointer + "/" + key, message);
        }
    }

    /** Which commands may have run last after {@code steps}, starting from {@code entry}; reports nothing. */
    private static Flow.Last exit(List<Step> steps, Flow.Last entry) {
        Flow.Last current = entry;
        for (Step step : steps) {
            current = switch (step) {
                case CommandStep c -> Flow.Last.of(c);
                case Conditional c -> exit(c.thenSteps(), current).union(exit(c.elseSteps(), current));
                case ForEach f -> current.union(exit(f.body(), current));
            };
        }
        return current;
    }
}

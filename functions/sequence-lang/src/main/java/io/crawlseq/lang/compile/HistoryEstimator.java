package io.crawlseq.lang.compile;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.expr.ExpressionParser;
import io.crawlseq.lang.expr.Path;
import io.crawlseq.lang.model.CommandStep;
import io.crawlseq.lang.model.Conditional;
import io.crawlseq.lang.model.ForEach;
import io.crawlseq.lang.model.OnError;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.model.Step;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.lang.registry.ResultTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Estimates the history events one successful execution records, from the sequence (not the ASL),
 * so that an over-quota sequence is reported at the loop that causes it. Counts follow the events
 * Step Functions writes: a Lambda Task 5 (entered, scheduled, started, succeeded, exited), Pass and
 * Choice 2, an inline Map 4 plus 2 per iteration. Retries and long-crawl continuations add more at
 * run time; the estimate is the minimum, so exceeding the quota here means exceeding it for sure.
 */
final class HistoryEstimator {

    private static final int TASK = 5;
    private static final int PASS = 2;
    private static final int CHOICE = 2;
    private static final int MAP = 4;
    private static final int ITERATION = 2;
    /** ExecutionStarted + Start pass + Succeed state + ExecutionSucceeded. */
    private static final int EXECUTION = 1 + PASS + 2 + 1;
    /** Upper bound of a payload Step Functions passes between states. */
    static final long MAX_PAYLOAD_BYTES = 256 * 1024;

    private final Sequence sequence;
    private final CommandRegistry registry;
    private long total;
    private ForEach heaviestLoop;
    private long heaviestLoopEvents;

    HistoryEstimator(Sequence sequence, CommandRegistry registry) {
        this.sequence = sequence;
        this.registry = registry;
        this.total = EXECUTION + events(sequence.steps());
    }

    long total() {
        return total;
    }

    List<CompileIssue> issues() {
        List<CompileIssue> issues = new ArrayList<>();
        if (total > SequenceCompiler.MAX_HISTORY_EVENTS) {
            String where = heaviestLoop == null ? "" : heaviestLoop.pointer();
            String cause = heaviestLoop == null
                    ? "the sequence has too many steps"
                    : "the ForEach over " + heaviestLoop.each() + " accounts for about " + heaviestLoopEvents
                            + " of them; use fewer items, split the sequence, or set maxConcurrency above "
                            + SequenceCompiler.INLINE_MAP_MAX_CONCURRENCY
                            + " so the loop runs as a Distributed Map with its own histories";
            issues.add(new CompileIssue(DiagnosticCode.HISTORY_EVENTS_EXCEEDED,
                    "one execution would record at least " + total + " history events (Step Functions Standard allows "
                            + SequenceCompiler.MAX_HISTORY_EVENTS + "): " + cause, where));
        }
        long commands = sequence.commands().stream().map(CommandStep::id).distinct().count();
        long payload = (commands + 1) * ResultTypes.ENVELOPE_MAX_BYTES + sequence.context().toString().length();
        if (payload > MAX_PAYLOAD_BYTES) {
            issues.add(new CompileIssue(DiagnosticCode.PAYLOAD_BUDGET,
                    commands + " commands keep their results (up to " + ResultTypes.ENVELOPE_MAX_BYTES / 1024
                            + " KiB each) in the run state, which may then exceed the 256 KiB Step Functions payload "
                            + "limit; split the sequence", ""));
        }
        return issues;
    }

    private long events(List<Step> steps) {
        long sum = 0;
        for (Step step : steps) {
            sum += switch (step) {
                case CommandStep c -> command(c);
                case Conditional c -> CHOICE + Math.max(events(c.thenSteps()), events(c.elseSteps()));
                case ForEach f -> forEach(f);
            };
        }
        return sum;
    }

    private long command(CommandStep step) {
        CommandSpec spec = registry.require(step.command());
        long n = spec.lambda().isPresent() ? TASK : PASS;
        if (spec.crawls()) {
            n += CHOICE;
        }
        n += PASS; // record
        if (sequence.onErrorOf(step) == OnError.ABORT) {
            n += CHOICE;
        }
        return n;
    }

    private long forEach(ForEach f) {
        long body = events(f.body());
        long perIteration = ITERATION + body + CHOICE + PASS;
        boolean distributed = f.maxConcurrency() == 0 || f.maxConcurrency() > SequenceCompiler.INLINE_MAP_MAX_CONCURRENCY;
        long loopEvents = distributed ? MAP + 2 : MAP + iterations(f) * perIteration;
        long n = loopEvents + CHOICE + PASS;
        if (loopEvents > heaviestLoopEvents) {
            heaviestLoopEvents = loopEvents;
            heaviestLoop = f;
        }
        return n;
    }

    /** The length of a declared context array, else the envelope list cap (results lists never hold more). */
    private long iterations(ForEach f) {
        Optional<Path> path = ExpressionParser.parsePath(f.each()).fold(Optional::of, e -> Optional.empty());
        if (path.isPresent() && path.get().root().equals("context")) {
            JsonNode node = sequence.context();
            for (String name : path.get().names().subList(1, path.get().names().size())) {
                node = name.startsWith("[") ? node.path(Integer.parseInt(name.substring(1, name.length() - 1))) : node.path(name);
            }
            if (node.isArray()) {
                return node.size();
            }
        }
        return SequenceCompiler.ASSUMED_ITERATIONS;
    }
}

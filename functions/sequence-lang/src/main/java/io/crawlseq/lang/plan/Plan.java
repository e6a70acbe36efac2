package io.crawlseq.lang.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.model.RetryPolicy;
import io.crawlseq.lang.registry.LambdaSettings;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a run would do, worked out without running anything (the brief's dry run): every command in
 * order with its resolved arguments and the function it calls, branches with what decides them,
 * loops with their items when the run context already holds them.
 */
public record Plan(Optional<String> sequenceName, ObjectNode runContext, List<Node> steps) {

    public Plan {
        runContext = runContext.deepCopy();
        steps = List.copyOf(steps);
    }

    /** A planned step. {@code pointer} locates it in the sequence file. */
    public sealed interface Node permits Command, Branch, Loop {
        String pointer();
    }

    /**
     * @param args     arguments as the handler would receive them (defaults filled in, templates resolved
     *                 where the run context allows); unresolved templates are kept as written
     * @param deferred paths (as written) resolved only at run time, e.g. {@code results.hubs.hubs}
     * @param function the Lambda that runs it; empty for commands compiled to a Pass state
     */
    public record Command(String id, String command, ObjectNode args, List<String> deferred,
                          Optional<LambdaSettings> function, String onError, OptionalLong timeoutMs,
                          RetryPolicy retry, String pointer) implements Node {
        public Command {
            args = args.deepCopy();
            deferred = List.copyOf(deferred);
        }
    }

    /** How a condition is decided. */
    public enum Decision {
        THEN, ELSE, AT_RUN_TIME
    }

    /** @param decidedBy paths whose run-time values decide the branch (empty when decided now) */
    public record Branch(String condition, Decision decision, List<String> decidedBy, List<Node> thenSteps,
                         List<Node> elseSteps, String pointer) implements Node {
        public Branch {
            decidedBy = List.copyOf(decidedBy);
            thenSteps = List.copyOf(thenSteps);
            elseSteps = List.copyOf(elseSteps);
        }
    }

    /**
     * @param itemCount  number of items when known now
     * @param iterations one entry per item when known now, else a single template iteration with
     *                   {@code item} empty
     */
    public record Loop(String each, String as, int maxConcurrency, OptionalInt itemCount, List<Iteration> iterations,
                       String pointer) implements Node {
        public Loop {
            iterations = List.copyOf(iterations);
        }
    }

    public record Iteration(OptionalInt index, Optional<JsonNode> item, List<Node> steps) {
        public Iteration {
            item = item.map(JsonNode::deepCopy);
            steps = List.copyOf(steps);
        }
    }
}

package io.crawlseq.lang.compile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.model.CommandStep;
import io.crawlseq.lang.model.Conditional;
import io.crawlseq.lang.model.ForEach;
import io.crawlseq.lang.model.Limits;
import io.crawlseq.lang.model.OnError;
import io.crawlseq.lang.model.RetryPolicy;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.model.SequenceVersion;
import io.crawlseq.lang.model.Step;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds model values for compiler tests without going through the loader. */
final class Steps {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Steps() {
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static CommandStep command(String id, String command, String argsJson) {
        return new CommandStep(id, !id.startsWith("step"), command, argsJson == null ? null : json(argsJson),
                Optional.empty(), OptionalLong.empty(), Optional.empty(), "/steps/" + id);
    }

    static CommandStep command(String id, String command) {
        return command(id, command, null);
    }

    static CommandStep abortOnError(CommandStep c) {
        return new CommandStep(c.id(), c.idExplicit(), c.command(), c.args(), Optional.of(OnError.ABORT), c.timeoutMs(),
                c.retry(), c.pointer());
    }

    static CommandStep withRetry(CommandStep c, RetryPolicy retry, long timeoutMs) {
        return new CommandStep(c.id(), c.idExplicit(), c.command(), c.args(), c.onError(), OptionalLong.of(timeoutMs),
                Optional.of(retry), c.pointer());
    }

    static Conditional when(String condition, List<Step> then, List<Step> otherwise) {
        return new Conditional(condition, then, otherwise, !otherwise.isEmpty(), "/steps/if");
    }

    static ForEach forEach(String each, String as, int maxConcurrency, Step... body) {
        return new ForEach(each, as, List.of(body), maxConcurrency, "/steps/each-" + as);
    }

    static Sequence v2(String contextJson, Step... steps) {
        return new Sequence(SequenceVersion.V2, Optional.of("test"), Optional.empty(), Optional.empty(),
                contextJson == null ? null : json(contextJson), Optional.empty(), Limits.NONE, OnError.CONTINUE,
                List.of(steps));
    }

    static Sequence v1(Step... steps) {
        return new Sequence(SequenceVersion.V1, Optional.empty(), Optional.empty(), Optional.empty(), null,
                Optional.empty(), Limits.NONE, OnError.CONTINUE, List.of(steps));
    }
}

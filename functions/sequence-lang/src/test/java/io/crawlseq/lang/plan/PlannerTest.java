package io.crawlseq.lang.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.model.CommandStep;
import io.crawlseq.lang.model.Conditional;
import io.crawlseq.lang.model.ForEach;
import io.crawlseq.lang.model.Limits;
import io.crawlseq.lang.model.OnError;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.model.SequenceVersion;
import io.crawlseq.lang.model.Step;
import io.crawlseq.lang.registry.CommandRegistry;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Planner planner = new Planner(CommandRegistry.standard());

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static CommandStep command(String id, String command, String args) {
        return new CommandStep(id, true, command, json(args), Optional.empty(), OptionalLong.empty(), Optional.empty(), "/steps/" + id);
    }

    private static Sequence sequence(String context, Step... steps) {
        return new Sequence(SequenceVersion.V2, Optional.of("g7"), Optional.empty(), Optional.of("https://news.example/"),
                json(context), Optional.empty(), Limits.NONE, OnError.CONTINUE, List.of(steps));
    }

    @Test
    void loopOverKnownContext_expandsEveryIterationWithResolvedArgsAndDefaults() {
        Sequence seq = sequence("{'countries': [{'code': 'US'}, {'code': 'FR'}]}",
                new ForEach("context.countries", "country", List.of(
                        command("place", "ensurePlaceHubs", "{'country': '{{country.code}}'}")), 1, "/steps/0"));

        Plan plan = planner.plan(seq, RunContexts.merge(seq, null, null));

        Plan.Loop loop = (Plan.Loop) plan.steps().getFirst();
        assertThat(loop.itemCount()).hasValue(2);
        assertThat(loop.iterations()).hasSize(2);
        Plan.Command second = (Plan.Command) loop.iterations().get(1).steps().getFirst();
        assertThat(second.args().path("country").asText()).isEqualTo("FR");
        assertThat(second.args().path("minConfidence").asDouble()).isEqualTo(0.6);
        assertThat(second.args().at("/politeness/delayMs").asInt()).isEqualTo(1000);
        assertThat(second.function()).hasValueSatisfying(f -> assertThat(f.logicalId()).isEqualTo("EnsurePlaceHubsFunction"));
        assertThat(plan.runContext().path("startUrl").asText()).isEqualTo("https://news.example/");
    }

    @Test
    void conditionOnResults_isDecidedAtRunTimeAndNamesThePathsThatDecideIt() {
        Sequence seq = sequence("{}", command("a", "ensurePlaceHubs", "{}"),
                new Conditional("results.a.success && results.a.hubCount > 10",
                        List.of(command("b", "findTopicHubs", "{'minConfidence': 0.8}")),
                        List.of(command("w", "logWarning", "{'message': 'few hubs on {{context.startUrl}}'}")), true, "/steps/1"));

        Plan plan = planner.plan(seq, RunContexts.merge(seq, null, "https://other.example/"));

        Plan.Branch branch = (Plan.Branch) plan.steps().get(1);
        assertThat(branch.decision()).isEqualTo(Plan.Decision.AT_RUN_TIME);
        assertThat(branch.decidedBy()).containsExactly("results.a.success", "results.a.hubCount");
        Plan.Command warning = (Plan.Command) branch.elseSteps().getFirst();
        assertThat(warning.args().path("message").asText()).isEqualTo("few hubs on https://other.example/");
        assertThat(warning.function()).isEmpty();
        assertThat(PlanPrinter.text(plan)).contains("decided at run time by results.a.success, results.a.hubCount")
                .contains("b: findTopicHubs  -> FindTopicHubsFunction (1024 MB, 900 s)");
    }

    @Test
    void conditionOnContext_isDecidedNow() {
        Sequence seq = sequence("{'deep': false}", new Conditional("context.deep === true",
                List.of(command("a", "basicArticleCrawl", "{}")), List.of(command("b", "siteExplorer", "{}")), true, "/steps/0"));

        Plan.Branch branch = (Plan.Branch) planner.plan(seq, RunContexts.merge(seq, json("{'deep': true}"), null)).steps().getFirst();

        assertThat(branch.decision()).isEqualTo(Plan.Decision.THEN);
        assertThat(branch.decidedBy()).isEmpty();
    }

    @Test
    void loopOverResults_showsOneTemplateIterationWithDeferredArgs() {
        Sequence seq = sequence("{}", command("hubs", "ensureCountryHubs", "{}"),
                new ForEach("results.hubs.hubs", "hub", List.of(
                        command("probe", "hubDepthProbe", "{'hubUrl': '{{hub.url}}'}")), 2, "/steps/1"));

        Plan plan = planner.plan(seq, RunContexts.merge(seq, null, null));

        Plan.Loop loop = (Plan.Loop) plan.steps().get(1);
        assertThat(loop.itemCount()).isEmpty();
        Plan.Command probe = (Plan.Command) loop.iterations().getFirst().steps().getFirst();
        assertThat(probe.args().path("hubUrl").asText()).isEqualTo("{{hub.url}}");
        assertThat(probe.deferred()).containsExactly("hub.url");
        assertThat(PlanPrinter.json(plan).at("/steps/1/iterations/0/steps/0/resolvedAtRunTime/0").asText()).isEqualTo("hub.url");
    }
}

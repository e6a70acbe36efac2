package io.crawlseq.lang.compile;

import static io.crawlseq.lang.compile.Steps.command;
import static io.crawlseq.lang.compile.Steps.forEach;
import static io.crawlseq.lang.compile.Steps.v1;
import static io.crawlseq.lang.compile.Steps.v2;
import static io.crawlseq.lang.compile.Steps.when;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.model.CommandStep;
import io.crawlseq.lang.model.Limits;
import io.crawlseq.lang.model.OnError;
import io.crawlseq.lang.model.RetryPolicy;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.model.SequenceVersion;
import io.crawlseq.lang.model.Step;
import io.crawlseq.lang.registry.CommandRegistry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SequenceCompilerTest {

    private final SequenceCompiler compiler = new SequenceCompiler(CommandRegistry.standard());

    private static JsonNode state(CompileResult result, String name) {
        JsonNode found = find(result.definition(), name);
        assertThat(found).as("state %s", name).isNotNull();
        return found;
    }

    private static JsonNode find(JsonNode machine, String name) {
        JsonNode states = machine.path("States");
        if (states.has(name)) {
            return states.get(name);
        }
        for (JsonNode s : states) {
            JsonNode inner = find(s.path("ItemProcessor"), name);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    @Test
    void v1Sequence_becomesTasksInvokingEachCommandsFunctionThroughPlaceholders() {
        CompileResult result = compiler.compile(v1(command("step1", "ensureCountryHubs"),
                command("step2", "exploreCountryHubs", "{'country': 'US', 'limit': 100}")));

        JsonNode task = state(result, "step2 exploreCountryHubs");
        assertThat(task.path("Resource").asText()).isEqualTo("arn:aws:states:::lambda:invoke");
        assertThat(task.at("/Parameters/FunctionName").asText()).isEqualTo("${ExploreCountryHubsFunctionArn}");
        assertThat(task.at("/Parameters/Payload/command").asText()).isEqualTo("exploreCountryHubs");
        assertThat(task.at("/Parameters/Payload/stepId").asText()).isEqualTo("step2");
        assertThat(task.at("/Parameters/Payload/args")).isEqualTo(Steps.json("{'country': 'US', 'limit': 100}"));
        assertThat(task.at("/Parameters/Payload/context.$").asText()).isEqualTo("$.context");
        assertThat(task.at("/Parameters/Payload").has("attempt.$")).as("not every engine has $$.State.RetryCount").isFalse();
        assertThat(task.at("/Parameters/Payload").has("loop.$")).isFalse();
        assertThat(task.at("/ResultSelector/step2.$").asText()).isEqualTo("$.Payload");
        assertThat(task.at("/ResultSelector/lastCommand.$").asText()).isEqualTo("$.Payload");
        assertThat(result.substitutions()).containsExactly("EnsureCountryHubsFunctionArn", "ExploreCountryHubsFunctionArn");
        assertThat(result.issues()).isEmpty();
        assertThat(result.definition().path("StartAt").asText()).isEqualTo("Start");
        assertThat(state(result, "Start").at("/Next").asText()).isEqualTo("step1 ensureCountryHubs");
        assertThat(state(result, "step2 exploreCountryHubs - record").at("/Next").asText()).isEqualTo("Done");
    }

    @Test
    void compile_isDeterministicAcrossRunsAndEqualModels() {
        Sequence a = v2("{'g7': [{'code': 'US'}]}", forEach("context.g7", "country", 1,
                command("step1", "ensurePlaceHubs", "{'country': '{{country.code}}'}")),
                when("results.step1.status === 'success'", List.of(command("step2", "findTopicHubs")), List.of()));
        Sequence b = v2("{'g7': [{'code': 'US'}]}", forEach("context.g7", "country", 1,
                command("step1", "ensurePlaceHubs", "{'country': '{{country.code}}'}")),
                when("results.step1.status === 'success'", List.of(command("step2", "findTopicHubs")), List.of()));

        String first = compiler.compile(a).json();

        assertThat(compiler.compile(a).json()).isEqualTo(first);
        assertThat(compiler.compile(b).json()).isEqualTo(first);
        assertThat(first).endsWith("}\n").doesNotContain("\r");
    }

    @Test
    void templates_keepTypeForWholeValuesAndFormatInsideText() {
        CompileResult result = compiler.compile(v2("{'limit': 5, 'site': 'x'}",
                command("a", "exploreCountryHubs", "{'limit': '{{context.limit}}', 'startUrl': 'https://{{context.site}}/{it}'}"),
                command("b", "runScript", "{'script': 's.js', 'sources': ['{{results.a.articles[0].url}}', 'https://x/']}")));

        JsonNode a = state(result, "a exploreCountryHubs").at("/Parameters/Payload/args");
        assertThat(a.path("limit.$").asText()).isEqualTo("$.context.limit");
        assertThat(a.path("startUrl.$").asText()).isEqualTo("States.Format('https://{}/\\{it\\}', $.context.site)");
        JsonNode b = state(result, "b runScript").at("/Parameters/Payload/args");
        assertThat(b.path("sources.$").asText()).isEqualTo("States.Array($.results.a.articles[0].url, 'https://x/')");
        assertThat(b.path("script").asText()).isEqualTo("s.js");
    }

    @Test
    void templateInsideObjectInArray_isReportedAtItsPointer() {
        CompileResult result = compiler.compile(v2(null,
                command("a", "runScript", "{'script': 's.js', 'sources': [{'url': '{{context.startUrl}}'}]}")));

        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(DiagnosticCode.TEMPLATE_NOT_COMPILABLE);
            assertThat(issue.pointer()).isEqualTo("/steps/a/args/sources/0");
        });
    }

    @Test
    void everyTask_retriesServiceAndTransientErrorsAndCatchesEverythingIntoAFailedEnvelope() {
        CommandStep custom = Steps.withRetry(command("a", "siteExplorer"), new RetryPolicy(5, 3, 1.5, 30, false), 2500);
        CompileResult result = compiler.compile(v2(null, custom));

        JsonNode task = state(result, "a siteExplorer");
        assertThat(task.path("TimeoutSeconds").asInt()).isEqualTo(3);
        JsonNode retry = task.path("Retry");
        assertThat(retry).hasSize(2);
        assertThat(retry.get(0).path("ErrorEquals").toString()).contains("Lambda.ServiceException", "Lambda.TooManyRequestsException");
        assertThat(retry.get(1).path("ErrorEquals").toString()).contains("CommandTransientError", "States.Timeout");
        assertThat(retry.get(1).path("MaxAttempts").asInt()).isEqualTo(5);
        assertThat(retry.get(1).path("IntervalSeconds").asInt()).isEqualTo(3);
        assertThat(retry.get(1).path("BackoffRate").asDouble()).isEqualTo(1.5);
        assertThat(retry.get(1).path("MaxDelaySeconds").asInt()).isEqualTo(30);
        assertThat(retry.get(1).path("JitterStrategy").asText()).isEqualTo("NONE");
        assertThat(task.at("/Catch/0/ErrorEquals/0").asText()).isEqualTo("States.ALL");
        JsonNode check = state(result, task.at("/Catch/0/Next").asText());
        assertThat(check.at("/Choices/0/Variable").asText()).isEqualTo("$.caught.Cause");
        JsonNode fill = state(result, check.path("Default").asText());
        assertThat(fill.at("/Parameters/Cause.$").asText()).as("no cause: the error name stands in").isEqualTo("$.caught.Error");
        JsonNode build = state(result, check.at("/Choices/0/Next").asText());
        assertThat(fill.path("Next").asText()).isEqualTo(check.at("/Choices/0/Next").asText());
        assertThat(build.at("/Parameters/a/status").asText()).isEqualTo("failed");
        assertThat(build.at("/Parameters/a/success").asBoolean(true)).isFalse();
        assertThat(build.at("/Parameters/a/error/type.$").asText()).isEqualTo("$.caught.Error");
        assertThat(build.at("/Parameters/a/error/message.$").asText()).isEqualTo("$.caught.Cause");
        assertThat(build.at("/Parameters/a/hubCount").asInt(-1)).as("declared fields, neutral").isZero();
        JsonNode last = state(result, build.path("Next").asText());
        assertThat(last.at("/Parameters/lastCommand.$").asText()).isEqualTo("$.step.a");
        assertThat(last.path("Next").asText()).isEqualTo("a siteExplorer - record");
    }

    @Test
    void retryWithZeroAttempts_keepsOnlyTheLambdaServiceRetrier() {
        CommandStep noRetry = Steps.withRetry(command("a", "siteExplorer"), new RetryPolicy(0, 1, 1.0, 1, false), 1000);
        JsonNode task = state(compiler.compile(v2(null, noRetry)), "a siteExplorer");
        assertThat(task.path("Retry")).hasSize(1);
    }

    @Test
    void crawlingCommands_loopOnPartialResultsWithTheirContinuation() {
        CompileResult result = compiler.compile(v2(null, command("a", "basicArticleCrawl")));

        JsonNode task = state(result, "a basicArticleCrawl");
        assertThat(task.at("/Parameters/Payload/continuation.$").asText()).isEqualTo("$.continuation");
        assertThat(task.path("Next").asText()).isEqualTo("a basicArticleCrawl - partial");
        JsonNode check = state(result, "a basicArticleCrawl - partial");
        assertThat(check.at("/Choices/0/And/1/StringEquals").asText()).isEqualTo("partial");
        JsonNode proceed = state(result, check.at("/Choices/0/Next").asText());
        assertThat(proceed.path("InputPath").asText()).isEqualTo("$.step.a.continuation");
        assertThat(proceed.path("ResultPath").asText()).isEqualTo("$.continuation");
        assertThat(proceed.path("Next").asText()).isEqualTo("a basicArticleCrawl");
        assertThat(check.path("Default").asText()).isEqualTo("a basicArticleCrawl - record");
        assertThat(state(result, "a basicArticleCrawl - record").at("/Parameters/continuation").isNull())
                .as("the record resets the continuation").isTrue();
        assertThat(state(result, "Start").at("/Parameters/continuation").isNull()).isTrue();
        assertThat(result.stepStates()).containsOnlyKeys("a basicArticleCrawl");
    }

    @Test
    void logWarning_isAPassStateWithoutAFunction() {
        CompileResult result = compiler.compile(v2(null, command("warn", "logWarning", "{'message': 'few hubs: {{context.site}}'}")));

        JsonNode pass = state(result, "warn logWarning");
        assertThat(pass.path("Type").asText()).isEqualTo("Pass");
        assertThat(pass.at("/Parameters/warn/message.$").asText()).isEqualTo("States.Format('few hubs: {}', $.context.site)");
        assertThat(pass.at("/Parameters/warn/status").asText()).isEqualTo("success");
        assertThat(result.substitutions()).isEmpty();
    }

    @Test
    void onErrorAbort_failsTheExecutionWhenTheStepFailed() {
        CompileResult result = compiler.compile(v2(null, Steps.abortOnError(command("a", "siteExplorer")),
                command("b", "findTopicHubs")));

        JsonNode check = state(result, "a siteExplorer - abort if failed");
        assertThat(check.at("/Choices/0/Variable").asText()).isEqualTo("$.results.a.status");
        assertThat(check.at("/Choices/0/StringEquals").asText()).isEqualTo("failed");
        assertThat(state(result, check.at("/Choices/0/Next").asText()).path("Type").asText()).isEqualTo("Fail");
        assertThat(check.path("Default").asText()).isEqualTo("b findTopicHubs");
    }

    @Test
    void sequenceDefaultOnError_appliesToStepsWithoutTheirOwn() {
        Sequence seq = new Sequence(SequenceVersion.V2, Optional.empty(), Optional.empty(), Optional.empty(), null,
                Optional.empty(), new Limits(OptionalInt.of(3600), OptionalInt.empty()), OnError.ABORT,
                List.of(command("a", "siteExplorer")));
        CompileResult result = compiler.compile(seq);
        assertThat(state(result, "a siteExplorer - abort if failed")).isNotNull();
        assertThat(result.definition().path("TimeoutSeconds").asInt()).isEqualTo(3600);
    }

    @Test
    void forEach_bindsTheItemAndOuterLoopVariablesAndMergesTheLastIterationsResults() {
        CompileResult result = compiler.compile(v2("{'regions': [{'countries': ['FR']}]}",
                forEach("context.regions", "region", 2,
                        forEach("region.countries", "country", 1,
                                command("x", "ensurePlaceHubs", "{'country': '{{country}}'}")))));

        JsonNode outer = state(result, "ForEach 1 region");
        assertThat(outer.path("ItemsPath").asText()).isEqualTo("$.context.regions");
        assertThat(outer.path("MaxConcurrency").asInt()).isEqualTo(2);
        assertThat(outer.at("/ItemProcessor/ProcessorConfig/Mode").asText()).isEqualTo("INLINE");
        assertThat(outer.at("/ItemSelector/vars/region.$").asText()).isEqualTo("$$.Map.Item.Value");
        JsonNode inner = state(result, "ForEach 2 country");
        assertThat(inner.path("ItemsPath").asText()).isEqualTo("$.vars.region.countries");
        assertThat(inner.at("/ItemSelector/vars/region.$").asText()).isEqualTo("$.vars.region");
        assertThat(inner.at("/ItemSelector/vars/country.$").asText()).isEqualTo("$$.Map.Item.Value");
        assertThat(state(result, "x ensurePlaceHubs").at("/Parameters/Payload/args/country.$").asText())
                .isEqualTo("$.vars.country");
        assertThat(state(result, "x ensurePlaceHubs").at("/Parameters/Payload/loop.$").asText()).isEqualTo("$.loop");
        assertThat(inner.at("/ItemSelector/loop/outer.$").asText()).isEqualTo("$.loop");
        assertThat(outer.at("/ItemSelector/loop").has("outer.$")).isFalse();
        assertThat(state(result, "x ensurePlaceHubs - record").at("/Parameters/vars.$").asText()).isEqualTo("$.vars");
        JsonNode merge = state(result, "ForEach 1 region - merge");
        assertThat(merge.at("/Parameters/results.$").asText()).contains("States.ArrayGetItem($.loopOutput");
        assertThat(merge.at("/Parameters").has("vars.$")).isFalse();
        assertThat(state(result, "ForEach 2 country - merge").at("/Parameters").has("vars.$")).isTrue();
    }

    @Test
    void forEachAboveInlineConcurrency_becomesADistributedMap() {
        CompileResult result = compiler.compile(v2("{'xs': [1]}", forEach("context.xs", "x", 100, command("a", "siteExplorer"))));
        assertThat(state(result, "ForEach 1 x").at("/ItemProcessor/ProcessorConfig/Mode").asText()).isEqualTo("DISTRIBUTED");
    }

    @Test
    void sequenceMaxConcurrencyLimit_capsEveryLoop() {
        Sequence seq = new Sequence(SequenceVersion.V2, Optional.empty(), Optional.empty(), Optional.empty(),
                Steps.json("{'xs': [1]}"), Optional.empty(), new Limits(OptionalInt.empty(), OptionalInt.of(3)),
                OnError.CONTINUE, List.of(forEach("context.xs", "x", 10, command("a", "siteExplorer"))));
        assertThat(state(compiler.compile(seq), "ForEach 1 x").path("MaxConcurrency").asInt()).isEqualTo(3);
    }

    @Test
    void conditional_becomesAChoiceWithBothBranchesJoiningAfterIt() {
        CompileResult result = compiler.compile(v2(null,
                command("step1", "ensurePlaceHubs", "{'country': 'US'}"),
                when("results.lastCommand.success && results.lastCommand.hubCount > 10",
                        List.of(command("step2", "findTopicHubs", "{'minConfidence': 0.8}")),
                        List.of(command("step3", "logWarning", "{'message': 'Insufficient hubs'}"))),
                command("step4", "siteExplorer")));

        JsonNode choice = state(result, "If 1");
        JsonNode rule = choice.at("/Choices/0");
        assertThat(rule.path("Next").asText()).isEqualTo("step2 findTopicHubs");
        assertThat(choice.path("Default").asText()).isEqualTo("step3 logWarning");
        assertThat(rule.path("And").toString())
                .contains("\"Variable\":\"$.results.lastCommand.success\"")
                .contains("\"NumericGreaterThan\":10");
        assertThat(state(result, "step2 findTopicHubs - record").path("Next").asText()).isEqualTo("step4 siteExplorer");
        assertThat(state(result, "step3 logWarning - record").path("Next").asText()).isEqualTo("step4 siteExplorer");
    }

    @Test
    void constantCondition_compilesOnlyTheBranchThatCanRun() {
        CompileResult result = compiler.compile(v2(null,
                when("1 < 2 || results.x.success", List.of(command("a", "siteExplorer")), List.of(command("b", "findTopicHubs")))));
        assertThat(find(result.definition(), "a siteExplorer")).isNotNull();
        assertThat(find(result.definition(), "b findTopicHubs")).isNull();
        assertThat(find(result.definition(), "If 1")).isNull();
    }

    @Test
    void stateNames_areUniqueShortAndSafeEvenForLongIds() {
        String longId = "a".repeat(70);
        CompileResult result = compiler.compile(v2(null, command(longId, "crawlCountryHubsHistory"),
                command(longId + "b", "crawlCountryHubsHistory")));
        List<String> names = new ArrayList<>();
        collectNames(result.definition(), names);
        assertThat(names).doesNotHaveDuplicates().allSatisfy(n -> {
            assertThat(n.length()).isLessThanOrEqualTo(80);
            assertThat(n).matches("[A-Za-z0-9 _.-]+");
        });
        assertThat(result.issues()).isEmpty();
    }

    private static void collectNames(JsonNode machine, List<String> out) {
        Iterator<Map.Entry<String, JsonNode>> it = machine.path("States").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(e.getKey());
            collectNames(e.getValue().path("ItemProcessor"), out);
        }
    }

    @Test
    void allTransitions_pointAtExistingStates() {
        CompileResult result = compiler.compile(v2("{'xs': [1, 2]}",
                command("a", "ensureCountryHubs"),
                forEach("context.xs", "x", 1, when("x > 1", List.of(Steps.abortOnError(command("b", "siteExplorer"))), List.of())),
                when("!results.a.success", List.of(command("c", "logWarning", "{'message': 'm'}")), List.of())));
        assertTransitionsResolve(result.definition());
    }

    private static void assertTransitionsResolve(JsonNode machine) {
        JsonNode states = machine.path("States");
        assertThat(states.has(machine.path("StartAt").asText())).isTrue();
        states.forEach(s -> {
            List<String> targets = new ArrayList<>();
            if (s.has("Next")) {
                targets.add(s.get("Next").asText());
            }
            if (s.has("Default")) {
                targets.add(s.get("Default").asText());
            }
            s.path("Choices").forEach(c -> targets.add(c.path("Next").asText()));
            s.path("Catch").forEach(c -> targets.add(c.path("Next").asText()));
            assertThat(targets).allSatisfy(t -> assertThat(states.has(t)).as("target %s", t).isTrue());
            boolean terminal = s.path("End").asBoolean(false) || List.of("Succeed", "Fail", "Choice").contains(s.path("Type").asText());
            assertThat(terminal || s.has("Next")).isTrue();
            if (s.has("ItemProcessor")) {
                assertTransitionsResolve(s.get("ItemProcessor"));
            }
        });
    }

    @Test
    void hugeSequence_isReportedOverTheHistoryQuota() {
        List<Step> steps = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            steps.add(command("step" + i, "siteExplorer"));
        }
        CompileResult result = compiler.compile(v1(steps.toArray(Step[]::new)));
        assertThat(result.estimatedHistoryEvents()).isGreaterThan(SequenceCompiler.MAX_HISTORY_EVENTS);
        assertThat(result.issues()).extracting(CompileIssue::code)
                .contains(DiagnosticCode.HISTORY_EVENTS_EXCEEDED, DiagnosticCode.PAYLOAD_BUDGET);
        assertThat(result.hasErrors()).isTrue();
    }

    @Test
    void loopOverALargeDeclaredArray_isBlamedForTheHistoryOverflow() {
        StringBuilder items = new StringBuilder("{'xs': [");
        for (int i = 0; i < 3000; i++) {
            items.append(i == 0 ? "" : ",").append(i);
        }
        items.append("]}");
        CompileResult result = compiler.compile(v2(items.toString(),
                forEach("context.xs", "x", 1, command("a", "siteExplorer"))));
        assertThat(result.issues()).filteredOn(i -> i.code() == DiagnosticCode.HISTORY_EVENTS_EXCEEDED)
                .singleElement().satisfies(i -> {
                    assertThat(i.pointer()).isEqualTo("/steps/each-x");
                    assertThat(i.message()).contains("context.xs");
                });
    }

    @Test
    void functionArnPattern_replacesPlaceholders() {
        SequenceCompiler filled = new SequenceCompiler(CommandRegistry.standard(),
                FunctionResolver.pattern("arn:aws:lambda:eu-west-1:123456789012:function:crawl-{command}"));
        CompileResult result = filled.compile(v1(command("step1", "siteExplorer")));
        assertThat(state(result, "step1 siteExplorer").at("/Parameters/FunctionName").asText())
                .isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:crawl-siteExplorer");
        assertThat(result.substitutions()).isEmpty();
    }

    @Test
    void emptySequence_stillCompilesToAStartAndSucceed() {
        CompileResult result = compiler.compile(v1());
        assertThat(state(result, "Start").path("Next").asText()).isEqualTo("Done");
        assertThat(result.stateCount()).isEqualTo(2);
    }

    @Test
    void definitionAccessor_returnsACopy() {
        CompileResult result = compiler.compile(v1(command("step1", "siteExplorer")));
        ObjectNode copy = result.definition();
        copy.put("StartAt", "x");
        assertThat(result.definition().path("StartAt").asText()).isEqualTo("Start");
    }
}

package io.crawlseq.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.lang.registry.CommandErrors;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.DailyMetrics;
import io.crawlseq.store.Json;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.ResumeOutcome;
import io.crawlseq.store.StepRecord;
import io.crawlseq.store.StepStatus;
import io.crawlseq.store.blob.BlobKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CommandRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BUDGET = Duration.ofSeconds(900);
    private static final String COMMAND = "ensureCountryHubs";

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    /** A handler that returns (or throws) what the test scripts, and remembers the requests it saw. */
    private static final class Scripted implements CommandHandler {
        interface Step {
            CommandOutcome run(CommandRequest request) throws CommandException;
        }

        final Deque<Step> steps = new ArrayDeque<>();
        final List<CommandRequest> seen = new ArrayList<>();

        Scripted then(Step step) {
            steps.add(step);
            return this;
        }

        @Override
        public String command() {
            return COMMAND;
        }

        @Override
        public CommandOutcome run(CommandRequest request, CommandServices services) throws CommandException {
            seen.add(request);
            return steps.remove().run(request);
        }
    }

    private CommandRunner runner(Scripted handler) {
        CommandServices services = new CommandServices(CrawlerFactory.configured(CrawlerConfig.defaults()), aws.storage(),
                ScriptExecutor.UNAVAILABLE, Clock.systemUTC(), CommandProgress.NONE);
        return new CommandRunner(CommandRegistry.standard(), new HandlerCatalog(List.of(handler)), services);
    }

    private static ObjectNode payload(String runId) {
        ObjectNode p = JSON.createObjectNode().put("command", COMMAND).put("stepId", "hubs").put("runId", runId);
        p.putObject("args").put("maxDownloads", 10);
        p.putObject("context").put("startUrl", "https://news.example/");
        return p;
    }

    private static ObjectNode counters(long pages, long bytes) {
        return CommandOutcome.noFields().put("pagesFetched", pages).put("bytesFetched", bytes);
    }

    private List<StepRecord> steps(String runId) {
        return aws.storage().runs().steps(runId, PageRequest.first(100)).items();
    }

    private List<DailyMetrics> metricsToday() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return aws.storage().metrics().daily(COMMAND, today.minusDays(1), today.plusDays(1));
    }

    @Test
    void aCompletedInvocation_isRecordedAsAStepAndInTheMetrics_beforeRunReturns() throws Exception {
        Scripted handler = new Scripted().then(r -> new CommandOutcome.Completed(counters(7, 700).put("hubCount", 2)));

        CommandRunner.Invocation inv = runner(handler).run(payload("run-ok"), BUDGET);

        assertThat(inv.envelope().path("status").asText()).isEqualTo("success");
        List<StepRecord> steps = steps("run-ok");
        assertThat(steps).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(s.stepId()).isEqualTo("hubs");
            assertThat(s.result().orElseThrow()).isEqualTo(Json.of(inv.envelope()));
            assertThat(s.args().node().path("maxDownloads").asInt()).isEqualTo(10);
            assertThat(s.args().node().path("maxDepth").asInt()).isEqualTo(4);
        });
        assertThat(metricsToday()).singleElement().satisfies(d -> {
            assertThat(d.counters().invocations()).isEqualTo(1);
            assertThat(d.counters().failures()).isZero();
            assertThat(d.counters().pages()).isEqualTo(7);
            assertThat(d.counters().bytes()).isEqualTo(700);
        });
    }

    @Test
    void aCutList_isStoredInFullAsABlob_andTheOutcomeKeepsItWhole() throws Exception {
        ObjectNode fields = CommandOutcome.noFields();
        ArrayNode hubs = fields.putArray("hubs");
        for (int i = 0; i < 40; i++) {
            hubs.addObject().put("url", "https://news.example/world/" + i).put("kind", "country").put("confidence", 0.9)
                    .put("verified", true);
        }
        Scripted handler = new Scripted().then(r -> new CommandOutcome.Completed(fields));

        CommandRunner.Invocation inv = runner(handler).run(payload("run-cap"), BUDGET);

        assertThat(inv.envelope().path("hubs")).hasSize(25);
        assertThat(inv.envelope().path("truncated").get(0).asText()).isEqualTo("hubs");
        assertThat(inv.outcome().fields().path("hubs")).hasSize(40);
        byte[] blob = aws.storage().blobs().get(BlobKeys.stepOutput("run-cap", "hubs", 1, "hubs")).orElseThrow().bytes();
        assertThat(JSON.readTree(new String(blob, StandardCharsets.UTF_8))).isEqualTo(hubs);
    }

    @Test
    void aLongCrawl_savesItsStateAcrossInvocations_andCountsItsMetricsOnce() throws Exception {
        JsonNode state1 = JSON.readTree("{\"frontier\": [\"a\", \"b\"]}");
        JsonNode state2 = JSON.readTree("{\"frontier\": [\"b\"]}");
        Scripted handler = new Scripted()
                .then(r -> new CommandOutcome.Partial(state1, counters(10, 100)))
                .then(r -> new CommandOutcome.Partial(state2, counters(25, 250)))
                .then(r -> new CommandOutcome.Completed(counters(30, 300).put("hubCount", 1)));
        CommandRunner runner = runner(handler);

        CommandRunner.Invocation first = runner.run(payload("run-long"), BUDGET);
        ObjectNode next = payload("run-long");
        next.set("continuation", first.envelope().get("continuation"));
        CommandRunner.Invocation second = runner.run(next, BUDGET);
        next.set("continuation", second.envelope().get("continuation"));
        CommandRunner.Invocation third = runner.run(next, BUDGET);

        assertThat(first.envelope().at("/continuation/invocation").asInt()).isEqualTo(2);
        assertThat(second.envelope().at("/continuation/invocation").asInt()).isEqualTo(3);
        assertThat(second.envelope().at("/continuation/token")).isEqualTo(first.envelope().at("/continuation/token"));
        assertThat(third.envelope().path("status").asText()).isEqualTo("success");
        assertThat(handler.seen.get(0).resumeState()).isEmpty();
        assertThat(handler.seen.get(1).resumeState()).contains(state1);
        assertThat(handler.seen.get(2).resumeState()).contains(state2);
        assertThat(handler.seen.get(2).invocation()).isEqualTo(3);
        assertThat(steps("run-long")).extracting(StepRecord::invocation, StepRecord::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, StepStatus.PARTIAL), org.assertj.core.groups.Tuple.tuple(2, StepStatus.PARTIAL),
                org.assertj.core.groups.Tuple.tuple(3, StepStatus.SUCCEEDED));
        String token = first.envelope().at("/continuation/token").asText();
        assertThat(aws.storage().continuations().resume(token, 3, BUDGET)).isInstanceOf(ResumeOutcome.NotFound.class);
        // 30 pages over three invocations, however often the cumulative envelopes repeat them
        assertThat(metricsToday()).singleElement().satisfies(d -> {
            assertThat(d.counters().invocations()).isEqualTo(3);
            assertThat(d.counters().pages()).isEqualTo(30);
            assertThat(d.counters().bytes()).isEqualTo(300);
        });
    }

    @Test
    void aContinuationThatIsGone_isAFailedResult_ContinuationLost() throws Exception {
        Scripted handler = new Scripted();
        ObjectNode p = payload("run-lost");
        p.putObject("continuation").put("token", "0123456789abcdef0123456789abcdef").put("invocation", 2);

        CommandRunner.Invocation inv = runner(handler).run(p, BUDGET);

        assertThat(inv.envelope().path("status").asText()).isEqualTo("failed");
        assertThat(inv.envelope().at("/error/type").asText()).isEqualTo("ContinuationLost");
        assertThat(handler.seen).isEmpty();
        assertThat(steps("run-lost")).singleElement().extracting(StepRecord::status).isEqualTo(StepStatus.FAILED);
    }

    @Test
    void aContinuationAskedForTheWrongInvocation_isLostToo() throws Exception {
        String token = aws.storage().continuations().start("run-wrong", "hubs", COMMAND,
                Json.of(JSON.readTree("{\"handler\": {}, \"counted\": {}}"))).token();
        ObjectNode p = payload("run-wrong");
        p.putObject("continuation").put("token", token).put("invocation", 5);

        CommandRunner.Invocation inv = runner(new Scripted()).run(p, BUDGET);

        assertThat(inv.envelope().at("/error/type").asText()).isEqualTo("ContinuationLost");
        assertThat(inv.envelope().at("/error/message").asText()).contains("expected invocation 2");
    }

    @Test
    void aContinuationHeldByADuplicateInvocation_isATransientError() throws Exception {
        String token = aws.storage().continuations().start("run-busy", "hubs", COMMAND,
                Json.of(JSON.readTree("{\"handler\": {}, \"counted\": {}}"))).token();
        ResumeOutcome held = aws.storage().continuations().resume(token, 2, BUDGET);
        assertThat(held).isInstanceOf(ResumeOutcome.Resumed.class);
        ObjectNode p = payload("run-busy");
        p.putObject("continuation").put("token", token).put("invocation", 2);
        Scripted handler = new Scripted();

        assertThatThrownBy(() -> runner(handler).run(p, BUDGET)).isInstanceOfSatisfying(CommandException.class,
                e -> assertThat(e.isTransient()).isTrue());
        assertThat(handler.seen).isEmpty();
        aws.storage().continuations().release(((ResumeOutcome.Resumed) held).lease());
    }

    @Test
    void aTransientError_isRaisedForRetry_afterTheFailedStepIsRecorded_andTheLeaseReleased() throws Exception {
        Scripted handler = new Scripted()
                .then(r -> new CommandOutcome.Partial(JSON.createObjectNode().put("at", 1), counters(1, 1)))
                .then(r -> {
                    throw CommandException.transientFailure("store throttled", null);
                })
                .then(r -> new CommandOutcome.Completed(counters(2, 2)));
        CommandRunner runner = runner(handler);
        CommandRunner.Invocation first = runner.run(payload("run-retry"), BUDGET);
        ObjectNode next = payload("run-retry");
        next.set("continuation", first.envelope().get("continuation"));

        assertThatThrownBy(() -> runner.run(next, BUDGET)).isInstanceOfSatisfying(CommandException.class, e -> {
            assertThat(e.errorType()).isEqualTo(CommandErrors.TRANSIENT);
            assertThat(e.getMessage()).isEqualTo("store throttled");
        });
        assertThat(steps("run-retry")).filteredOn(s -> s.invocation() == 2).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(StepStatus.FAILED);
            assertThat(s.error().orElseThrow().type()).isEqualTo(CommandErrors.TRANSIENT);
        });
        CommandRunner.Invocation retried = runner.run(next, BUDGET);
        assertThat(retried.envelope().path("status").asText()).isEqualTo("success");
        assertThat(steps("run-retry")).filteredOn(s -> s.invocation() == 2).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(s.attempt()).isEqualTo(2);
        });
    }

    @Test
    void aDuplicateDeliveryOfAFinishedInvocation_returnsItsRecordedResult_withoutRunningTheHandlerAgain() throws Exception {
        Scripted handler = new Scripted().then(r -> new CommandOutcome.Completed(counters(4, 40).put("hubCount", 1)));
        CommandRunner runner = runner(handler);

        CommandRunner.Invocation first = runner.run(payload("run-dup"), BUDGET);
        CommandRunner.Invocation again = runner.run(payload("run-dup"), BUDGET);

        assertThat(handler.seen).hasSize(1);
        assertThat(again.envelope().toString()).isEqualTo(first.envelope().toString());
        assertThat(metricsToday()).singleElement().satisfies(d -> assertThat(d.counters().invocations()).isEqualTo(1));
    }

    @Test
    void aFatalError_isRaised_andNotRetryable() {
        Scripted handler = new Scripted().then(r -> {
            throw CommandException.fatal("deployment broken");
        });

        assertThatThrownBy(() -> runner(handler).run(payload("run-fatal"), BUDGET))
                .isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.isTransient()).isFalse());
        assertThat(steps("run-fatal")).singleElement().extracting(StepRecord::status).isEqualTo(StepStatus.FAILED);
    }

    @Test
    void aHandlerBug_isAFailedResult_InternalError_andTheRunGoesOn() throws Exception {
        Scripted handler = new Scripted().then(r -> {
            throw new IllegalStateException("oops");
        });

        CommandRunner.Invocation inv = runner(handler).run(payload("run-bug"), BUDGET);

        assertThat(inv.envelope().path("status").asText()).isEqualTo("failed");
        assertThat(inv.envelope().at("/error/type").asText()).isEqualTo("InternalError");
        assertThat(inv.envelope().at("/error/message").asText()).contains("oops");
        assertThat(inv.envelope().path("hubs").isArray()).isTrue();
        assertThat(metricsToday()).singleElement().satisfies(d -> assertThat(d.counters().failures()).isEqualTo(1));
    }

    @Test
    void theDeadline_isTheBudgetLessTheSaveMargin_cappedByTheTimeoutArg() throws Exception {
        Scripted handler = new Scripted().then(r -> new CommandOutcome.Completed(CommandOutcome.noFields()))
                .then(r -> new CommandOutcome.Completed(CommandOutcome.noFields()));
        CommandRunner runner = runner(handler);
        ObjectNode withTimeout = payload("run-deadline-2");
        ((ObjectNode) withTimeout.get("args")).put("timeout", 5000);

        runner.run(payload("run-deadline-1"), Duration.ofSeconds(60));
        runner.run(withTimeout, Duration.ofSeconds(60));

        CommandRequest plain = handler.seen.get(0);
        CommandRequest timed = handler.seen.get(1);
        Duration plainWork = Duration.between(aws.storage().runs().steps("run-deadline-1", PageRequest.first(1)).items()
                .get(0).startedAt(), plain.deadline());
        Duration timedWork = Duration.between(aws.storage().runs().steps("run-deadline-2", PageRequest.first(1)).items()
                .get(0).startedAt(), timed.deadline());
        assertThat(plainWork).isBetween(Duration.ofSeconds(39), Duration.ofSeconds(41));
        assertThat(timedWork).isBetween(Duration.ofMillis(4990), Duration.ofMillis(5010));
    }
}

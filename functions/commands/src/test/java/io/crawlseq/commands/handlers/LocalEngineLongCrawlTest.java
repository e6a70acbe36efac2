package io.crawlseq.commands.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandProgress;
import io.crawlseq.commands.CommandRunner;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.CrawlerFactory;
import io.crawlseq.commands.ScriptExecutor;
import io.crawlseq.commands.StandardHandlers;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.testing.sites.ArchiveSite;
import io.crawlseq.crawler.testing.sites.GuessSites;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.engine.ExecutionResult;
import io.crawlseq.engine.ExecutionStatus;
import io.crawlseq.engine.LocalEngine;
import io.crawlseq.engine.asl.AslParser;
import io.crawlseq.engine.task.FunctionRouter;
import io.crawlseq.engine.task.TaskInvocation;
import io.crawlseq.lang.compile.Compilation;
import io.crawlseq.lang.compile.SequenceCompiler;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.localstack.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sequence of long crawls, compiled to a state machine and run on the local engine (what
 * {@code crawl-sequence run} does), with the command handlers answering its Lambda tasks through
 * the runner and the store: with a tiny work budget per invocation ({@code timeout} args of a few
 * seconds, a manual crawler clock on which every request waits a second) the machine's
 * partial/resume loop invokes each step many times and the run still SUCCEEDS with the results of a
 * run without a budget.
 */
class LocalEngineLongCrawlTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private static final String SEQUENCE = """
            type: Sequence
            name: long-crawls
            context: {archiveHub: "https://archive.example/archive/query"}
            steps:
              - type: Command
                id: depth
                command: hubDepthProbe
                args: {hubUrl: "{{context.archiveHub}}"%s}
              - type: Command
                id: archive
                command: hubArchiveCrawl
                args: {hubUrl: "{{context.archiveHub}}", maxPages: 6, fetchArticles: true%s}
              - type: Command
                id: guess
                command: guessPlaceHubs
                args: {kinds: [country], limit: 30%s}
              - type: Command
                id: explore
                command: exploreCountryHubs
                args: {limit: 40, maxDepth: 0%s}
            """;

    /** Runs the sequence; returns the final results and counts the task invocations per step. */
    private JsonNode run(String budget, LoopbackServer site, LoopbackServer archive, Map<String, AtomicInteger> calls) {
        String text = SEQUENCE.formatted(budget, budget, budget, budget);
        SequenceCompiler compiler = new SequenceCompiler(CommandRegistry.standard());
        Compilation compilation = Compilation.of("long-crawls.yaml", text.getBytes(StandardCharsets.UTF_8), compiler);
        assertThat(compilation.diagnostics()).isEmpty();
        assertThat(compilation.isDeployable()).isTrue();
        CommandServices services = new CommandServices(
                CrawlerFactory.configured(TestConfigs.forServers(new ManualClock(), site, archive)), aws.storage(),
                ScriptExecutor.UNAVAILABLE, Clock.fixed(Instant.now(), ZoneOffset.UTC), CommandProgress.NONE);
        CommandRunner runner = new CommandRunner(CommandRegistry.standard(), StandardHandlers.catalog(), services);
        LocalEngine engine = LocalEngine.builder().delayScale(0).taskInvoker((TaskInvocation invocation) -> {
            calls.computeIfAbsent(invocation.payload().path("stepId").asText(), k -> new AtomicInteger()).incrementAndGet();
            try {
                return runner.run(invocation.payload(), Duration.ofSeconds(900)).envelope();
            } catch (CommandException e) {
                throw FunctionRouter.functionError(e.errorType(), String.valueOf(e.getMessage()));
            }
        }).build();
        ObjectNode input = HubWorkHarness.JSON.createObjectNode();
        input.putObject("context").put("startUrl", site.url("/")).put("archiveHub", archive.url("/archive/query"));
        ExecutionResult result = engine.start(AslParser.parse(compilation.compiled().orElseThrow().definition())
                .orElseThrow(), input, "run-" + System.nanoTime(), "long-crawls");
        assertThat(result.status()).as(String.valueOf(result.cause())).isEqualTo(ExecutionStatus.SUCCEEDED);
        return result.output().path("results");
    }

    private static JsonNode comparable(JsonNode envelope) {
        ObjectNode copy = envelope.deepCopy();
        copy.remove(List.of("startedAt", "finishedAt", "elapsedMs", "pagesFetched", "bytesFetched", "failures"));
        return copy;
    }

    @Test
    void aSequenceOfLongCrawls_withATinyBudget_succeedsWithTheResultsOfOneLongRun() throws Exception {
        try (LoopbackServer site = LoopbackServer.start(); LoopbackServer archive = LoopbackServer.start()) {
            GuessSites.worldwide().serve(site);
            ArchiveSite.standard().serve(archive);
            HubWorkHarness.quick(aws.storage(), site).recordHubsFound(site.url("/"), Set.of(HubKind.COUNTRY));
            Map<String, AtomicInteger> wholeCalls = new ConcurrentHashMap<>();
            JsonNode whole = run("", site, archive, wholeCalls);
            Map<String, AtomicInteger> pieceCalls = new ConcurrentHashMap<>();

            JsonNode pieces = run(", timeout: 3000", site, archive, pieceCalls);

            assertThat(wholeCalls.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(pieceCalls.get("archive").get()).isGreaterThan(10);
            assertThat(pieceCalls.get("guess").get()).isGreaterThan(5);
            assertThat(pieceCalls.get("explore").get()).isGreaterThan(5);
            for (String step : List.of("depth", "archive", "guess", "explore")) {
                assertThat(pieces.path(step).path("status").asText()).isEqualTo("success");
                assertThat(comparable(pieces.path(step))).as(step).isEqualTo(comparable(whole.path(step)));
            }
            assertThat(whole.path("guess").path("hits").asInt()).isPositive();
            assertThat(whole.path("explore").path("hubsVisited").asInt()).isEqualTo(4);
        }
    }
}

package io.crawlseq.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandProgress;
import io.crawlseq.commands.CommandRunner;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.CrawlerFactory;
import io.crawlseq.commands.StandardHandlers;
import io.crawlseq.commands.script.LocalScriptExecutor;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.politeness.Politeness;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.crawler.time.CrawlClock;
import io.crawlseq.lang.compile.Compilation;
import io.crawlseq.lang.compile.SequenceCompiler;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.PageRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code sequences/section-headlines.yaml} compiled and run on the local engine, its {@code runScript}
 * Task answered in-process by the command runner with the local script executor (the script read
 * next to the sequence file, worker JVM, crawler fetcher) against a loopback fixture site, the step
 * recorded in the real store: what {@code crawl-sequence run} does once its composition root plugs
 * in {@link LocalScriptExecutor}.
 */
class RunScriptInSequenceTest {

    private static final Path SEQUENCE = Path.of("../../sequences/section-headlines.yaml");

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private final Map<String, String> warnings = new ConcurrentHashMap<>();
    private LoopbackServer site;
    private CrawlerConfig crawler;
    private LocalScriptExecutor scripts;

    @BeforeEach
    void start() {
        site = LoopbackServer.start();
        FixtureSites.guardianLike().serve(site);
        site.route("/empty-section", Responses.html("<title>Nothing yet</title><p>No stories.</p>"));
        crawler = TestConfigs.fast(CrawlClock.system(), site).politeness(Politeness.none().maxCrawlDelayMs(0));
        scripts = LocalScriptExecutor.create(crawler, SEQUENCE.toAbsolutePath().getParent());
    }

    @AfterEach
    void stop() {
        scripts.close();
        site.close();
    }

    private RunReport run(String startPath) {
        Compilation compilation = Compilation.of(SEQUENCE, new SequenceCompiler(CommandRegistry.standard()));
        assertThat(compilation.isDeployable()).as("%s", compilation.diagnostics()).isTrue();
        CommandRunner runner = new CommandRunner(CommandRegistry.standard(), StandardHandlers.catalog(),
                new CommandServices(CrawlerFactory.configured(crawler), aws.storage(), scripts, Clock.systemUTC(),
                        CommandProgress.NONE));
        CommandDispatcher dispatcher = command -> Optional.of(
                (payload, invocation) -> runner.run(payload, Duration.ofMinutes(5)).envelope());
        ObjectNode context = JsonNodeFactory.instance.objectNode().put("startUrl", site.url(startPath));
        return new LocalRun(dispatcher, MockResults.none(), capturingWarnings(), Clock.systemUTC(), 0)
                .run("section-headlines", compilation.compiled().orElseThrow(), context, LocalRun.newRunId(Clock.systemUTC()));
    }

    private RunProgress capturingWarnings() {
        return new RunProgress() {
            @Override
            public void stepStarted(String stepId, String command, int invocation, boolean mocked) {
            }

            @Override
            public void stepFinished(StepRecord record) {
            }

            @Override
            public void warning(String stepId, String message) {
                warnings.put(stepId, message);
            }
        };
    }

    @Test
    void run_withARunScriptStep_scrapesTheFixtureSectionAndSkipsTheWarning() {
        RunReport report = run("/world");

        assertThat(report.succeeded()).as(report.toText()).isTrue();
        assertThat(report.steps()).extracting(StepRecord::stepId).containsExactly("headlines");
        StepRecord headlines = report.steps().get(0);
        assertThat(headlines.mocked()).isFalse();
        assertThat(headlines.status()).isEqualTo("success");
        JsonNode envelope = headlines.result();
        assertThat(envelope.path("recordCount").asInt()).isEqualTo(5);
        assertThat(envelope.path("data").findValuesAsText("_source")).containsOnly(site.url("/world"));
        assertThat(envelope.path("data").findValuesAsText("url")).allSatisfy(u -> assertThat(u).startsWith(site.baseUrl()));
        assertThat(warnings).isEmpty();
        assertThat(aws.storage().runs().steps(report.runId(), PageRequest.first(10)).items())
                .extracting(s -> s.command()).containsExactly("runScript");
    }

    @Test
    void run_whenTheScriptFindsNothing_goesOnToTheWarningStep() {
        RunReport report = run("/empty-section");

        assertThat(report.succeeded()).as(report.toText()).isTrue();
        assertThat(report.steps()).extracting(StepRecord::stepId).containsExactly("headlines");
        assertThat(report.steps().get(0).result().path("recordCount").asInt()).isZero();
        assertThat(warnings.values()).singleElement().isEqualTo(
                "No stories read from " + site.url("/empty-section") + " (success, 0 records)");
    }
}

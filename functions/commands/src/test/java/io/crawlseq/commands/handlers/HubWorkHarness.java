package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandProgress;
import io.crawlseq.commands.CommandRunner;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.CrawlerFactory;
import io.crawlseq.commands.ScriptExecutor;
import io.crawlseq.commands.StandardHandlers;
import io.crawlseq.commands.handlers.support.HubRecords;
import io.crawlseq.crawler.Crawler;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.hubs.Hub;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.ops.HubFinder;
import io.crawlseq.crawler.politeness.Politeness;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.store.SiteId;
import io.crawlseq.store.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs the issue-5 commands as a Lambda does (a Task payload through {@link CommandRunner}, the
 * test's DynamoDB Local and s3proxy store, a crawler allowed onto the fixture server on a
 * {@link ManualClock}), and invokes a partial command again with its continuation, as the state
 * machine does, until it is done. {@link #polite} keeps the default politeness (one second between
 * requests, a site's Crawl-delay): a short {@code timeout} arg then cuts a crawl into invocations
 * of a few requests each, without any real waiting.
 */
final class HubWorkHarness {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration LAMBDA_BUDGET = Duration.ofSeconds(900);

    private final CommandRunner runner;
    private final Storage storage;
    private final CrawlerConfig config;
    private int runs;

    private HubWorkHarness(Storage storage, CrawlerConfig config) {
        this.storage = storage;
        this.config = config;
        // The services' clock stands still: an invocation's work budget is then exactly its timeout in crawler
        // time (the manual clock), however long the store takes in real time on a busy machine.
        CommandServices services = new CommandServices(CrawlerFactory.configured(config), storage,
                ScriptExecutor.UNAVAILABLE, Clock.fixed(Instant.now(), java.time.ZoneOffset.UTC), CommandProgress.NONE);
        this.runner = new CommandRunner(CommandRegistry.standard(), StandardHandlers.catalog(), services);
    }

    /** No politeness wait and no Crawl-delay: a crawl fits one invocation. */
    static HubWorkHarness quick(Storage storage, LoopbackServer server) {
        return new HubWorkHarness(storage, TestConfigs.forServers(new ManualClock(), server)
                .politeness(Politeness.defaults().delayMs(0).maxCrawlDelayMs(0)));
    }

    /** Default politeness and the site's Crawl-delay, on a manual clock. */
    static HubWorkHarness polite(Storage storage, LoopbackServer server) {
        return new HubWorkHarness(storage, TestConfigs.forServers(new ManualClock(), server));
    }

    static ObjectNode args(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** The Task payload the compiled state machine sends. */
    static ObjectNode payload(String command, String runId, ObjectNode args, String startUrl) {
        ObjectNode p = JSON.createObjectNode();
        p.put("command", command).put("stepId", command).put("runId", runId).put("attempt", 0);
        p.set("args", args);
        p.putObject("context").put("startUrl", startUrl);
        return p;
    }

    /** Every invocation of a command until it is no longer partial. */
    List<CommandRunner.Invocation> untilDone(String command, ObjectNode args, String startUrl)
            throws CommandException, InterruptedException {
        ObjectNode next = payload(command, "run-" + (++runs) + "-" + System.nanoTime(), args, startUrl);
        List<CommandRunner.Invocation> all = new ArrayList<>();
        while (true) {
            CommandRunner.Invocation invocation = runner.run(next, LAMBDA_BUDGET);
            all.add(invocation);
            JsonNode envelope = invocation.envelope();
            if (!"partial".equals(envelope.path("status").asText()) || all.size() > 1000) {
                return all;
            }
            next.set("continuation", envelope.get("continuation").deepCopy());
        }
    }

    /** One command run to its end: the last envelope. */
    JsonNode envelope(String command, String argsJson, String startUrl) throws CommandException, InterruptedException {
        List<CommandRunner.Invocation> all = untilDone(command, args(argsJson), startUrl);
        return all.get(all.size() - 1).envelope();
    }

    /** One command run to its end: its complete result fields. */
    ObjectNode fields(String command, String argsJson, String startUrl) throws CommandException, InterruptedException {
        List<CommandRunner.Invocation> all = untilDone(command, args(argsJson), startUrl);
        return all.get(all.size() - 1).outcome().fields();
    }

    /**
     * Records what ensureCountryHubs (or ensurePlaceHubs) records: the hubs of these kinds the hub
     * finder reports on the site, as an earlier step of a sequence would have stored them.
     */
    List<Hub> recordHubsFound(String startUrl, Set<HubKind> kinds) {
        try (Crawler crawler = Crawler.create(config.politeness(Politeness.none()))) {
            List<Hub> hubs = HubFinder.find(crawler, UrlParser.parse(startUrl).orElseThrow(),
                    HubFinder.Options.of(kinds).limits(4, 1000, 8)).hubs();
            SiteId site = SiteId.ofUrl(startUrl);
            hubs.forEach(h -> storage.crawl().putHub(site, HubRecords.toStore(h), "earlier-run", Instant.now()));
            return hubs;
        }
    }

    static ObjectNode finalFields(List<CommandRunner.Invocation> invocations) {
        return invocations.get(invocations.size() - 1).outcome().fields();
    }

    static JsonNode finalEnvelope(List<CommandRunner.Invocation> invocations) {
        return invocations.get(invocations.size() - 1).envelope();
    }

    static ObjectNode withoutCounters(ObjectNode fields) {
        ObjectNode copy = fields.deepCopy();
        copy.remove(List.of("pagesFetched", "bytesFetched", "failures"));
        return copy;
    }
}

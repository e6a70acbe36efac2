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
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.politeness.Politeness;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.store.Storage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs commands the way a Lambda does (a Task payload through {@link CommandRunner}, the store of
 * the test, a crawler allowed onto the fixture server) and, like the state machine, invokes a
 * partial command again with its continuation until it is done.
 *
 * <p>The crawler runs on a {@link ManualClock}: politeness waits cost no real time. {@link #quick}
 * caps robots.txt Crawl-delay at zero so a crawl fits one invocation; {@link #polite} keeps it,
 * so a short {@code timeout} arg cuts a crawl into many invocations.
 */
final class CommandHarness {

    static final ObjectMapper JSON = new ObjectMapper();
    /** A Lambda's remaining time at the start of an invocation (the 900 s functions). */
    static final Duration LAMBDA_BUDGET = Duration.ofSeconds(900);

    private final CommandRunner runner;
    private int runs;

    private CommandHarness(Storage storage, CrawlerConfig base) {
        CommandServices services = new CommandServices(CrawlerFactory.configured(base), storage,
                ScriptExecutor.UNAVAILABLE, Clock.systemUTC(), CommandProgress.NONE);
        this.runner = new CommandRunner(CommandRegistry.standard(), StandardHandlers.catalog(), services);
    }

    /** No Crawl-delay, no politeness wait (tests pass politeness.delayMs=0 in the args). */
    static CommandHarness quick(Storage storage, LoopbackServer server) {
        CrawlerConfig config = TestConfigs.forServers(new ManualClock(), server);
        return new CommandHarness(storage, config.politeness(Politeness.defaults().maxCrawlDelayMs(0)));
    }

    /** Any crawler configuration (e.g. shorter fetch time caps for misbehaving fixtures). */
    static CommandHarness with(Storage storage, CrawlerConfig config) {
        return new CommandHarness(storage, config);
    }

    /** Default politeness and the site's Crawl-delay, on a manual clock. */
    static CommandHarness polite(Storage storage, LoopbackServer server) {
        return new CommandHarness(storage, TestConfigs.forServers(new ManualClock(), server));
    }

    static ObjectNode args(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** The Task payload the compiled state machine sends. */
    static ObjectNode payload(String command, String stepId, String runId, ObjectNode args, String startUrl) {
        ObjectNode p = JSON.createObjectNode();
        p.put("command", command).put("stepId", stepId).put("runId", runId).put("attempt", 0);
        p.set("args", args);
        p.putObject("context").put("startUrl", startUrl);
        return p;
    }

    CommandRunner runner() {
        return runner;
    }

    /** One invocation. */
    CommandRunner.Invocation once(ObjectNode payload) throws CommandException, InterruptedException {
        return runner.run(payload, LAMBDA_BUDGET);
    }

    /** Every invocation of a command until it is no longer partial. */
    List<CommandRunner.Invocation> untilDone(String command, ObjectNode args, String startUrl)
            throws CommandException, InterruptedException {
        return untilDone(payload(command, command, "run-" + (++runs) + "-" + System.nanoTime(), args, startUrl));
    }

    List<CommandRunner.Invocation> untilDone(ObjectNode payload) throws CommandException, InterruptedException {
        List<CommandRunner.Invocation> all = new ArrayList<>();
        ObjectNode next = payload.deepCopy();
        while (true) {
            CommandRunner.Invocation invocation = once(next);
            all.add(invocation);
            JsonNode envelope = invocation.envelope();
            if (!"partial".equals(envelope.path("status").asText()) || all.size() > 500) {
                return all;
            }
            next.set("continuation", envelope.get("continuation").deepCopy());
        }
    }

    /** The last invocation's outcome fields (complete lists). */
    static ObjectNode finalFields(List<CommandRunner.Invocation> invocations) {
        return invocations.get(invocations.size() - 1).outcome().fields();
    }

    static JsonNode finalEnvelope(List<CommandRunner.Invocation> invocations) {
        return invocations.get(invocations.size() - 1).envelope();
    }
}

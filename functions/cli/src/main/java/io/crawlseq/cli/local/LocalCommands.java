package io.crawlseq.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.cli.run.CommandDispatcher;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandProgress;
import io.crawlseq.commands.CommandRunner;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.CrawlerFactory;
import io.crawlseq.commands.HandlerCatalog;
import io.crawlseq.commands.ScriptExecutor;
import io.crawlseq.commands.StandardHandlers;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.engine.task.FunctionError;
import io.crawlseq.engine.task.LambdaHandler;
import io.crawlseq.engine.task.TaskInvocation;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.LambdaSettings;
import io.crawlseq.store.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one place the CLI assembles command handlers for local runs, as a Lambda's cold start would:
 * the store, a crawler configuration with the allow-list (loopback and private hosts open only
 * when named), the script runner for {@code runScript}, progress to the terminal. {@code run} dispatches the state
 * machine's tasks through {@link #dispatcher()}; {@code command} calls {@link #invoke} directly.
 * Both go through {@link CommandRunner}, the path a Lambda takes.
 */
public final class LocalCommands {

    private final CommandRegistry registry = CommandRegistry.standard();
    private final HandlerCatalog handlers;
    private final CommandRunner runner;
    private final Clock clock;

    /**
     * @param crawler the crawlers' configuration (clock, allow-list); steps apply their politeness args on top
     * @param scripts runs {@code runScript} steps ({@code LocalScriptExecutor}, or {@link ScriptExecutor#UNAVAILABLE})
     */
    public LocalCommands(Storage storage, CrawlerConfig crawler, ScriptExecutor scripts, CommandProgress progress,
                         Clock clock) {
        this.handlers = StandardHandlers.catalog();
        this.clock = clock;
        CommandServices services = new CommandServices(CrawlerFactory.configured(crawler), storage, scripts, clock,
                progress);
        this.runner = new CommandRunner(registry, handlers, services);
    }

    /** Runs one invocation with the time its Lambda would have (capped by the caller's deadline, if any). */
    public CommandRunner.Invocation invoke(JsonNode payload, Optional<Instant> deadline)
            throws CommandException, InterruptedException {
        return runner.run(payload, budget(payload.path("command").asText(), deadline));
    }

    /** Task handlers for the local engine: the commands this build has handlers for, each like its Lambda. */
    public CommandDispatcher dispatcher() {
        return command -> handlers.find(command).map(h -> (LambdaHandler) this::handle);
    }

    private JsonNode handle(JsonNode payload, TaskInvocation invocation) throws FunctionError, InterruptedException {
        try {
            return invoke(payload, Optional.ofNullable(invocation.deadline())).envelope();
        } catch (CommandException e) {
            throw new FunctionError(e.errorType(), String.valueOf(e.getMessage()));
        }
    }

    private Duration budget(String command, Optional<Instant> deadline) {
        Duration budget = Duration.ofSeconds(registry.find(command).flatMap(s -> s.lambda())
                .map(LambdaSettings::timeoutSeconds).orElse(900));
        if (deadline.isPresent()) {
            Duration left = Duration.between(clock.instant(), deadline.get());
            budget = left.compareTo(budget) < 0 ? left : budget;
        }
        return budget.isNegative() ? Duration.ZERO : budget;
    }
}

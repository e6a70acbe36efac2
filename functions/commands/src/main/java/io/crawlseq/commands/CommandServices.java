package io.crawlseq.commands;

import io.crawlseq.store.Storage;
import java.time.Clock;
import java.util.Objects;

/**
 * What handlers may use, built once per process (a Lambda's cold start, a CLI run) and shared by
 * every invocation.
 *
 * @param crawlers how to build a crawler for an invocation
 * @param storage  crawl results, continuations, run history, metrics, blobs
 * @param scripts  the isolated script runner
 * @param clock    time, injectable for tests
 * @param progress live progress
 */
public record CommandServices(CrawlerFactory crawlers, Storage storage, ScriptExecutor scripts, Clock clock,
                              CommandProgress progress) {

    public CommandServices {
        Objects.requireNonNull(crawlers, "crawlers");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(scripts, "scripts");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(progress, "progress");
    }

    public CommandServices withProgress(CommandProgress value) {
        return new CommandServices(crawlers, storage, scripts, clock, value);
    }
}

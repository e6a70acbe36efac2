package io.crawlseq.cli;

import io.crawlseq.cli.local.CliEnvironment;
import io.crawlseq.cli.local.StoreSessions;

/**
 * What one CLI process shares between its subcommands: the machine's environment and the stores
 * opened so far (each at most once, closed when the process ends). Subcommands that need it take
 * it in their constructor; {@link CrawlSequence} hands it over through picocli's factory.
 */
record CliContext(CliEnvironment environment, StoreSessions stores) {
}

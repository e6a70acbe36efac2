package io.crawlseq.cli;

import io.crawlseq.cli.local.CliEnvironment;
import io.crawlseq.crawler.guard.AllowList;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --allow-host}: the loopback or private hosts a crawl may reach (the SSRF guard refuses them otherwise). */
final class AllowHostOptions {

    @Option(names = "--allow-host", paramLabel = "HOST[:PORT]",
            description = "Let crawls reach this loopback or private host (e.g. 127.0.0.1:8080; without a port, every "
                    + "port). Repeatable; $" + AllowList.ENVIRONMENT_VARIABLE + " adds comma-separated entries.")
    List<String> hosts = new ArrayList<>();

    /** The options' entries plus the environment's; a malformed entry is a usage error. */
    AllowList allowList(CliEnvironment environment, CommandLine commandLine) {
        AllowList.Parsed given = AllowList.parse(hosts);
        AllowList.Parsed fromEnvironment = AllowList.fromEnvironment(environment.variables());
        List<String> errors = new ArrayList<>(given.errors());
        fromEnvironment.errors().forEach(e -> errors.add(e + " (from $" + AllowList.ENVIRONMENT_VARIABLE + ")"));
        if (!errors.isEmpty()) {
            throw new ParameterException(commandLine, String.join("; ", errors));
        }
        return given.allowList().plus(fromEnvironment.allowList());
    }
}

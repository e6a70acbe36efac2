package io.crawlseq.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.plan.RunContexts;
import io.crawlseq.lang.registry.ArgFormat;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --start-url} and {@code --context}, shared by {@code plan} and {@code run}. */
final class RunContextOptions {

    @Option(names = "--start-url", paramLabel = "URL",
            description = "Target site (context.startUrl); overrides the sequence's startUrl.")
    String startUrl;

    @Option(names = "--context", paramLabel = "KEY=VALUE",
            description = "Run input merged over the sequence's context. Dotted keys nest; JSON values keep "
                    + "their type (--context countries='[\"FR\",\"DE\"]'). Repeatable.")
    List<String> context = new ArrayList<>();

    /** The sequence's context defaults, then {@code --context}, then {@code --start-url}. */
    ObjectNode runContext(Sequence sequence, CommandLine commandLine) {
        if (startUrl != null && !ArgFormat.isHttpUrl(startUrl)) {
            throw new ParameterException(commandLine, "--start-url must be an absolute http(s) URL, got '" + startUrl + "'");
        }
        return RunContexts.merge(sequence, KeyValues.parse(context, "--context", commandLine), startUrl);
    }
}

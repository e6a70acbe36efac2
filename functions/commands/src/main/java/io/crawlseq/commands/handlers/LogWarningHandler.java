package io.crawlseq.commands.handlers;

import io.crawlseq.commands.CommandHandler;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.CommandServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code logWarning}. In a state machine it is a Pass state (no Lambda); this handler serves
 * {@code crawl-sequence command logWarning} and keeps every registry command runnable one by one.
 */
public final class LogWarningHandler implements CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LogWarningHandler.class);

    @Override
    public String command() {
        return "logWarning";
    }

    @Override
    public CommandOutcome run(CommandRequest request, CommandServices services) {
        String message = request.stringArg("message").orElse("");
        LOG.warn("step {}: {}", request.historyStepId(), message);
        var fields = CommandOutcome.noFields();
        fields.put("message", message);
        return new CommandOutcome.Completed(fields);
    }
}

package io.crawlseq.cli;

import io.crawlseq.commands.CommandProgress;
import java.io.PrintWriter;

/** Live crawl progress as lines on standard error (standard output stays clean for results and --json). */
final class TerminalProgress {

    private TerminalProgress() {
    }

    static CommandProgress lines(PrintWriter err) {
        return new CommandProgress() {
            @Override
            public synchronized void update(String stepId, String what) {
                err.println("    " + stepId + ": " + what);
                err.flush();
            }
        };
    }
}

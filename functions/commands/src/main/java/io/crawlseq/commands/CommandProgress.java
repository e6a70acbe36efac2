package io.crawlseq.commands;

/** Live progress of a command, for terminals (the CLI) and logs. Implementations must be thread-safe. */
@FunctionalInterface
public interface CommandProgress {

    /**
     * @param what a short phrase: "fetched https://x/world/france", "verified 12 hubs"
     */
    void update(String stepId, String what);

    CommandProgress NONE = (stepId, what) -> {
    };
}

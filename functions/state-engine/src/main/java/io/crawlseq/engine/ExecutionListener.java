package io.crawlseq.engine;

import io.crawlseq.engine.history.HistoryEvent;

/**
 * Sees every history event as it is recorded (state entered/exited, task scheduled/succeeded/failed,
 * Map iterations...), for progress displays. Called on engine threads, several at once when Map
 * iterations or Parallel branches run concurrently; keep it quick and thread-safe. An exception it
 * throws is ignored.
 */
@FunctionalInterface
public interface ExecutionListener {

    void onEvent(String executionArn, HistoryEvent event);
}

package io.crawlseq.sandbox.internal.worker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.sandbox.internal.FromWorker;

/** Where a job's host API sends what the script produces, and how it asks the parent to fetch. */
interface Outbox {

    void send(FromWorker message);

    /** Sends the fetch and blocks until the parent's reply; its result object for the prelude. */
    ObjectNode fetch(FromWorker.Fetch request);

    /** An outbox that drops everything and refuses fetches: for warming the engine up. */
    static Outbox discarding() {
        return new Outbox() {
            @Override
            public void send(FromWorker message) {
            }

            @Override
            public ObjectNode fetch(FromWorker.Fetch request) {
                return io.crawlseq.sandbox.internal.Protocol.MAPPER.createObjectNode()
                        .put("ok", false).put("kind", "network").put("outcome", "HTTP_DISABLED")
                        .put("message", "no fetches while warming up");
            }
        };
    }
}

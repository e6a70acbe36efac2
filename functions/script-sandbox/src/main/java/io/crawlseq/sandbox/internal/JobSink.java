package io.crawlseq.sandbox.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.sandbox.LogLevel;

/** Receives what a job streams while it runs. */
public interface JobSink {

    void record(ObjectNode record);

    void log(LogLevel level, String message);
}

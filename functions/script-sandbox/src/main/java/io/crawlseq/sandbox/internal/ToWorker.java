package io.crawlseq.sandbox.internal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** Lines the parent writes to a worker's stdin. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "t")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ToWorker.Prepare.class, name = "prepare"),
        @JsonSubTypes.Type(value = ToWorker.Run.class, name = "run"),
        @JsonSubTypes.Type(value = ToWorker.FetchReply.class, name = "fetched")})
public sealed interface ToWorker {

    /** Check the script's syntax; with {@code readDefaults}, also run its top level and read DEFAULT_URLS. */
    record Prepare(String script, boolean readDefaults, JobLimits limits) implements ToWorker {
        public Prepare {
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(limits, "limits");
        }
    }

    /** Run the script in a fresh context and call {@code scrapeData(source)}. */
    record Run(String script, String source, JobLimits limits) implements ToWorker {
        public Run {
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(limits, "limits");
        }
    }

    /** The answer to a {@link FromWorker.Fetch}: the JSON object the prelude turns into a response or error. */
    record FetchReply(long id, ObjectNode result) implements ToWorker {
        public FetchReply {
            Objects.requireNonNull(result, "result");
        }
    }
}

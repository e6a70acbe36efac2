package io.crawlseq.sandbox.internal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.sandbox.ScriptError;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Lines a worker writes to its stdout (plus {@link Exited}, which the parent makes up at end of stream). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "t")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FromWorker.Ready.class, name = "ready"),
        @JsonSubTypes.Type(value = FromWorker.Log.class, name = "log"),
        @JsonSubTypes.Type(value = FromWorker.Record.class, name = "record"),
        @JsonSubTypes.Type(value = FromWorker.Fetch.class, name = "fetch"),
        @JsonSubTypes.Type(value = FromWorker.Prepared.class, name = "prepared"),
        @JsonSubTypes.Type(value = FromWorker.Done.class, name = "done")})
public sealed interface FromWorker {

    /** The worker's JVM and GraalJS are warm; it reads jobs now. */
    record Ready() implements FromWorker {
    }

    record Log(String level, String message) implements FromWorker {
        public Log {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(message, "message");
        }
    }

    /** One record, streamed as soon as the script emits or returns it; {@code bytes} is its JSON size. */
    record Record(ObjectNode data, int bytes) implements FromWorker {
        public Record {
            Objects.requireNonNull(data, "data");
        }
    }

    /** The script called {@code http.get}; the worker blocks until the {@link ToWorker.FetchReply}. */
    record Fetch(long id, String url, Map<String, String> headers) implements FromWorker {
        public Fetch {
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(headers);
        }
    }

    /** Answer to {@link ToWorker.Prepare}: an error, or (when asked) the script's DEFAULT_URLS. */
    record Prepared(ScriptError error, List<String> defaultUrls) implements FromWorker {
        public Prepared {
            defaultUrls = defaultUrls == null ? List.of() : List.copyOf(defaultUrls);
        }
    }

    /** End of a {@link ToWorker.Run}: null error on success; the metadata object the script returned. */
    record Done(ScriptError error, JsonNode scriptMetadata) implements FromWorker {
    }

    /** Made up by the parent when the worker's stdout ends: the process exit code and its stderr tail. */
    record Exited(int exitCode, String stderrTail) implements FromWorker {
    }
}

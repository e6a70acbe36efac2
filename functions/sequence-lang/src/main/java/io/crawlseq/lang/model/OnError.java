package io.crawlseq.lang.model;

import java.util.Locale;
import java.util.Optional;

/** What a failed step does to the run. The default is {@link #CONTINUE} (graceful degradation). */
public enum OnError {
    /** Record the failure in {@code results.<id>} and go on with the next step. */
    CONTINUE,
    /** Stop the run; the execution ends as failed. */
    ABORT;

    public String jsonValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OnError> fromJson(String value) {
        for (OnError e : values()) {
            if (e.jsonValue().equals(value)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}

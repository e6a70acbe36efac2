package io.crawlseq.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Reports steps as they start and finish. */
public interface RunProgress {

    void stepStarted(String stepId, String command, int invocation, boolean mocked);

    void stepFinished(StepRecord record);

    /** A command that needs no Lambda (a warning) ran. */
    default void warning(String stepId, String message) {
    }

    static RunProgress silent() {
        return new RunProgress() {
            @Override
            public void stepStarted(String stepId, String command, int invocation, boolean mocked) {
            }

            @Override
            public void stepFinished(StepRecord record) {
            }
        };
    }

    /** One line per event on a terminal (standard error, so standard output stays clean for --json). */
    static RunProgress lines(PrintWriter err) {
        return new RunProgress() {
            @Override
            public synchronized void stepStarted(String stepId, String command, int invocation, boolean mocked) {
                err.println("  > " + stepId + " " + command + (invocation > 1 ? " (invocation " + invocation + ")" : "")
                        + (mocked ? " [mock]" : ""));
                err.flush();
            }

            @Override
            public synchronized void stepFinished(StepRecord record) {
                err.println("  " + ("success".equals(record.status()) ? "ok" : record.status()) + " " + record.stepId()
                        + " " + record.command() + " in " + RunReport.seconds(record.elapsedMs()) + RunReport.summary(record.result()));
                err.flush();
            }

            @Override
            public synchronized void warning(String stepId, String message) {
                err.println("  warning (" + stepId + "): " + message);
                err.flush();
            }
        };
    }

    /** The message of a Lambda-style error document, or the text itself. */
    static String errorMessage(JsonNode error) {
        String message = error.path("message").asText("");
        if (message.startsWith("{")) {
            try {
                JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(message);
                if (doc.path("errorMessage").isTextual()) {
                    return doc.get("errorMessage").textValue();
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException ignored) {
                // not a Lambda error document: show it as it is
            }
        }
        return message;
    }
}

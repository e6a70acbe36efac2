package io.crawlseq.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.asl.DefinitionProblem.Code;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads Retry and Catch, with AWS's rules: non-empty ErrorEquals, States.ALL alone and in the last element. */
final class ErrorHandlingParser {

    private static final String STATES_ALL = "States.ALL";
    private static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
            "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Comment");

    private final List<DefinitionProblem> problems;

    ErrorHandlingParser(List<DefinitionProblem> problems) {
        this.problems = problems;
    }

    List<Retrier> retriers(FieldReader fields) {
        JsonNode list = fields.raw("Retry");
        List<Retrier> retriers = new ArrayList<>();
        if (list == null) {
            return retriers;
        }
        if (!list.isArray()) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "Retry", "Retry is an array of retriers");
            return retriers;
        }
        for (int i = 0; i < list.size(); i++) {
            String location = FieldReader.element(fields.at("Retry"), i);
            if (!list.get(i).isObject()) {
                problems.add(new DefinitionProblem(Code.SCHEMA_VALIDATION_FAILED, location, "A retrier is an object"));
                continue;
            }
            FieldReader retrier = new FieldReader(list.get(i), location, problems);
            retrier.rejectOthers(RETRIER_FIELDS, Set.of(), "a retrier");
            List<String> errors = errorEquals(retrier, i == list.size() - 1, "retrier");
            Integer interval = retrier.optionalInt("IntervalSeconds", 1, AslParser.MAX_TIMEOUT_SECONDS);
            Integer maxAttempts = retrier.optionalInt("MaxAttempts", 0, AslParser.MAX_TIMEOUT_SECONDS);
            Double backoff = retrier.optionalNumber("BackoffRate", 1.0, Double.MAX_VALUE);
            Integer maxDelay = retrier.optionalInt("MaxDelaySeconds", 1, AslParser.MAX_TIMEOUT_SECONDS);
            String jitter = retrier.optionalString("JitterStrategy");
            if (jitter != null && !jitter.equals("FULL") && !jitter.equals("NONE")) {
                retrier.problem(Code.SCHEMA_VALIDATION_FAILED, "JitterStrategy", "JitterStrategy is FULL or NONE, not " + jitter);
            }
            retriers.add(new Retrier(errors,
                    interval == null ? Retrier.DEFAULT_INTERVAL_SECONDS : interval,
                    maxAttempts == null ? Retrier.DEFAULT_MAX_ATTEMPTS : maxAttempts,
                    backoff == null ? Retrier.DEFAULT_BACKOFF_RATE : backoff,
                    maxDelay,
                    "FULL".equals(jitter) ? Retrier.JitterStrategy.FULL : Retrier.JitterStrategy.NONE));
        }
        return retriers;
    }

    List<Catcher> catchers(FieldReader fields) {
        JsonNode list = fields.raw("Catch");
        List<Catcher> catchers = new ArrayList<>();
        if (list == null) {
            return catchers;
        }
        if (!list.isArray()) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "Catch", "Catch is an array of catchers");
            return catchers;
        }
        for (int i = 0; i < list.size(); i++) {
            String location = FieldReader.element(fields.at("Catch"), i);
            if (!list.get(i).isObject()) {
                problems.add(new DefinitionProblem(Code.SCHEMA_VALIDATION_FAILED, location, "A catcher is an object"));
                continue;
            }
            FieldReader catcher = new FieldReader(list.get(i), location, problems);
            catcher.rejectOthers(CATCHER_FIELDS, Set.of(), "a catcher");
            List<String> errors = errorEquals(catcher, i == list.size() - 1, "catcher");
            catchers.add(new Catcher(errors, catcher.nullablePath("ResultPath", true), catcher.requiredString("Next")));
        }
        return catchers;
    }

    private List<String> errorEquals(FieldReader fields, boolean last, String kind) {
        JsonNode list = fields.raw("ErrorEquals");
        List<String> errors = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, list == null ? null : "ErrorEquals",
                    "A " + kind + " needs 'ErrorEquals': a non-empty array of error names");
            return errors;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode error = list.get(i);
            if (!error.isTextual() || error.textValue().isEmpty()) {
                problems.add(new DefinitionProblem(Code.SCHEMA_VALIDATION_FAILED,
                        FieldReader.element(fields.at("ErrorEquals"), i), "An error name is a non-empty string"));
            } else {
                errors.add(error.textValue());
            }
        }
        if (errors.contains(STATES_ALL) && errors.size() > 1) {
            fields.problem(Code.INVALID_ERROR_HANDLING, "ErrorEquals",
                    "States.ALL must appear alone in ErrorEquals");
        }
        if (errors.contains(STATES_ALL) && !last) {
            fields.problem(Code.INVALID_ERROR_HANDLING, "ErrorEquals",
                    "A " + kind + " with States.ALL must be the last one");
        }
        return errors;
    }
}

package io.crawlseq.lang.diag;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of problem the validator can report. The ids are a public contract: users grep for
 * them, CI scripts match them and {@code docs/diagnostics.md} is generated from this enum, so an
 * id is never renamed or reused once released; retire it instead.
 */
public enum DiagnosticCode {

    // --- Layer 0: reading the file -------------------------------------------------------------
    FILE_UNREADABLE("file-unreadable", Layer.INPUT, Severity.ERROR,
            "The file could not be read (missing, a directory, or an I/O error)."),
    UNSUPPORTED_FILE_TYPE("unsupported-file-type", Layer.INPUT, Severity.ERROR,
            "The file name does not end in .json, .yaml or .yml."),
    FILE_TOO_LARGE("file-too-large", Layer.INPUT, Severity.ERROR,
            "The file is larger than the size cap; it is rejected before parsing."),
    FILE_EMPTY("file-empty", Layer.INPUT, Severity.ERROR,
            "The file holds no document (empty, only whitespace or only comments)."),
    INVALID_UTF8("invalid-utf8", Layer.INPUT, Severity.ERROR,
            "The file is not valid UTF-8; the position is the first bad byte."),
    BYTE_ORDER_MARK("byte-order-mark", Layer.INPUT, Severity.WARNING,
            "The file starts with a UTF-8 byte order mark; it is ignored, but some tools choke on it."),
    SYNTAX_ERROR("syntax-error", Layer.INPUT, Severity.ERROR,
            "The file is not well-formed JSON or YAML."),
    NESTING_TOO_DEEP("nesting-too-deep", Layer.INPUT, Severity.ERROR,
            "Objects and arrays are nested deeper than the depth cap."),
    DUPLICATE_KEY("duplicate-key", Layer.INPUT, Severity.ERROR,
            "The same key appears twice in one object; JSON and YAML parsers disagree on which wins."),
    YAML_ANCHOR("yaml-anchor", Layer.INPUT, Severity.ERROR,
            "YAML anchors (&name) are not allowed: sequences must read the same in every tool."),
    YAML_ALIAS("yaml-alias", Layer.INPUT, Severity.ERROR,
            "YAML aliases (*name) are not allowed; they enable alias bombs and hide what runs."),
    YAML_MERGE_KEY("yaml-merge-key", Layer.INPUT, Severity.ERROR,
            "YAML merge keys (<<) are not allowed; write the keys out."),
    YAML_TAG("yaml-tag", Layer.INPUT, Severity.ERROR,
            "Explicit YAML tags (!!type, !custom) are not allowed."),
    YAML_MULTIPLE_DOCUMENTS("yaml-multiple-documents", Layer.INPUT, Severity.ERROR,
            "A sequence file holds exactly one YAML document."),

    // --- Layer 1: document shape (JSON Schema) -------------------------------------------------
    UNKNOWN_DOCUMENT_VERSION("unknown-document-version", Layer.SCHEMA, Severity.ERROR,
            "The root is neither an array (v1) nor an object with \"type\": \"Sequence\" (v2)."),
    WRONG_TYPE("wrong-type", Layer.SCHEMA, Severity.ERROR,
            "A value has the wrong JSON type for its place in the document."),
    MISSING_KEY("missing-key", Layer.SCHEMA, Severity.ERROR,
            "An object lacks a required key; the position is the start of the object."),
    UNKNOWN_KEY("unknown-key", Layer.SCHEMA, Severity.ERROR,
            "An object has a key the language does not define; the position is the key."),
    INVALID_VALUE("invalid-value", Layer.SCHEMA, Severity.ERROR,
            "A value is outside what its place allows (enum, pattern, range, length)."),
    UNKNOWN_NODE_TYPE("unknown-node-type", Layer.SCHEMA, Severity.ERROR,
            "A v2 step's \"type\" is not Command, Conditional or ForEach."),

    // --- Layer 2: meaning ----------------------------------------------------------------------
    UNKNOWN_COMMAND("unknown-command", Layer.SEMANTIC, Severity.ERROR,
            "The command is not in the command registry (the whitelist); a close match is suggested."),
    UNKNOWN_ARGUMENT("unknown-argument", Layer.SEMANTIC, Severity.ERROR,
            "The command does not take an argument of that name; the position is the key."),
    MISSING_ARGUMENT("missing-argument", Layer.SEMANTIC, Severity.ERROR,
            "A required argument of the command is absent."),
    ARGUMENT_TYPE("argument-type", Layer.SEMANTIC, Severity.ERROR,
            "An argument value has the wrong type for the command."),
    ARGUMENT_RANGE("argument-range", Layer.SEMANTIC, Severity.ERROR,
            "A numeric argument is outside the command's allowed range."),
    ARGUMENT_ENUM("argument-enum", Layer.SEMANTIC, Severity.ERROR,
            "An argument is not one of the values the command accepts."),
    ARGUMENT_FORMAT("argument-format", Layer.SEMANTIC, Severity.ERROR,
            "A string argument does not have the required format (URL, ISO country code, ...)."),
    DUPLICATE_ID("duplicate-id", Layer.SEMANTIC, Severity.ERROR,
            "Two commands have the same id (explicit, or an explicit id equal to a generated stepN)."),
    RESERVED_ID("reserved-id", Layer.SEMANTIC, Severity.ERROR,
            "The id is reserved (lastCommand) or is the name of a loop variable."),
    EXPRESSION_SYNTAX("expression-syntax", Layer.SEMANTIC, Severity.ERROR,
            "A Conditional's if is not a valid expression; the column points inside the expression."),
    TEMPLATE_SYNTAX("template-syntax", Layer.SEMANTIC, Severity.ERROR,
            "A {{template}} in an argument is malformed (unclosed, empty or not a path)."),
    UNKNOWN_PATH_ROOT("unknown-path-root", Layer.SEMANTIC, Severity.ERROR,
            "A path does not start with context, results or a loop variable in scope."),
    UNKNOWN_RESULT("unknown-result", Layer.SEMANTIC, Severity.ERROR,
            "results.<id> names no command of the sequence."),
    FORWARD_RESULT_REFERENCE("forward-result-reference", Layer.SEMANTIC, Severity.ERROR,
            "results.<id> names a command that has not run yet at this point."),
    LAST_COMMAND_UNAVAILABLE("last-command-unavailable", Layer.SEMANTIC, Severity.ERROR,
            "results.lastCommand is used before any command has run."),
    UNKNOWN_RESULT_FIELD("unknown-result-field", Layer.SEMANTIC, Severity.ERROR,
            "The command's result has no such field (see the command reference)."),
    UNKNOWN_FIELD("unknown-field", Layer.SEMANTIC, Severity.ERROR,
            "A path goes into a field that the referenced value does not have."),
    RESULT_MAY_BE_ABSENT("result-may-be-absent", Layer.SEMANTIC, Severity.WARNING,
            "results.<id> names a command in a branch or loop that may not have run; conditions treat it as absent."),
    UNDECLARED_CONTEXT("undeclared-context", Layer.SEMANTIC, Severity.WARNING,
            "context.<key> is neither declared in the sequence's context nor provided by every run; it must come with the run input."),
    LOOP_VARIABLE_CONFLICT("loop-variable-conflict", Layer.SEMANTIC, Severity.ERROR,
            "ForEach.as reuses context, results, or the variable of an enclosing ForEach."),
    FOREACH_NOT_ARRAY("foreach-not-array", Layer.SEMANTIC, Severity.ERROR,
            "ForEach.each must be a path to an array."),
    TYPE_MISMATCH("type-mismatch", Layer.SEMANTIC, Severity.ERROR,
            "An expression compares or combines values of incompatible types."),
    IMPOSSIBLE_COMPARISON("impossible-comparison", Layer.SEMANTIC, Severity.WARNING,
            "A comparison can never be true (e.g. status against a value it never takes)."),
    CONSTANT_CONDITION("constant-condition", Layer.SEMANTIC, Severity.WARNING,
            "A condition does not depend on run data; one branch can never run."),
    EMPTY_BLOCK("empty-block", Layer.SEMANTIC, Severity.WARNING,
            "A then/else/do block has no steps."),
    UNREACHABLE_STEP("unreachable-step", Layer.SEMANTIC, Severity.WARNING,
            "A step can never run."),
    INVALID_SCHEDULE("invalid-schedule", Layer.SEMANTIC, Severity.ERROR,
            "schedule is not an EventBridge rate(...) or cron(...) expression."),
    INVALID_URL("invalid-url", Layer.SEMANTIC, Severity.ERROR,
            "A URL is not an absolute http(s) URL."),
    TIMEOUT_EXCEEDS_FUNCTION("timeout-exceeds-function", Layer.SEMANTIC, Severity.WARNING,
            "A step timeout is longer than its command's Lambda timeout, which will end it first."),

    // --- Layer 3: the compiled state machine ---------------------------------------------------
    DEFINITION_TOO_LARGE("definition-too-large", Layer.STATE_MACHINE, Severity.ERROR,
            "The compiled state machine definition exceeds the Step Functions limit of 1 MB."),
    STATE_NAME_INVALID("state-name-invalid", Layer.STATE_MACHINE, Severity.ERROR,
            "A generated state name is longer than 80 characters, not unique or has forbidden characters."),
    HISTORY_EVENTS_EXCEEDED("history-events-exceeded", Layer.STATE_MACHINE, Severity.ERROR,
            "The estimated history of one execution exceeds 25,000 events (Standard workflow quota)."),
    PAYLOAD_BUDGET("payload-budget", Layer.STATE_MACHINE, Severity.WARNING,
            "The estimated state payload may exceed 256 KiB (e.g. many results kept inside a loop)."),
    TEMPLATE_NOT_COMPILABLE("template-not-compilable", Layer.STATE_MACHINE, Severity.ERROR,
            "A {{template}} sits where Step Functions cannot resolve it (inside an object within an array).");

    /** Which validation stage produces the code. */
    public enum Layer {
        INPUT, SCHEMA, SEMANTIC, STATE_MACHINE
    }

    private final String id;
    private final Layer layer;
    private final Severity severity;
    private final String description;

    DiagnosticCode(String id, Layer layer, Severity severity, String description) {
        this.id = id;
        this.layer = layer;
        this.severity = severity;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Layer layer() {
        return layer;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    public static Optional<DiagnosticCode> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}

package io.crawlseq.engine.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.asl.DefinitionProblem.Code;
import io.crawlseq.engine.internal.Json;
import io.crawlseq.engine.jsonpath.JsonPath;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses and validates an Amazon States Language definition (JSONPath query language). Every problem is
 * reported at once, each with the JSONPath of the offending field, in a stable order: field problems in
 * document order, then for each graph its transition and reachability problems. A definition with no
 * problem yields a {@link StateMachine}.
 *
 * <p>Beyond the ASL specification it applies Step Functions' rules: state names unique across the whole
 * machine and at most 80 characters, every state reachable, {@code States.ALL} alone and last, definition
 * at most 1 MiB.
 */
public final class AslParser {

    public static final int MAX_DEFINITION_BYTES = 1024 * 1024;
    public static final int MAX_STATE_NAME_LENGTH = 80;
    /** The largest TimeoutSeconds Step Functions accepts. */
    public static final int MAX_TIMEOUT_SECONDS = 99_999_999;

    private static final Set<String> MACHINE_FIELDS =
            Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage");
    private static final Set<String> GRAPH_FIELDS = Set.of("StartAt", "States", "Comment");
    private static final Set<String> PROCESSOR_FIELDS = Set.of("StartAt", "States", "Comment", "ProcessorConfig");
    private static final Set<String> UNSUPPORTED_STATE_FIELDS = Set.of("Assign", "Output", "Arguments", "Items",
            "Credentials", "ItemReader", "ItemBatcher", "ResultWriter", "HeartbeatSecondsPath",
            "ToleratedFailurePercentagePath", "ToleratedFailureCountPath");

    private final List<DefinitionProblem> problems = new ArrayList<>();
    private final Map<String, String> stateLocations = new HashMap<>();
    private final TemplateCompiler templates = new TemplateCompiler(problems);
    private final ChoiceRuleParser choiceRules = new ChoiceRuleParser(problems);
    private final ErrorHandlingParser errorHandling = new ErrorHandlingParser(problems);

    private AslParser() {
    }

    /** Parses JSON text: syntax errors, duplicate keys and oversized definitions are problems too. */
    public static ParseResult parse(String definition) {
        int size = definition.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_DEFINITION_BYTES) {
            return invalid("The definition is " + size + " bytes; Step Functions accepts at most "
                    + MAX_DEFINITION_BYTES);
        }
        JsonNode node;
        try {
            node = Json.parse(definition);
        } catch (StreamConstraintsException e) {
            return invalid("The definition is too deeply nested or too large to read: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return invalid("The definition is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        return parse(node);
    }

    public static ParseResult parse(JsonNode definition) {
        AslParser parser = new AslParser();
        StateMachine machine = parser.machine(definition);
        return parser.problems.isEmpty()
                ? new ParseResult(Optional.of(machine), List.of())
                : new ParseResult(Optional.empty(), parser.problems);
    }

    private static ParseResult invalid(String message) {
        return new ParseResult(Optional.empty(), List.of(new DefinitionProblem(Code.SCHEMA_VALIDATION_FAILED, "$", message)));
    }

    // ---- machine and graphs ----

    private StateMachine machine(JsonNode node) {
        if (node == null || !node.isObject()) {
            problems.add(new DefinitionProblem(Code.SCHEMA_VALIDATION_FAILED, "$",
                    "A definition is a JSON object, not " + (node == null ? "nothing" : FieldReader.kind(node))));
            return null;
        }
        FieldReader fields = new FieldReader(node, "$", problems);
        fields.rejectOthers(MACHINE_FIELDS, Set.of(), "a state machine");
        queryLanguage(fields);
        String version = fields.optionalString("Version");
        if (version != null && !version.equals("1.0")) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "Version", "The only ASL version is \"1.0\", not \"" + version + "\"");
        }
        fields.optionalString("Comment");
        Integer timeout = fields.optionalInt("TimeoutSeconds", 1, MAX_TIMEOUT_SECONDS);
        StateGraph graph = graph(fields);
        return new StateMachine(graph, timeout, node.path("Comment").textValue(), node);
    }

    private void queryLanguage(FieldReader fields) {
        String language = fields.optionalString("QueryLanguage");
        if ("JSONata".equals(language)) {
            fields.problem(Code.UNSUPPORTED_FEATURE, "QueryLanguage",
                    "The JSONata query language is not supported by the local engine; use JSONPath");
        } else if (language != null && !language.equals("JSONPath")) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "QueryLanguage",
                    "QueryLanguage is \"JSONPath\" or \"JSONata\", not \"" + language + "\"");
        }
    }

    private StateGraph graph(FieldReader fields) {
        String startAt = fields.requiredString("StartAt");
        JsonNode statesNode = fields.raw("States");
        Map<String, State> states = new LinkedHashMap<>();
        if (statesNode == null) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "States", "The field 'States' is required");
        } else if (!statesNode.isObject() || statesNode.isEmpty()) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "States", "'States' must be an object with at least one state");
        } else {
            String statesLocation = fields.at("States");
            Iterator<Map.Entry<String, JsonNode>> entries = statesNode.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                State state = state(entry.getKey(), entry.getValue(), FieldReader.child(statesLocation, entry.getKey()));
                if (state != null) {
                    states.put(entry.getKey(), state);
                }
            }
        }
        if (startAt != null && statesNode != null && statesNode.isObject() && !statesNode.has(startAt)) {
            fields.problem(Code.MISSING_TRANSITION_TARGET, "StartAt", "StartAt names '" + startAt + "', which is not a state here");
        }
        if (startAt != null && statesNode != null && statesNode.isObject()) {
            checkTransitions(statesNode, states, fields.at("States"));
            checkReachability(startAt, statesNode, states, fields.at("States"));
        }
        return new StateGraph(startAt, states);
    }

    /** Next, Default and catcher targets must name states of the same graph. */
    private void checkTransitions(JsonNode statesNode, Map<String, State> states, String statesLocation) {
        for (Map.Entry<String, State> entry : states.entrySet()) {
            String location = FieldReader.child(statesLocation, entry.getKey());
            for (Transition transition : transitions(entry.getValue(), location)) {
                if (!statesNode.has(transition.target())) {
                    problems.add(new DefinitionProblem(Code.MISSING_TRANSITION_TARGET, transition.location(),
                            "'" + transition.target() + "' is not a state of this "
                                    + (statesLocation.equals("$.States") ? "state machine" : "branch")));
                }
            }
        }
    }

    private void checkReachability(String startAt, JsonNode statesNode, Map<String, State> states, String statesLocation) {
        if (states.size() != statesNode.size() || !states.containsKey(startAt)) {
            return; // a state already failed to parse; reachability would only add noise
        }
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(startAt));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            State state = states.get(name);
            if (state == null || !reached.add(name)) {
                continue;
            }
            transitions(state, "").forEach(transition -> pending.push(transition.target()));
        }
        for (String name : states.keySet()) {
            if (!reached.contains(name)) {
                problems.add(new DefinitionProblem(Code.UNREACHABLE_STATE, FieldReader.child(statesLocation, name),
                        "The state '" + name + "' cannot be reached from '" + startAt + "'"));
            }
        }
    }

    private record Transition(String target, String location) {
    }

    private static List<Transition> transitions(State state, String location) {
        List<Transition> out = new ArrayList<>();
        if (state.next() != null) {
            out.add(new Transition(state.next(), location + ".Next"));
        }
        List<Catcher> catchers = switch (state) {
            case State.Task task -> task.catchers();
            case State.Map map -> map.catchers();
            case State.Parallel parallel -> parallel.catchers();
            default -> List.of();
        };
        for (int i = 0; i < catchers.size(); i++) {
            if (catchers.get(i).next() != null) {
                out.add(new Transition(catchers.get(i).next(), location + ".Catch[" + i + "].Next"));
            }
        }
        if (state instanceof State.Choice choice) {
            for (int i = 0; i < choice.choices().size(); i++) {
                if (choice.choices().get(i).next() != null) {
                    out.add(new Transition(choice.choices().get(i).next(), location + ".Choices[" + i + "].Next"));
                }
            }
            if (choice.defaultNext() != null) {
                out.add(new Transition(choice.defaultNext(), location + ".Default"));
            }
        }
        return out;
    }

    // ---- states ----

    private State state(String name, JsonNode node, String location) {
        String previous = stateLocations.putIfAbsent(name, location);
        if (previous != null) {
            problems.add(new DefinitionProblem(Code.DUPLICATE_STATE_NAME, location,
                    "The state name '" + name + "' is already used at " + previous + "; names are unique across the machine"));
        }
        if (name.isEmpty() || name.length() > MAX_STATE_NAME_LENGTH) {
            problems.add(new DefinitionProblem(Code.SCHEMA_VALIDATION_FAILED, location,
                    "A state name has 1 to " + MAX_STATE_NAME_LENGTH + " characters; this one has " + name.length()));
        }
        if (!node.isObject()) {
            problems.add(new DefinitionProblem(Code.SCHEMA_VALIDATION_FAILED, location,
                    "A state is a JSON object, not " + FieldReader.kind(node)));
            return null;
        }
        FieldReader fields = new FieldReader(node, location, problems);
        String typeName = fields.requiredString("Type");
        if (typeName == null) {
            return null;
        }
        Optional<StateType> type = StateType.byAslName(typeName);
        if (type.isEmpty()) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "Type", "Unknown state type '" + typeName
                    + "'; expected Task, Pass, Choice, Wait, Succeed, Fail, Map or Parallel");
            return null;
        }
        queryLanguage(fields);
        fields.optionalString("Comment");
        return switch (type.get()) {
            case PASS -> pass(name, fields);
            case TASK -> task(name, fields);
            case CHOICE -> choice(name, fields);
            case WAIT -> waitState(name, fields);
            case SUCCEED -> succeed(name, fields);
            case FAIL -> fail(name, fields);
            case MAP -> map(name, fields);
            case PARALLEL -> parallel(name, fields);
        };
    }

    private static Set<String> fieldsOf(String... names) {
        Set<String> set = new HashSet<>(List.of("Type", "Comment", "QueryLanguage"));
        set.addAll(List.of(names));
        return set;
    }

    private State pass(String name, FieldReader fields) {
        fields.rejectOthers(fieldsOf("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "Result"),
                UNSUPPORTED_STATE_FIELDS, "a Pass state");
        return new State.Pass(name, fields.nullablePath("InputPath", false), templates.template(fields, "Parameters", false),
                fields.raw("Result"), fields.nullablePath("ResultPath", true), fields.nullablePath("OutputPath", false),
                next(fields));
    }

    private State task(String name, FieldReader fields) {
        fields.rejectOthers(fieldsOf("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
                "ResultSelector", "Resource", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "Retry",
                "Catch"), UNSUPPORTED_STATE_FIELDS, "a Task state");
        String resource = fields.requiredString("Resource");
        if (resource != null && (resource.endsWith(".waitForTaskToken") || resource.endsWith(".sync")
                || resource.endsWith(".sync:2") || resource.startsWith("arn:aws:states:") && resource.contains(":activity:"))) {
            fields.problem(Code.UNSUPPORTED_FEATURE, "Resource", "The resource '" + resource
                    + "' uses a callback, sync or activity pattern, which the local engine does not run");
        } else if (resource != null && resource.isBlank()) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "Resource", "The Resource must not be empty");
        }
        Integer timeout = fields.optionalInt("TimeoutSeconds", 1, MAX_TIMEOUT_SECONDS);
        JsonPath timeoutPath = fields.path("TimeoutSecondsPath", true);
        if (fields.has("TimeoutSeconds") && fields.has("TimeoutSecondsPath")) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "TimeoutSecondsPath",
                    "TimeoutSeconds and TimeoutSecondsPath cannot both be set");
        }
        Integer heartbeat = fields.optionalInt("HeartbeatSeconds", 1, MAX_TIMEOUT_SECONDS);
        if (heartbeat != null && timeout != null && heartbeat >= timeout) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "HeartbeatSeconds",
                    "HeartbeatSeconds must be smaller than TimeoutSeconds");
        }
        return new State.Task(name, resource, fields.nullablePath("InputPath", false),
                templates.template(fields, "Parameters", false), templates.template(fields, "ResultSelector", true),
                fields.nullablePath("ResultPath", true), fields.nullablePath("OutputPath", false),
                timeout, timeoutPath, heartbeat, errorHandling.retriers(fields), errorHandling.catchers(fields), next(fields));
    }

    private State succeed(String name, FieldReader fields) {
        fields.rejectOthers(fieldsOf("InputPath", "OutputPath"), UNSUPPORTED_STATE_FIELDS, "a Succeed state");
        return new State.Succeed(name, fields.nullablePath("InputPath", false), fields.nullablePath("OutputPath", false));
    }

    private State fail(String name, FieldReader fields) {
        fields.rejectOthers(fieldsOf("Error", "ErrorPath", "Cause", "CausePath"), UNSUPPORTED_STATE_FIELDS, "a Fail state");
        for (String[] pair : new String[][]{{"Error", "ErrorPath"}, {"Cause", "CausePath"}}) {
            if (fields.has(pair[0]) && fields.has(pair[1])) {
                fields.problem(Code.SCHEMA_VALIDATION_FAILED, pair[1], pair[0] + " and " + pair[1] + " cannot both be set");
            }
        }
        return new State.Fail(name, fields.optionalString("Error"), fields.path("ErrorPath", false),
                fields.optionalString("Cause"), fields.path("CausePath", false));
    }

    private State waitState(String name, FieldReader fields) {
        fields.rejectOthers(fieldsOf("Next", "End", "InputPath", "OutputPath", "Seconds", "SecondsPath", "Timestamp",
                "TimestampPath"), UNSUPPORTED_STATE_FIELDS, "a Wait state");
        List<String> given = new ArrayList<>();
        for (String field : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
            if (fields.has(field)) {
                given.add(field);
            }
        }
        State.WaitFor waitFor = null;
        if (given.size() != 1) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, null,
                    "A Wait state needs exactly one of Seconds, SecondsPath, Timestamp or TimestampPath; found " + given);
        } else {
            waitFor = switch (given.getFirst()) {
                case "Seconds" -> {
                    Integer seconds = fields.optionalInt("Seconds", 0, MAX_TIMEOUT_SECONDS);
                    yield seconds == null ? null : new State.WaitFor.Seconds(seconds);
                }
                case "SecondsPath" -> {
                    JsonPath path = fields.path("SecondsPath", false);
                    yield path == null ? null : new State.WaitFor.SecondsPath(path);
                }
                case "Timestamp" -> {
                    OffsetDateTime timestamp = fields.optionalTimestamp("Timestamp");
                    yield timestamp == null ? null : new State.WaitFor.Timestamp(timestamp);
                }
                default -> {
                    JsonPath path = fields.path("TimestampPath", false);
                    yield path == null ? null : new State.WaitFor.TimestampPath(path);
                }
            };
        }
        return new State.Wait(name, fields.nullablePath("InputPath", false), fields.nullablePath("OutputPath", false),
                waitFor, next(fields));
    }

    private State map(String name, FieldReader fields) {
        fields.rejectOthers(fieldsOf("Next", "End", "InputPath", "OutputPath", "ResultPath", "ItemsPath", "ItemSelector",
                "Parameters", "ItemProcessor", "Iterator", "MaxConcurrency", "MaxConcurrencyPath", "ResultSelector",
                "Retry", "Catch", "ToleratedFailurePercentage", "ToleratedFailureCount", "Label"),
                UNSUPPORTED_STATE_FIELDS, "a Map state");
        if (fields.has("ItemSelector") && fields.has("Parameters")) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "Parameters",
                    "ItemSelector and its legacy name Parameters cannot both be set");
        }
        if (fields.has("MaxConcurrency") && fields.has("MaxConcurrencyPath")) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "MaxConcurrencyPath",
                    "MaxConcurrency and MaxConcurrencyPath cannot both be set");
        }
        String processorField = fields.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        StateGraph processor = null;
        if (fields.has("ItemProcessor") && fields.has("Iterator")) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "Iterator",
                    "ItemProcessor and its legacy name Iterator cannot both be set");
        } else if (!fields.has(processorField)) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, null, "A Map state needs an ItemProcessor (or Iterator)");
        } else {
            processor = subgraph(fields.raw(processorField), fields.at(processorField),
                    processorField.equals("ItemProcessor") ? PROCESSOR_FIELDS : GRAPH_FIELDS);
        }
        String selectorField = fields.has("ItemSelector") ? "ItemSelector" : "Parameters";
        Integer maxConcurrency = fields.optionalInt("MaxConcurrency", 0, Integer.MAX_VALUE);
        return new State.Map(name, fields.nullablePath("InputPath", false),
                fields.has("ItemsPath") ? fields.path("ItemsPath", false) : JsonPath.ROOT,
                templates.template(fields, selectorField, false), processor, maxConcurrency == null ? 0 : maxConcurrency,
                fields.path("MaxConcurrencyPath", true), fields.optionalInt("ToleratedFailureCount", 0, Integer.MAX_VALUE),
                fields.optionalNumber("ToleratedFailurePercentage", 0, 100), templates.template(fields, "ResultSelector", true),
                fields.nullablePath("ResultPath", true), fields.nullablePath("OutputPath", false),
                errorHandling.retriers(fields), errorHandling.catchers(fields), next(fields));
    }

    private State parallel(String name, FieldReader fields) {
        fields.rejectOthers(fieldsOf("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
                "ResultSelector", "Branches", "Retry", "Catch"), UNSUPPORTED_STATE_FIELDS, "a Parallel state");
        JsonNode branchesNode = fields.raw("Branches");
        List<StateGraph> branches = new ArrayList<>();
        if (branchesNode == null || !branchesNode.isArray() || branchesNode.isEmpty()) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, branchesNode == null ? null : "Branches",
                    "A Parallel state needs 'Branches': a non-empty array of {StartAt, States}");
        } else {
            for (int i = 0; i < branchesNode.size(); i++) {
                StateGraph branch = subgraph(branchesNode.get(i), FieldReader.element(fields.at("Branches"), i), GRAPH_FIELDS);
                if (branch != null) {
                    branches.add(branch);
                }
            }
        }
        return new State.Parallel(name, fields.nullablePath("InputPath", false), templates.template(fields, "Parameters", false),
                branches, templates.template(fields, "ResultSelector", true), fields.nullablePath("ResultPath", true),
                fields.nullablePath("OutputPath", false), errorHandling.retriers(fields), errorHandling.catchers(fields), next(fields));
    }

    private StateGraph subgraph(JsonNode node, String location, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            problems.add(new DefinitionProblem(Code.SCHEMA_VALIDATION_FAILED, location,
                    "Expected an object with StartAt and States"));
            return null;
        }
        FieldReader fields = new FieldReader(node, location, problems);
        fields.rejectOthers(allowed, Set.of(), "a branch or item processor");
        JsonNode config = fields.raw("ProcessorConfig");
        if (config != null) {
            processorConfig(new FieldReader(config, fields.at("ProcessorConfig"), problems), config);
        }
        return graph(fields);
    }

    private void processorConfig(FieldReader fields, JsonNode config) {
        if (!config.isObject()) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, null, "ProcessorConfig must be an object");
            return;
        }
        fields.rejectOthers(Set.of("Mode", "ExecutionType"), Set.of(), "ProcessorConfig");
        String mode = fields.optionalString("Mode");
        if (mode != null && !mode.equals("INLINE") && !mode.equals("DISTRIBUTED")) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "Mode", "Mode is INLINE or DISTRIBUTED, not " + mode);
        }
        String executionType = fields.optionalString("ExecutionType");
        if (executionType != null && !executionType.equals("STANDARD") && !executionType.equals("EXPRESS")) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "ExecutionType",
                    "ExecutionType is STANDARD or EXPRESS, not " + executionType);
        }
    }

    /** Next or End: exactly one, End must be true. */
    private String next(FieldReader fields) {
        String next = fields.optionalString("Next");
        Boolean end = fields.optionalBoolean("End");
        if (next != null && end != null) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "End", "A state has either Next or End, not both");
        } else if (next == null && !Boolean.TRUE.equals(end) && !fields.has("Next")) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, end == null ? null : "End",
                    "The state needs 'Next' (the state to run after it) or '\"End\": true'");
        }
        return next;
    }

    // ---- Choice ----

    private State choice(String name, FieldReader fields) {
        fields.rejectOthers(fieldsOf("Choices", "Default", "InputPath", "OutputPath"), UNSUPPORTED_STATE_FIELDS,
                "a Choice state");
        JsonNode choicesNode = fields.raw("Choices");
        List<ChoiceRule.Branch> branches = new ArrayList<>();
        if (choicesNode == null || !choicesNode.isArray() || choicesNode.isEmpty()) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, choicesNode == null ? null : "Choices",
                    "A Choice state needs 'Choices': a non-empty array of rules");
        } else {
            for (int i = 0; i < choicesNode.size(); i++) {
                String location = FieldReader.element(fields.at("Choices"), i);
                JsonNode ruleNode = choicesNode.get(i);
                ChoiceRule rule = choiceRules.rule(ruleNode, location, true);
                String next = ruleNode.isObject() ? new FieldReader(ruleNode, location, problems).requiredString("Next") : null;
                branches.add(new ChoiceRule.Branch(rule, next));
            }
        }
        return new State.Choice(name, fields.nullablePath("InputPath", false), fields.nullablePath("OutputPath", false),
                branches, fields.optionalString("Default"));
    }
}

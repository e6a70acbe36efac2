package io.crawlseq.lang.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.model.CommandStep;
import io.crawlseq.lang.model.Conditional;
import io.crawlseq.lang.model.ForEach;
import io.crawlseq.lang.model.Limits;
import io.crawlseq.lang.model.OnError;
import io.crawlseq.lang.model.RetryPolicy;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.model.SequenceVersion;
import io.crawlseq.lang.model.Step;
import io.crawlseq.lang.parse.Pointers;
import io.crawlseq.lang.parse.SourceMap;
import io.crawlseq.lang.validate.SequenceDraft;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a document tree into the model. Works on trees with shape errors too (building what it
 * can, marking the rest broken), so that one run reports every problem of a file.
 */
final class SequenceBuilder {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private final java.util.NavigableSet<String> problemPointers;
    private final Set<String> stepsWithProblems;
    private final SourceMap map;
    private final Set<String> broken = new HashSet<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private boolean numberingUncertain;
    private int commandCount;

    private SequenceBuilder(Set<String> problemPointers, SourceMap map, SequenceVersion version) {
        this.problemPointers = new java.util.TreeSet<>(problemPointers);
        this.stepsWithProblems = new HashSet<>();
        for (String p : problemPointers) {
            owningStep(p, version).ifPresent(stepsWithProblems::add);
        }
        this.map = map;
    }

    record Built(SequenceDraft draft, List<Diagnostic> diagnostics) {
    }

    /**
     * @param problemPointers where earlier layers reported problems (for unknown keys, the key's
     *                        pointer; for missing keys, the object's)
     */
    static Built build(JsonNode root, SequenceVersion version, Set<String> problemPointers, SourceMap map) {
        SequenceBuilder b = new SequenceBuilder(problemPointers, map, version);
        Sequence sequence = version == SequenceVersion.V1 ? b.v1(root) : b.v2(root);
        return new Built(new SequenceDraft(sequence, b.broken, b.numberingUncertain), List.copyOf(b.diagnostics));
    }

    private Sequence v1(JsonNode root) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String pointer = Pointers.item("", i);
            JsonNode node = root.get(i);
            if (node.isTextual()) {
                steps.add(new CommandStep(nextGeneratedId(), false, node.asText(), null, Optional.empty(),
                        OptionalLong.empty(), Optional.empty(), pointer));
            } else if (node.isObject()) {
                steps.add(command(node, pointer));
            } else {
                numberingUncertain = true;
            }
        }
        return new Sequence(SequenceVersion.V1, Optional.empty(), Optional.empty(), Optional.empty(), null,
                Optional.empty(), Limits.NONE, OnError.CONTINUE, steps);
    }

    private Sequence v2(JsonNode root) {
        List<Step> steps = steps(root.get("steps"), "/steps");
        JsonNode limits = root.path("limits");
        return new Sequence(SequenceVersion.V2, text(root, "name"), text(root, "description"), text(root, "startUrl"),
                root.path("context").isObject() ? (ObjectNode) root.get("context") : null, text(root, "schedule"),
                new Limits(integer(limits, "timeoutSeconds"), integer(limits, "maxConcurrency")),
                onError(root).orElse(OnError.CONTINUE), steps);
    }

    private List<Step> steps(JsonNode list, String pointer) {
        List<Step> out = new ArrayList<>();
        if (list == null || !list.isArray()) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            step(list.get(i), Pointers.item(pointer, i)).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Step> step(JsonNode node, String pointer) {
        if (!node.isObject()) {
            numberingUncertain = true;
            return Optional.empty();
        }
        String type = node.path("type").isTextual() ? node.get("type").asText() : "";
        return switch (type) {
            case "Command" -> Optional.of(command(node, pointer));
            case "Conditional" -> Optional.of(conditional(node, pointer));
            case "ForEach" -> Optional.of(forEach(node, pointer));
            default -> {
                // a misspelt or missing type: guess the kind from the keys, so that the commands
                // inside still count for stepN numbering and are still checked
                broken.add(pointer);
                if (node.has("command")) {
                    yield Optional.of(command(node, pointer));
                }
                if (node.has("if") || node.has("then")) {
                    yield Optional.of(conditional(node, pointer));
                }
                if (node.has("each") || node.has("do")) {
                    yield Optional.of(forEach(node, pointer));
                }
                numberingUncertain = true;
                yield Optional.empty();
            }
        };
    }

    private CommandStep command(JsonNode node, String pointer) {
        String generated = nextGeneratedId();
        markIfBroken(pointer);
        Optional<String> explicit = text(node, "id").filter(id -> IDENTIFIER.matcher(id).matches());
        String command = node.path("command").isTextual() ? node.get("command").asText() : "";
        if (!node.path("command").isTextual()) {
            broken.add(pointer);
        }
        ObjectNode args = node.path("args").isObject() ? (ObjectNode) node.get("args") : null;
        OptionalLong timeout = node.path("timeout").canConvertToLong() && node.get("timeout").isIntegralNumber()
                ? OptionalLong.of(node.get("timeout").asLong()) : OptionalLong.empty();
        return new CommandStep(explicit.orElse(generated), explicit.isPresent(), command, args, onError(node),
                timeout, retry(node.get("retry"), pointer + "/retry"), pointer);
    }

    private Conditional conditional(JsonNode node, String pointer) {
        markIfBroken(pointer);
        List<Step> thenSteps = steps(node.get("then"), pointer + "/then");
        List<Step> elseSteps = steps(node.get("else"), pointer + "/else");
        return new Conditional(text(node, "if").orElse(""), thenSteps, elseSteps, node.has("else"), pointer);
    }

    private ForEach forEach(JsonNode node, String pointer) {
        markIfBroken(pointer);
        List<Step> body = steps(node.get("do"), pointer + "/do");
        int maxConcurrency = integer(node, "maxConcurrency").orElse(ForEach.DEFAULT_MAX_CONCURRENCY);
        return new ForEach(text(node, "each").orElse(""),
                text(node, "as").filter(a -> IDENTIFIER.matcher(a).matches()).orElse(""), body,
                Math.max(0, maxConcurrency), pointer);
    }

    /**
     * Builds a retry policy, filling absent fields from the default. The schema has checked each
     * field; the one rule across fields (a cap below the first wait) is checked here.
     */
    private Optional<RetryPolicy> retry(JsonNode node, String pointer) {
        if (node == null || !node.isObject() || hasProblemWithin(pointer)) {
            return Optional.empty();
        }
        RetryPolicy d = RetryPolicy.DEFAULT;
        int interval = integer(node, "intervalSeconds").orElse(d.intervalSeconds());
        int maxDelay = integer(node, "maxDelaySeconds").orElse(Math.max(d.maxDelaySeconds(), interval));
        if (maxDelay < interval) {
            String at = node.has("maxDelaySeconds") ? pointer + "/maxDelaySeconds" : pointer + "/intervalSeconds";
            diagnostics.add(Diagnostic.of(DiagnosticCode.INVALID_VALUE, "'maxDelaySeconds' (" + maxDelay
                    + ") must not be less than 'intervalSeconds' (" + interval + ")", at, map.locate(at)));
            return Optional.empty();
        }
        double backoff = node.path("backoffRate").isNumber() ? node.get("backoffRate").asDouble() : d.backoffRate();
        boolean jitter = node.path("jitter").isBoolean() ? node.get("jitter").asBoolean() : d.jitter();
        return Optional.of(new RetryPolicy(integer(node, "maxAttempts").orElse(d.maxAttempts()), interval, backoff,
                maxDelay, jitter));
    }

    private String nextGeneratedId() {
        return "step" + (++commandCount);
    }

    /** A step is broken when an earlier layer reported a problem inside it but outside its nested steps. */
    private void markIfBroken(String stepPointer) {
        if (stepsWithProblems.contains(stepPointer)) {
            broken.add(stepPointer);
        }
    }

    private boolean hasProblemWithin(String pointer) {
        return problemPointers.contains(pointer)
                || !problemPointers.subSet(pointer + "/", true, pointer + "0", false).isEmpty();
    }

    /**
     * The innermost step a pointer lies in: {@code /steps/0/then/2/args/x} → {@code /steps/0/then/2}.
     * Walks the fixed structure (steps, then, else, do) so argument keys never count as structure.
     */
    static Optional<String> owningStep(String pointer, SequenceVersion version) {
        String[] tokens = pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1);
        int i = 0;
        String step = null;
        if (version == SequenceVersion.V1) {
            if (tokens.length > 0 && isIndex(tokens[0])) {
                step = "/" + tokens[0];
                i = 1;
            }
        } else if (tokens.length > 1 && tokens[0].equals("steps") && isIndex(tokens[1])) {
            step = "/steps/" + tokens[1];
            i = 2;
        }
        if (step == null) {
            return Optional.empty();
        }
        while (i + 1 < tokens.length && isStepList(tokens[i]) && isIndex(tokens[i + 1])) {
            step = step + "/" + tokens[i] + "/" + tokens[i + 1];
            i += 2;
        }
        return Optional.of(step);
    }

    private static boolean isStepList(String token) {
        return token.equals("then") || token.equals("else") || token.equals("do");
    }

    private static boolean isIndex(String token) {
        return !token.isEmpty() && token.length() < 10 && token.chars().allMatch(Character::isDigit);
    }

    private static Optional<String> text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static OptionalInt integer(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v != null && v.isIntegralNumber() && v.canConvertToInt() ? OptionalInt.of(v.asInt()) : OptionalInt.empty();
    }

    private static Optional<OnError> onError(JsonNode node) {
        return text(node, "onError").flatMap(OnError::fromJson);
    }
}

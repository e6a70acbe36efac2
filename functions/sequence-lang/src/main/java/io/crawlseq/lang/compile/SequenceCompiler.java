package io.crawlseq.lang.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.expr.Expr;
import io.crawlseq.lang.expr.ExpressionParser;
import io.crawlseq.lang.expr.Path;
import io.crawlseq.lang.model.CommandStep;
import io.crawlseq.lang.model.Conditional;
import io.crawlseq.lang.model.ForEach;
import io.crawlseq.lang.model.OnError;
import io.crawlseq.lang.model.RetryPolicy;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.model.Step;
import io.crawlseq.lang.registry.CommandErrors;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.lang.registry.LambdaSettings;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compiles a validated {@link Sequence} to an Amazon States Language definition (JSONPath query
 * language). Pure and deterministic: the same sequence always gives byte-identical JSON.
 *
 * <h2>Run state</h2>
 * The execution input is {@code {"context": {...}}}. A {@code Start} Pass adds an empty
 * {@code results}; after each command a {@code record} Pass merges its envelope into
 * {@code results.<id>} and {@code results.lastCommand}. Scratch fields ({@code step}, {@code caught},
 * {@code loopOutput}) never survive a record/merge Pass, which also resets {@code continuation}.
 *
 * <h2>Per command</h2>
 * <pre>
 * Task ──ok──▶ [partial? ──yes──▶ continue ──▶ Task (again)]──▶ record ──▶ [abort check ──failed──▶ Fail]──▶ next
 *   │                                                             ▲
 *   └──Catch States.ALL──▶ failed envelope (from the error) ──────┘
 * </pre>
 * The partial loop exists only for crawling commands (long crawls, SPEC §6): the run state's
 * {@code continuation} is null except between a partial result and the invocation that resumes it,
 * so one Task serves both. The abort check exists only for steps whose effective {@code onError}
 * is {@code abort}.
 *
 * <h2>ForEach</h2>
 * An inline Map (Distributed above 40 concurrent iterations). Each iteration sees the outer
 * {@code context} and {@code results}, the loop variables under {@code vars} and its position under
 * {@code loop}. Only the last iteration outputs its {@code results}; after the Map they are merged
 * into the outer {@code results}, so after a loop {@code results.<id>} of a command inside it is the
 * last iteration's result (absent when the array was empty). Other iterations output {@code {}},
 * which keeps the Map's output far below the 256 KiB payload limit.
 */
public final class SequenceCompiler {

    /** Step Functions Standard workflow quota. */
    public static final long MAX_HISTORY_EVENTS = 25_000;
    /** Step Functions definition size quota, in bytes. */
    public static final long MAX_DEFINITION_BYTES = 1_048_576;
    /** Above this Map concurrency the compiler uses a Distributed Map (inline Maps run at most 40 at once). */
    public static final int INLINE_MAP_MAX_CONCURRENCY = 40;
    /** Length assumed for a function ARN when sizing a definition that still holds placeholders. */
    static final int TYPICAL_ARN_LENGTH = 110;
    /** Iterations assumed for a ForEach over an array whose length is unknown before run time. */
    static final int ASSUMED_ITERATIONS = io.crawlseq.lang.registry.ResultTypes.ENVELOPE_LIST_CAP;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final CommandRegistry registry;
    private final FunctionResolver functions;

    public SequenceCompiler(CommandRegistry registry) {
        this(registry, FunctionResolver.placeholders());
    }

    public SequenceCompiler(CommandRegistry registry, FunctionResolver functions) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.functions = Objects.requireNonNull(functions, "functions");
    }

    /** Compiles; the sequence must have passed validation (layers 1 and 2). */
    public CompileResult compile(Sequence sequence) {
        return new Run(sequence).compile();
    }

    /** A compiled block of steps: where it starts and its states in document order. */
    private record Fragment(String entry, Map<String, ObjectNode> states) {
    }

    /** State for one compilation. */
    private final class Run {
        private final Sequence sequence;
        private final StateNames names = new StateNames();
        private final List<CompileIssue> issues = new ArrayList<>();
        private final TreeSet<String> substitutions = new TreeSet<>();
        private final Map<String, CompileResult.StepState> stepStates = new LinkedHashMap<>();
        private final Map<Step, Integer> ordinals = new IdentityHashMap<>();
        private final HistoryEstimator estimator;

        Run(Sequence sequence) {
            this.sequence = sequence;
            this.estimator = new HistoryEstimator(sequence, registry);
            numberControlSteps(sequence.steps(), new int[2]);
        }

        /** Conditionals and ForEach loops are named by their 1-based position among their kind. */
        private void numberControlSteps(List<Step> steps, int[] counters) {
            for (Step step : steps) {
                switch (step) {
                    case CommandStep c -> {
                    }
                    case Conditional c -> {
                        ordinals.put(c, ++counters[0]);
                        numberControlSteps(c.thenSteps(), counters);
                        numberControlSteps(c.elseSteps(), counters);
                    }
                    case ForEach f -> {
                        ordinals.put(f, ++counters[1]);
                        numberControlSteps(f.body(), counters);
                    }
                }
            }
        }

        CompileResult compile() {
            ObjectNode machine = JSON.objectNode();
            machine.put("Comment", "Crawl sequence " + sequence.name().orElse("(unnamed)")
                    + ", compiled by crawl-sequences. Do not edit: edit the sequence and recompile.");
            String start = names.claim("Start");
            String done = names.claim("Done");
            Fragment body = block(sequence.steps(), Scope.top(), done);
            machine.put("StartAt", start);
            sequence.limits().timeoutSeconds().ifPresent(t -> machine.put("TimeoutSeconds", t));
            ObjectNode states = machine.putObject("States");
            ObjectNode startState = states.putObject(start);
            startState.put("Type", "Pass");
            startState.put("Comment", "Run state: the run context from the input, and no results yet.");
            ObjectNode init = startState.putObject("Parameters");
            init.put("context.$", "$.context");
            init.putObject("results");
            init.putNull("continuation");
            startState.put("Next", body.entry());
            body.states().forEach(states::set);
            ObjectNode succeed = states.putObject(done);
            succeed.put("Type", "Succeed");

            String json = AslJson.print(machine);
            // the deployer submits the definition compact; that is what the quota measures
            checkQuotas(machine.toString());
            return new CompileResult(machine, json, issues, substitutions, estimator.total(), countStates(machine),
                    stepStates);
        }

        private Fragment block(List<Step> steps, Scope scope, String continueTo) {
            List<Fragment> compiled = new ArrayList<>();
            String next = continueTo;
            for (int i = steps.size() - 1; i >= 0; i--) {
                Fragment f = step(steps.get(i), scope, next);
                compiled.addFirst(f);
                next = f.entry();
            }
            Map<String, ObjectNode> states = new LinkedHashMap<>();
            compiled.forEach(f -> states.putAll(f.states()));
            return new Fragment(next, states);
        }

        private Fragment step(Step step, Scope scope, String next) {
            return switch (step) {
                case CommandStep c -> command(c, scope, next);
                case Conditional c -> conditional(c, scope, next);
                case ForEach f -> forEach(f, scope, next);
            };
        }

        // --- Command ---------------------------------------------------------------------------

        private Fragment command(CommandStep step, Scope scope, String next) {
            CommandSpec spec = registry.require(step.command());
            String base = step.id().equals(step.command()) ? step.id() : step.id() + " " + step.command();
            Map<String, ObjectNode> states = new LinkedHashMap<>();
            String main = names.claim(base);
            stepStates.put(main, new CompileResult.StepState(step.id(), step.command()));
            String record = names.claim(base + " - record");
            boolean abort = sequence.onErrorOf(step) == OnError.ABORT;
            String afterRecord = next;
            String abortCheck = null;
            String aborted = null;
            if (abort) {
                abortCheck = names.claim(base + " - abort if failed");
                aborted = names.claim(base + " - aborted");
                afterRecord = abortCheck;
            }
            TemplateCompiler templates = new TemplateCompiler(scope, issues);
            ObjectNode args = templates.compileObject(step.args(), argsPointer(step));

            if (spec.lambda().isEmpty()) {
                states.put(main, warningPass(step, spec, templates, record));
            } else {
                LambdaSettings lambda = spec.lambda().get();
                String function = functions.functionFor(spec, lambda);
                if (function.startsWith("${") && function.endsWith("}")) {
                    substitutions.add(function.substring(2, function.length() - 1));
                }
                String failed = names.claim(base + " - failed");
                String afterTask = record;
                if (spec.crawls()) {
                    String partialCheck = names.claim(base + " - partial");
                    String proceed = names.claim(base + " - continue");
                    afterTask = partialCheck;
                    states.put(main, task(step, scope, function, args, afterTask, failed));
                    states.put(partialCheck, partialChoice(step, proceed, record));
                    states.put(proceed, continuePass(step, main));
                } else {
                    states.put(main, task(step, scope, function, args, afterTask, failed));
                }
                states.putAll(failurePath(step, failed, base, record));
            }
            states.put(record, recordPass(scope, afterRecord));
            if (abort) {
                states.put(abortCheck, abortChoice(step, aborted, next));
                states.put(aborted, abortFail(step));
            }
            return new Fragment(main, states);
        }

        private ObjectNode task(CommandStep step, Scope scope, String function, ObjectNode args, String next,
                                String failed) {
            ObjectNode task = JSON.objectNode();
            task.put("Type", "Task");
            task.put("Comment", "Runs " + step.command() + " (" + step.pointer() + " in the sequence).");
            task.put("Resource", "arn:aws:states:::lambda:invoke");
            ObjectNode parameters = task.putObject("Parameters");
            parameters.put("FunctionName", function);
            ObjectNode payload = parameters.putObject("Payload");
            payload.put("command", step.command());
            payload.put("stepId", step.id());
            payload.set("args", args);
            payload.put("context.$", "$.context");
            payload.put("runId.$", "$$.Execution.Name");
            if (scope.inLoop()) {
                // {index, last, outer: {...}}: which iteration of which loop this invocation belongs to
                payload.put("loop.$", "$.loop");
            }
            // null on a first invocation; where to resume when a long crawl is continued
            payload.put("continuation.$", "$.continuation");
            ObjectNode selector = task.putObject("ResultSelector");
            selector.put(step.id() + ".$", "$.Payload");
            selector.put("lastCommand.$", "$.Payload");
            task.put("ResultPath", "$.step");
            step.timeoutMs().ifPresent(ms -> task.put("TimeoutSeconds", Math.max(1, (ms + 999) / 1000)));
            ArrayNode retry = task.putArray("Retry");
            retry.add(retrier(CommandErrors.LAMBDA_SERVICE_ERRORS, RetryPolicy.DEFAULT));
            RetryPolicy policy = step.retry().orElse(RetryPolicy.DEFAULT);
            if (policy.maxAttempts() > 0) {
                List<String> transientErrors = new ArrayList<>(CommandErrors.TRANSIENT_NAMES);
                transientErrors.add("States.Timeout");
                retry.add(retrier(transientErrors, policy));
            }
            ArrayNode catchers = task.putArray("Catch");
            ObjectNode catchAll = catchers.addObject();
            catchAll.putArray("ErrorEquals").add("States.ALL");
            catchAll.put("ResultPath", "$.caught");
            catchAll.put("Next", failed);
            task.put("Next", next);
            return task;
        }

        private ObjectNode retrier(List<String> errors, RetryPolicy policy) {
            ObjectNode r = JSON.objectNode();
            ArrayNode equals = r.putArray("ErrorEquals");
            errors.forEach(equals::add);
            r.put("IntervalSeconds", policy.intervalSeconds());
            r.put("MaxAttempts", policy.maxAttempts());
            r.set("BackoffRate", ChoiceRules.numberNode(java.math.BigDecimal.valueOf(policy.backoffRate())));
            r.put("MaxDelaySeconds", policy.maxDelaySeconds());
            r.put("JitterStrategy", policy.jitter() ? "FULL" : "NONE");
            return r;
        }

        private ObjectNode partialChoice(CommandStep step, String proceed, String record) {
            ObjectNode choice = JSON.objectNode();
            choice.put("Type", "Choice");
            choice.put("Comment", "A long crawl returns status partial with a continuation until it is done.");
            ObjectNode rule = choice.putArray("Choices").addObject();
            ArrayNode and = rule.putArray("And");
            String status = "$.step." + step.id() + ".status";
            and.addObject().put("Variable", status).put("IsPresent", true);
            and.addObject().put("Variable", status).put("StringEquals", "partial");
            rule.put("Next", proceed);
            choice.put("Default", record);
            return choice;
        }

        /** Hands the continuation the command returned to its next invocation. */
        private ObjectNode continuePass(CommandStep step, String task) {
            ObjectNode pass = JSON.objectNode();
            pass.put("Type", "Pass");
            pass.put("InputPath", "$.step." + step.id() + ".continuation");
            pass.put("ResultPath", "$.continuation");
            pass.put("Next", task);
            return pass;
        }

        /**
         * The failure path: the error becomes a failed envelope under the step's id and
         * {@code lastCommand}. Not every error carries a Cause (a task timeout may not), and a
         * missing path would itself fail the state, so an absent Cause is first replaced by the
         * error name.
         */
        private Map<String, ObjectNode> failurePath(CommandStep step, String failed, String base, String record) {
            String fillCause = names.claim(base + " - failed without cause");
            String envelope = names.claim(base + " - failed envelope");
            String asLast = names.claim(base + " - failed as last command");
            ObjectNode choice = JSON.objectNode();
            choice.put("Type", "Choice");
            choice.put("Comment", "The step failed after its retries: record a failed envelope and go on.");
            ObjectNode rule = choice.putArray("Choices").addObject();
            rule.put("Variable", "$.caught.Cause");
            rule.put("IsPresent", true);
            rule.put("Next", envelope);
            choice.put("Default", fillCause);

            ObjectNode fill = JSON.objectNode();
            fill.put("Type", "Pass");
            ObjectNode caught = fill.putObject("Parameters");
            caught.put("Error.$", "$.caught.Error");
            caught.put("Cause.$", "$.caught.Error");
            fill.put("ResultPath", "$.caught");
            fill.put("Next", envelope);

            ObjectNode build = JSON.objectNode();
            build.put("Type", "Pass");
            ObjectNode parameters = build.putObject("Parameters");
            ObjectNode failedEnvelope = registry.require(step.command()).failedEnvelope("", "");
            ObjectNode error = failedEnvelope.putObject("error");
            error.put("type.$", "$.caught.Error");
            error.put("message.$", "$.caught.Cause");
            parameters.set(step.id(), failedEnvelope);
            build.put("ResultPath", "$.step");
            build.put("Next", asLast);

            ObjectNode last = JSON.objectNode();
            last.put("Type", "Pass");
            ObjectNode both = last.putObject("Parameters");
            both.put(step.id() + ".$", "$.step." + step.id());
            both.put("lastCommand.$", "$.step." + step.id());
            last.put("ResultPath", "$.step");
            last.put("Next", record);

            Map<String, ObjectNode> states = new LinkedHashMap<>();
            states.put(failed, choice);
            states.put(fillCause, fill);
            states.put(envelope, build);
            states.put(asLast, last);
            return states;
        }

        private ObjectNode warningPass(CommandStep step, CommandSpec spec, TemplateCompiler templates, String record) {
            ObjectNode pass = JSON.objectNode();
            pass.put("Type", "Pass");
            pass.put("Comment", spec.name() + " needs no Lambda: the warning is recorded in the run's results.");
            ObjectNode envelope = JSON.objectNode();
            envelope.put("command", spec.name());
            envelope.put("status", "success");
            envelope.put("success", true);
            // No timestamps: the envelope stays a pure function of the run data, identical on every engine.
            envelope.put("elapsedMs", 0);
            ObjectNode args = step.args();
            JsonNode message = args.path("message");
            if (message.isTextual() && io.crawlseq.lang.expr.Template.containsPlaceholder(message.textValue())) {
                envelope.put("message.$", templates.stringExpression(message.textValue(), argsPointer(step) + "/message"));
            } else {
                envelope.set("message", message.isMissingNode() ? JSON.textNode("") : message.deepCopy());
            }
            ObjectNode parameters = pass.putObject("Parameters");
            parameters.set(step.id(), envelope);
            parameters.set("lastCommand", envelope.deepCopy());
            pass.put("ResultPath", "$.step");
            pass.put("Next", record);
            return pass;
        }

        private ObjectNode recordPass(Scope scope, String next) {
            ObjectNode pass = JSON.objectNode();
            pass.put("Type", "Pass");
            pass.set("Parameters", scope.frame("States.JsonMerge($.results, $.step, false)"));
            pass.put("Next", next);
            return pass;
        }

        private ObjectNode abortChoice(CommandStep step, String aborted, String next) {
            ObjectNode choice = JSON.objectNode();
            choice.put("Type", "Choice");
            choice.put("Comment", "onError is abort: a failed step ends the run (a skipped one does not).");
            ObjectNode rule = choice.putArray("Choices").addObject();
            rule.put("Variable", "$.results." + step.id() + ".status");
            rule.put("StringEquals", "failed");
            rule.put("Next", aborted);
            choice.put("Default", next);
            return choice;
        }

        private ObjectNode abortFail(CommandStep step) {
            ObjectNode fail = JSON.objectNode();
            fail.put("Type", "Fail");
            fail.put("Error", CommandErrors.STEP_FAILED);
            fail.put("Cause", "step " + step.id() + " (" + step.command() + ") failed and its onError is abort");
            return fail;
        }

        // --- Conditional -----------------------------------------------------------------------

        private Fragment conditional(Conditional c, Scope scope, String next) {
            Expr expr = ExpressionParser.parse(c.condition()).fold(e -> e, err -> {
                throw new IllegalStateException("invalid condition reached the compiler at " + c.pointer() + ": " + err);
            });
            ChoiceRules.Compiled rule = new ChoiceRules(scope).compile(expr);
            if (rule instanceof ChoiceRules.Constant constant) {
                // The validator warns about constant conditions; only the branch that can run is compiled.
                return block(constant.value() ? c.thenSteps() : c.elseSteps(), scope, next);
            }
            String name = names.claim("If " + ordinals.get(c));
            Fragment then = block(c.thenSteps(), scope, next);
            Fragment otherwise = block(c.elseSteps(), scope, next);
            ObjectNode choice = JSON.objectNode();
            choice.put("Type", "Choice");
            choice.put("Comment", "if " + c.condition());
            ObjectNode compiled = ((ChoiceRules.Rule) rule).rule().deepCopy();
            compiled.put("Next", then.entry());
            choice.putArray("Choices").add(compiled);
            choice.put("Default", otherwise.entry());
            Map<String, ObjectNode> states = new LinkedHashMap<>();
            states.put(name, choice);
            states.putAll(then.states());
            states.putAll(otherwise.states());
            return new Fragment(name, states);
        }

        // --- ForEach ---------------------------------------------------------------------------

        private Fragment forEach(ForEach f, Scope scope, String next) {
            String base = "ForEach " + ordinals.get(f) + " " + f.as();
            String map = names.claim(base);
            String lastCheck = names.claim(base + " - last iteration");
            String outputResults = names.claim(base + " - output results");
            String outputNothing = names.claim(base + " - output nothing");
            String done = names.claim(base + " - done");
            String merge = names.claim(base + " - merge");
            String empty = names.claim(base + " - empty");
            Path each = ExpressionParser.parsePath(f.each()).fold(p -> p, err -> {
                throw new IllegalStateException("invalid ForEach.each reached the compiler at " + f.pointer() + ": " + err);
            });
            String itemsPath = scope.jsonPath(each);
            Scope inner = scope.enterLoop(f.as());
            Fragment body = block(f.body(), inner, lastCheck);

            ObjectNode mapState = JSON.objectNode();
            mapState.put("Type", "Map");
            mapState.put("Comment", "for each " + f.as() + " in " + f.each());
            mapState.put("ItemsPath", itemsPath);
            ObjectNode selector = mapState.putObject("ItemSelector");
            selector.put("context.$", "$.context");
            selector.put("results.$", "$.results");
            selector.putNull("continuation");
            ObjectNode vars = selector.putObject("vars");
            for (String outer : scope.loopVariables()) {
                vars.put(outer + ".$", "$.vars." + outer);
            }
            vars.put(f.as() + ".$", "$$.Map.Item.Value");
            ObjectNode loop = selector.putObject("loop");
            loop.put("index.$", "$$.Map.Item.Index");
            loop.put("last.$", "States.MathAdd(States.ArrayLength(" + itemsPath + "), -1)");
            if (scope.inLoop()) {
                loop.put("outer.$", "$.loop");
            }
            int concurrency = effectiveConcurrency(f);
            mapState.put("MaxConcurrency", concurrency);
            ObjectNode processor = mapState.putObject("ItemProcessor");
            ObjectNode config = processor.putObject("ProcessorConfig");
            if (concurrency == 0 || concurrency > INLINE_MAP_MAX_CONCURRENCY) {
                config.put("Mode", "DISTRIBUTED");
                config.put("ExecutionType", "STANDARD");
            } else {
                config.put("Mode", "INLINE");
            }
            processor.put("StartAt", body.entry());
            ObjectNode innerStates = processor.putObject("States");
            body.states().forEach(innerStates::set);
            ObjectNode last = innerStates.putObject(lastCheck);
            last.put("Type", "Choice");
            last.put("Comment", "Only the last iteration hands its results back (payloads stay small).");
            ObjectNode isLast = last.putArray("Choices").addObject();
            isLast.put("Variable", "$.loop.index");
            isLast.put("NumericEqualsPath", "$.loop.last");
            isLast.put("Next", outputResults);
            last.put("Default", outputNothing);
            ObjectNode out = innerStates.putObject(outputResults);
            out.put("Type", "Pass");
            out.put("OutputPath", "$.results");
            out.put("End", true);
            ObjectNode nothing = innerStates.putObject(outputNothing);
            nothing.put("Type", "Pass");
            nothing.putObject("Result");
            nothing.put("End", true);
            mapState.put("ResultPath", "$.loopOutput");
            mapState.put("Next", done);

            ObjectNode doneChoice = JSON.objectNode();
            doneChoice.put("Type", "Choice");
            doneChoice.put("Comment", "An empty array ran no iteration: nothing to merge.");
            ObjectNode any = doneChoice.putArray("Choices").addObject();
            any.put("Variable", "$.loopOutput[0]");
            any.put("IsPresent", true);
            any.put("Next", merge);
            doneChoice.put("Default", empty);
            ObjectNode mergePass = JSON.objectNode();
            mergePass.put("Type", "Pass");
            mergePass.set("Parameters", scope.frame(
                    "States.JsonMerge($.results, States.ArrayGetItem($.loopOutput, "
                            + "States.MathAdd(States.ArrayLength($.loopOutput), -1)), false)"));
            mergePass.put("Next", next);
            ObjectNode emptyPass = JSON.objectNode();
            emptyPass.put("Type", "Pass");
            emptyPass.set("Parameters", scope.frame("$.results"));
            emptyPass.put("Next", next);

            Map<String, ObjectNode> states = new LinkedHashMap<>();
            states.put(map, mapState);
            states.put(done, doneChoice);
            states.put(merge, mergePass);
            states.put(empty, emptyPass);
            return new Fragment(map, states);
        }

        private int effectiveConcurrency(ForEach f) {
            int wanted = f.maxConcurrency();
            java.util.OptionalInt cap = sequence.limits().maxConcurrency();
            if (cap.isPresent() && (wanted == 0 || wanted > cap.getAsInt())) {
                return cap.getAsInt();
            }
            return wanted;
        }

        // --- quotas (layer 3) ------------------------------------------------------------------

        private void checkQuotas(String compactJson) {
            String json = compactJson;
            long placeholders = countOccurrences(json, "FunctionArn}");
            long bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + placeholders * TYPICAL_ARN_LENGTH;
            if (bytes > MAX_DEFINITION_BYTES) {
                issues.add(new CompileIssue(io.crawlseq.lang.diag.DiagnosticCode.DEFINITION_TOO_LARGE,
                        "the compiled state machine is about " + bytes / 1024 + " KiB; Step Functions accepts at most "
                                + MAX_DEFINITION_BYTES / 1024 + " KiB. Split the sequence into several", ""));
            }
            issues.addAll(estimator.issues());
        }

        private static long countOccurrences(String text, String needle) {
            long count = 0;
            for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
                count++;
            }
            return count;
        }

        private static int countStates(JsonNode node) {
            int count = 0;
            JsonNode states = node.path("States");
            for (JsonNode state : states) {
                count++;
                count += countStates(state.path("ItemProcessor"));
                count += countStates(state.path("Iterator"));
                for (JsonNode branch : state.path("Branches")) {
                    count += countStates(branch);
                }
            }
            return count;
        }

        private static String argsPointer(CommandStep step) {
            return step.pointer() + "/args";
        }
    }
}

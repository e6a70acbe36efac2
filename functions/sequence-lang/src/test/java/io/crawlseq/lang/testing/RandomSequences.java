package io.crawlseq.lang.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.model.SequenceVersion;
import io.crawlseq.lang.parse.Pointers;
import io.crawlseq.lang.registry.ArgFormat;
import io.crawlseq.lang.registry.ArgSpec;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.lang.types.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded generator of valid sequences (v1 and v2 with nested Conditional/ForEach), valid by
 * construction: arguments drawn from the registry's specs, references only to results that are
 * certainly available, loop variables used only inside their ForEach. It records what mutation
 * tests need (every command, every condition, the ids referenced).
 */
public final class RandomSequences {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> COUNTRIES = List.of("US", "FR", "DE", "GB", "JP", "IT", "CA");
    private static final List<String> SCHEDULES = List.of("rate(1 day)", "rate(6 hours)", "cron(0 6 * * ? *)",
            "cron(30 2 ? * MON-FRI *)", "cron(0/15 * * * ? *)");

    /** A command of the generated document. */
    public record CommandInfo(String pointer, String id, boolean objectForm, String command, boolean crawls, int index) {
    }

    /** A Conditional of the generated document. */
    public record ConditionInfo(String pointer, String condition) {
    }

    public record Generated(JsonNode document, SequenceVersion version, List<CommandInfo> commands,
                            List<ConditionInfo> conditions, List<String> commandStepPointers,
                            List<String> stepPointers, Set<String> referencedIds) {
    }

    private final Random random;
    private final CommandRegistry registry = CommandRegistry.standard();
    private final List<CommandInfo> commands = new ArrayList<>();
    private final List<ConditionInfo> conditions = new ArrayList<>();
    private final List<String> v2Commands = new ArrayList<>();
    private final List<String> steps = new ArrayList<>();
    private final Set<String> referenced = new HashSet<>();
    /** Results visible without warnings: one frame per enclosing step list. */
    private final Deque<List<Visible>> frames = new ArrayDeque<>();
    private final Deque<LoopVar> loopVars = new ArrayDeque<>();
    private int explicitIds;

    private record Visible(String id, CommandSpec spec) {
    }

    private record LoopVar(String name, boolean isHub) {
    }

    private RandomSequences(long seed) {
        this.random = new Random(seed);
    }

    public static Generated v1(long seed) {
        RandomSequences g = new RandomSequences(seed);
        ArrayNode root = F.arrayNode();
        int n = 1 + g.random.nextInt(8);
        for (int i = 0; i < n; i++) {
            root.add(g.command(Pointers.item("", i), false));
        }
        if (g.commands.stream().noneMatch(c -> c.objectForm() && c.crawls())) {
            root.add(g.crawlCommand(Pointers.item("", root.size()), false));
        }
        return g.result(root, SequenceVersion.V1);
    }

    public static Generated v2(long seed) {
        RandomSequences g = new RandomSequences(seed);
        ObjectNode root = F.objectNode();
        root.put("type", "Sequence");
        if (g.random.nextBoolean()) {
            root.put("name", "generated-" + Math.abs(seed % 1000));
        }
        if (g.random.nextBoolean()) {
            root.put("description", "A generated sequence: it exercises the validator.");
        }
        if (g.random.nextBoolean()) {
            root.put("startUrl", "https://news.example.com/");
        }
        ObjectNode context = root.putObject("context");
        ArrayNode countries = context.putArray("countries");
        for (int i = 0; i < 1 + g.random.nextInt(4); i++) {
            countries.add(COUNTRIES.get(g.random.nextInt(COUNTRIES.size())));
        }
        context.put("maxPages", 1 + g.random.nextInt(20));
        if (g.random.nextBoolean()) {
            root.put("schedule", SCHEDULES.get(g.random.nextInt(SCHEDULES.size())));
        }
        ObjectNode limits = root.putObject("limits");
        limits.put("timeoutSeconds", 3600 + g.random.nextInt(80_000));
        limits.put("maxConcurrency", 4);
        if (g.random.nextBoolean()) {
            root.put("onError", g.random.nextBoolean() ? "continue" : "abort");
        }
        ArrayNode stepList = root.putArray("steps");
        g.frames.push(new ArrayList<>());
        g.block(stepList, "/steps", 0);
        if (g.commands.stream().noneMatch(c -> c.objectForm() && c.crawls())) {
            String p = Pointers.item("/steps", stepList.size());
            g.steps.add(p);
            g.v2Commands.add(p);
            ObjectNode c = g.crawlCommand(p, true);
            stepList.add(c);
        }
        return g.result(root, SequenceVersion.V2);
    }

    private Generated result(JsonNode root, SequenceVersion version) {
        return new Generated(root, version, List.copyOf(commands), List.copyOf(conditions), List.copyOf(v2Commands),
                List.copyOf(steps), Set.copyOf(referenced));
    }

    // --- v2 steps --------------------------------------------------------------------------------

    private void block(ArrayNode list, String pointer, int depth) {
        int n = 1 + random.nextInt(depth == 0 ? 6 : 3);
        CommandSpec previous = null;
        for (int i = 0; i < n; i++) {
            String p = Pointers.item(pointer, i);
            steps.add(p);
            int kind = depth >= 3 ? 0 : random.nextInt(10);
            if (kind < 6) {
                v2Commands.add(p);
                ObjectNode c = (ObjectNode) command(p, true);
                list.add(c);
                previous = registry.require(c.get("command").asText());
            } else if (kind < 8) {
                list.add(conditional(p, depth, previous));
                previous = null;
            } else {
                list.add(forEach(p, depth));
                previous = null;
            }
        }
    }

    private ObjectNode conditional(String pointer, int depth, CommandSpec previous) {
        ObjectNode node = F.objectNode();
        node.put("type", "Conditional");
        String condition = condition(previous);
        node.put("if", condition);
        conditions.add(new ConditionInfo(pointer, condition));
        frames.push(new ArrayList<>());
        block(node.putArray("then"), pointer + "/then", depth + 1);
        frames.pop();
        if (random.nextBoolean()) {
            frames.push(new ArrayList<>());
            block(node.putArray("else"), pointer + "/else", depth + 1);
            frames.pop();
        }
        return node;
    }

    private ObjectNode forEach(String pointer, int depth) {
        ObjectNode node = F.objectNode();
        node.put("type", "ForEach");
        List<Visible> withHubs = visible().stream().filter(v -> v.spec().resultType().fields().containsKey("hubs")).toList();
        LoopVar var;
        if (!withHubs.isEmpty() && random.nextBoolean()) {
            Visible source = withHubs.get(random.nextInt(withHubs.size()));
            referenced.add(source.id());
            node.put("each", "results." + source.id() + ".hubs");
            var = new LoopVar("hub" + depth, true);
        } else {
            node.put("each", "context.countries");
            var = new LoopVar("country" + depth, false);
        }
        node.put("as", var.name());
        if (random.nextBoolean()) {
            node.put("maxConcurrency", 1 + random.nextInt(4));
        }
        loopVars.push(var);
        frames.push(new ArrayList<>());
        block(node.putArray("do"), pointer + "/do", depth + 1);
        frames.pop();
        loopVars.pop();
        return node;
    }

    private String condition(CommandSpec previous) {
        List<String> options = new ArrayList<>();
        options.add("context.maxPages > " + random.nextInt(10));
        for (Visible v : visible()) {
            String r = "results." + v.id();
            options.add(r + ".success");
            options.add(r + ".status === 'success'");
            options.add(r + ".status !== \"failed\"");
            if (v.spec().resultType().fields().containsKey("hubCount")) {
                options.add(r + ".hubCount >= " + random.nextInt(20));
            }
        }
        if (previous != null) {
            options.add("results.lastCommand.success && results.lastCommand.elapsedMs < 60000");
        }
        String a = options.get(random.nextInt(options.size()));
        String result = switch (random.nextInt(4)) {
            case 0 -> a + " && " + options.get(random.nextInt(options.size()));
            case 1 -> "!(" + a + ") || " + options.get(random.nextInt(options.size()));
            default -> a;
        };
        for (Visible v : visible()) {
            if (result.contains("results." + v.id() + ".")) {
                referenced.add(v.id());
            }
        }
        return result;
    }

    private List<Visible> visible() {
        List<Visible> all = new ArrayList<>();
        frames.forEach(all::addAll);
        return all;
    }

    // --- commands --------------------------------------------------------------------------------

    private JsonNode command(String pointer, boolean v2) {
        CommandSpec spec = registry.all().get(random.nextInt(registry.all().size()));
        boolean needsObject = v2 || spec.args().stream().anyMatch(ArgSpec::required) || random.nextInt(3) == 0;
        if (!needsObject) {
            register(pointer, spec, null, false);
            return F.textNode(spec.name());
        }
        return commandObject(pointer, spec, v2);
    }

    private ObjectNode crawlCommand(String pointer, boolean v2) {
        List<CommandSpec> crawling = registry.all().stream().filter(CommandSpec::crawls).toList();
        return commandObject(pointer, crawling.get(random.nextInt(crawling.size())), v2);
    }

    private ObjectNode commandObject(String pointer, CommandSpec spec, boolean v2) {
        ObjectNode node = F.objectNode();
        if (v2) {
            node.put("type", "Command");
        }
        node.put("command", spec.name());
        ObjectNode args = F.objectNode();
        for (ArgSpec arg : spec.args()) {
            if (arg.required() || random.nextInt(4) == 0) {
                JsonNode value = v2 ? templated(arg) : null;
                args.set(arg.name(), value != null ? value : value(arg, arg.type()));
            }
        }
        if (!args.isEmpty() || random.nextBoolean()) {
            node.set("args", args);
        }
        String explicitId = null;
        if (random.nextInt(3) == 0) {
            explicitId = "c_" + (++explicitIds);
            node.put("id", explicitId);
        }
        if (random.nextInt(4) == 0) {
            node.put("onError", random.nextBoolean() ? "continue" : "abort");
        }
        if (random.nextInt(4) == 0) {
            int maxSeconds = spec.lambda().map(l -> l.timeoutSeconds()).orElse(60);
            node.put("timeout", 1000 + random.nextInt(maxSeconds * 1000 - 999));
        }
        if (random.nextInt(4) == 0) {
            node.set("retry", retry());
        }
        register(pointer, spec, explicitId, true);
        return node;
    }

    private void register(String pointer, CommandSpec spec, String explicitId, boolean objectForm) {
        String id = explicitId != null ? explicitId : "step" + (commands.size() + 1);
        commands.add(new CommandInfo(pointer, id, objectForm, spec.name(), spec.crawls(), commands.size()));
        if (!frames.isEmpty()) {
            frames.peek().add(new Visible(id, spec));
        }
    }

    /** Uses a loop variable or an earlier result where the argument's type allows it. */
    private JsonNode templated(ArgSpec arg) {
        if (random.nextBoolean()) {
            return null;
        }
        for (LoopVar var : loopVars) {
            if (!var.isHub() && arg.name().equals("country")) {
                return F.textNode("{{" + var.name() + "}}");
            }
            if (var.isHub() && (arg.name().equals("hubUrl") || arg.name().equals("startUrl"))) {
                return F.textNode("{{" + var.name() + ".url}}");
            }
        }
        List<Visible> visible = visible();
        if (arg.name().equals("message") && !visible.isEmpty()) {
            Visible v = visible.get(random.nextInt(visible.size()));
            referenced.add(v.id());
            return F.textNode("status of " + v.id() + ": {{results." + v.id() + ".status}} 🌍");
        }
        return null;
    }

    private JsonNode value(ArgSpec spec, DataType type) {
        if (!spec.fields().isEmpty()) {
            ObjectNode object = F.objectNode();
            for (ArgSpec field : spec.fields()) {
                if (random.nextBoolean()) {
                    object.set(field.name(), value(field, field.type()));
                }
            }
            return object;
        }
        return switch (type) {
            case DataType.EnumType e -> F.textNode(e.values().get(random.nextInt(e.values().size())));
            case DataType.ArrayType a -> {
                ArrayNode items = F.arrayNode();
                for (int i = 0; i < 1 + random.nextInt(3); i++) {
                    items.add(value(spec, a.items()));
                }
                yield items;
            }
            case DataType.Scalar s -> switch (s.kind()) {
                case INTEGER -> F.numberNode(integer(spec));
                case NUMBER -> F.numberNode(number(spec));
                case BOOLEAN -> F.booleanNode(random.nextBoolean());
                case STRING -> F.textNode(string(spec.format()));
                case NULL -> F.nullNode();
            };
            default -> F.textNode("x");
        };
    }

    private long integer(ArgSpec spec) {
        long min = spec.min().map(BigDecimal::longValue).orElse(0L);
        long max = spec.max().map(BigDecimal::longValue).orElse(min + 1000);
        return min + random.nextInt((int) Math.min(max - min + 1, 1000));
    }

    private double number(ArgSpec spec) {
        double min = spec.min().map(BigDecimal::doubleValue).orElse(0.0);
        double max = spec.max().map(BigDecimal::doubleValue).orElse(min + 10);
        double v = min + random.nextDouble() * (max - min);
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.DOWN).max(BigDecimal.valueOf(min)).doubleValue();
    }

    private String string(ArgFormat format) {
        return switch (format) {
            case URL -> "https://news.example.com/section-" + random.nextInt(100);
            case ISO_COUNTRY -> COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            case SCRIPT_LOCATION -> "scripts/scrape-" + random.nextInt(10) + ".js";
            case NONE -> random.nextBoolean() ? "some text" : "Text with: punctuation, \"quotes\" & ünïcödé";
        };
    }

    private ObjectNode retry() {
        ObjectNode r = F.objectNode();
        int interval = 1 + random.nextInt(10);
        if (random.nextBoolean()) {
            r.put("maxAttempts", random.nextInt(11));
        }
        boolean withInterval = random.nextBoolean();
        if (withInterval) {
            r.put("intervalSeconds", interval);
        }
        if (random.nextBoolean()) {
            r.put("backoffRate", 1.0 + random.nextInt(20) / 10.0);
        }
        if (random.nextBoolean()) {
            int floor = withInterval ? interval : 2;
            r.put("maxDelaySeconds", floor + random.nextInt(600));
        }
        if (random.nextBoolean()) {
            r.put("jitter", random.nextBoolean());
        }
        return r;
    }
}

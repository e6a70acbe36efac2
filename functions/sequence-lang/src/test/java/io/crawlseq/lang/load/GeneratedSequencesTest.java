package io.crawlseq.lang.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.model.SequenceVersion;
import io.crawlseq.lang.testing.Emitted;
import io.crawlseq.lang.testing.JsonEmitter;
import io.crawlseq.lang.testing.RandomSequences;
import io.crawlseq.lang.testing.RandomSequences.CommandInfo;
import io.crawlseq.lang.testing.RandomSequences.Generated;
import io.crawlseq.lang.testing.YamlEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random sequences, valid by construction, written as JSON and YAML by emitters that record
 * positions themselves: valid ones must load clean (and to the same model from both syntaxes);
 * each single mutation must yield exactly one diagnostic, with the expected code, at the position
 * the emitter recorded for the mutated value.
 */
class GeneratedSequencesTest {

    private static final int DOCUMENTS_PER_VERSION = 150;

    static Stream<Long> seeds() {
        return LongStream.range(0, DOCUMENTS_PER_VERSION).mapToObj(i -> 7_919L * i + 13);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedSequences_loadCleanFromJsonAndYaml_toTheSameModel(long seed) {
        for (Generated g : List.of(RandomSequences.v1(seed), RandomSequences.v2(seed))) {
            Emitted json = JsonEmitter.emit("generated.json", g.document(), seed % 2 == 0 ? "\n" : "\r\n");
            Emitted yaml = YamlEmitter.emit("generated.yaml", g.document(), seed % 3 == 0 ? "\r\n" : "\n");

            LoadResult fromJson = SequenceLoader.load(json.fileName(), json.bytes());
            LoadResult fromYaml = SequenceLoader.load(yaml.fileName(), yaml.bytes());

            assertThat(fromJson.diagnostics()).as("JSON:%n%s", json.text()).isEmpty();
            assertThat(fromYaml.diagnostics()).as("YAML:%n%s", yaml.text()).isEmpty();
            assertThat(fromYaml.sequence()).isPresent().isEqualTo(fromJson.sequence());
            assertThat(fromJson.document().orElseThrow().toString()).isEqualTo(g.document().toString());
            assertThat(fromJson.sequence().orElseThrow().commands()).extracting(c -> c.id())
                    .containsExactlyElementsOf(g.commands().stream().map(CommandInfo::id).toList());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everySingleMutation_isReportedOnce_atTheMutatedPosition(long seed) {
        Random random = new Random(seed);
        int applied = 0;
        for (Generated g : List.of(RandomSequences.v1(seed), RandomSequences.v2(seed))) {
            for (Mutation mutation : MUTATIONS) {
                Optional<Mutated> mutated = mutation.apply(g, random);
                if (mutated.isEmpty()) {
                    continue;
                }
                applied++;
                for (Function<JsonNode, Emitted> emitter : emitters()) {
                    Emitted emitted = emitter.apply(mutated.get().document());
                    LoadResult result = SequenceLoader.load(emitted.fileName(), emitted.bytes());
                    Emitted.Pos expected = mutated.get().where().apply(emitted);
                    assertThat(result.diagnostics())
                            .as("%s in %s:%n%s", mutation.name(), emitted.fileName(), emitted.text())
                            .extracting(GeneratedSequencesTest::summary)
                            .containsExactly(mutated.get().code().id() + "@" + expected);
                }
            }
        }
        // v1 documents take at least 9 of the mutations, v2 documents at least 10
        assertThat(applied).isGreaterThanOrEqualTo(19);
    }

    private static List<Function<JsonNode, Emitted>> emitters() {
        return List.of(d -> JsonEmitter.emit("mutated.json", d), d -> YamlEmitter.emit("mutated.yaml", d));
    }

    private static String summary(Diagnostic d) {
        return d.code().id() + "@" + d.location().line() + ":" + d.location().column();
    }

    /** A mutated copy, the code it must produce and where (asked of the emitter that wrote it). */
    record Mutated(JsonNode document, DiagnosticCode code, Function<Emitted, Emitted.Pos> where) {
    }

    record Mutation(String name, MutationFunction function) {
        Optional<Mutated> apply(Generated g, Random random) {
            return function.apply(g, g.document().deepCopy(), random);
        }
    }

    @FunctionalInterface
    interface MutationFunction {
        Optional<Mutated> apply(Generated g, JsonNode copy, Random random);
    }

    private static final List<Mutation> MUTATIONS = List.of(
            new Mutation("unknown command", (g, doc, r) -> {
                CommandInfo c = pick(g.commands(), r);
                String misspelt = c.command() + "Zz";
                if (c.objectForm()) {
                    ((ObjectNode) doc.at(c.pointer())).put("command", misspelt);
                    return mutated(doc, DiagnosticCode.UNKNOWN_COMMAND, e -> e.value(c.pointer() + "/command"));
                }
                ((com.fasterxml.jackson.databind.node.ArrayNode) doc).set(Integer.parseInt(c.pointer().substring(1)),
                        com.fasterxml.jackson.databind.node.TextNode.valueOf(misspelt));
                return mutated(doc, DiagnosticCode.UNKNOWN_COMMAND, e -> e.value(c.pointer()));
            }),
            new Mutation("argument of the wrong type", (g, doc, r) -> crawlArg(g, doc, r, "maxDownloads",
                    "lots", DiagnosticCode.ARGUMENT_TYPE)),
            new Mutation("argument out of range", (g, doc, r) -> crawlArg(g, doc, r, "maxDepth", 1000,
                    DiagnosticCode.ARGUMENT_RANGE)),
            new Mutation("unknown argument", (g, doc, r) -> {
                CommandInfo c = pick(objectCommands(g), r);
                ObjectNode step = (ObjectNode) doc.at(c.pointer());
                if (!step.has("args")) {
                    step.putObject("args");
                }
                ((ObjectNode) step.get("args")).put("bogusArg", 1);
                return mutated(doc, DiagnosticCode.UNKNOWN_ARGUMENT, e -> e.key(c.pointer() + "/args/bogusArg"));
            }),
            new Mutation("unknown key in a step", (g, doc, r) -> {
                String step = g.version() == SequenceVersion.V2 ? pick(g.stepPointers(), r)
                        : pick(objectCommands(g), r).pointer();
                ((ObjectNode) doc.at(step)).put("bogusKey", true);
                return mutated(doc, DiagnosticCode.UNKNOWN_KEY, e -> e.key(step + "/bogusKey"));
            }),
            new Mutation("command key removed", (g, doc, r) -> {
                CommandInfo c = pick(objectCommands(g), r);
                ((ObjectNode) doc.at(c.pointer())).remove("command");
                return mutated(doc, DiagnosticCode.MISSING_KEY, e -> e.value(c.pointer()));
            }),
            new Mutation("args not an object", (g, doc, r) -> {
                CommandInfo c = pick(objectCommands(g), r);
                ((ObjectNode) doc.at(c.pointer())).put("args", "country=US");
                return mutated(doc, DiagnosticCode.WRONG_TYPE, e -> e.value(c.pointer() + "/args"));
            }),
            new Mutation("invalid onError", (g, doc, r) -> {
                CommandInfo c = pick(objectCommands(g), r);
                ((ObjectNode) doc.at(c.pointer())).put("onError", "sometimes");
                return mutated(doc, DiagnosticCode.INVALID_VALUE, e -> e.value(c.pointer() + "/onError"));
            }),
            new Mutation("unknown path root in a template", (g, doc, r) -> crawlArgAt(g, doc, r, "startUrl",
                    "{{nowhere.url}}", DiagnosticCode.UNKNOWN_PATH_ROOT, 2)),
            new Mutation("forward result reference", (g, doc, r) -> {
                List<CommandInfo> candidates = objectCommands(g).stream()
                        .filter(c -> c.crawls() && c.index() < g.commands().size() - 1).toList();
                if (candidates.isEmpty()) {
                    return Optional.empty();
                }
                CommandInfo c = pick(candidates, r);
                CommandInfo later = g.commands().get(c.index() + 1 + r.nextInt(g.commands().size() - c.index() - 1));
                String template = "{{results." + later.id() + ".status}}";
                args(doc, c).put("startUrl", template);
                String pointer = c.pointer() + "/args/startUrl";
                return mutated(doc, DiagnosticCode.FORWARD_RESULT_REFERENCE, e -> e.inString(pointer, template, 10));
            }),
            new Mutation("broken expression", (g, doc, r) -> {
                if (g.conditions().isEmpty()) {
                    return Optional.empty();
                }
                RandomSequences.ConditionInfo c = pick(g.conditions(), r);
                String broken = c.condition() + " &&";
                ((ObjectNode) doc.at(c.pointer())).put("if", broken);
                String pointer = c.pointer() + "/if";
                return mutated(doc, DiagnosticCode.EXPRESSION_SYNTAX, e -> e.inString(pointer, broken, broken.length()));
            }),
            new Mutation("misspelt step type", (g, doc, r) -> {
                if (g.version() != SequenceVersion.V2) {
                    return Optional.empty();
                }
                String step = pick(g.stepPointers(), r);
                ObjectNode node = (ObjectNode) doc.at(step);
                node.put("type", node.get("type").asText().replaceFirst("[aeiou]", ""));
                return mutated(doc, DiagnosticCode.UNKNOWN_NODE_TYPE, e -> e.value(step + "/type"));
            }),
            new Mutation("duplicate id", (g, doc, r) -> {
                List<CommandInfo> unreferenced = objectCommands(g).stream()
                        .filter(c -> c.index() > 0 && !g.referencedIds().contains(c.id())).toList();
                if (unreferenced.isEmpty()) {
                    return Optional.empty();
                }
                CommandInfo b = pick(unreferenced, r);
                CommandInfo a = g.commands().get(r.nextInt(b.index()));
                ((ObjectNode) doc.at(b.pointer())).put("id", a.id());
                return mutated(doc, DiagnosticCode.DUPLICATE_ID, e -> e.value(b.pointer() + "/id"));
            }));

    private static Optional<Mutated> crawlArg(Generated g, JsonNode doc, Random r, String arg, Object value,
                                              DiagnosticCode code) {
        CommandInfo c = pick(objectCommands(g).stream().filter(CommandInfo::crawls).toList(), r);
        ObjectNode args = args(doc, c);
        if (value instanceof Integer i) {
            args.put(arg, i);
        } else {
            args.put(arg, value.toString());
        }
        return mutated(doc, code, e -> e.value(c.pointer() + "/args/" + arg));
    }

    private static Optional<Mutated> crawlArgAt(Generated g, JsonNode doc, Random r, String arg, String value,
                                                DiagnosticCode code, int offset) {
        CommandInfo c = pick(objectCommands(g).stream().filter(CommandInfo::crawls).toList(), r);
        args(doc, c).put(arg, value);
        String pointer = c.pointer() + "/args/" + arg;
        return mutated(doc, code, e -> e.inString(pointer, value, offset));
    }

    private static ObjectNode args(JsonNode doc, CommandInfo c) {
        ObjectNode step = (ObjectNode) doc.at(c.pointer());
        if (!step.path("args").isObject()) {
            step.putObject("args");
        }
        return (ObjectNode) step.get("args");
    }

    private static List<CommandInfo> objectCommands(Generated g) {
        return g.commands().stream().filter(CommandInfo::objectForm).toList();
    }

    private static Optional<Mutated> mutated(JsonNode doc, DiagnosticCode code, Function<Emitted, Emitted.Pos> where) {
        return Optional.of(new Mutated(doc, code, where));
    }

    private static <T> T pick(List<T> items, Random r) {
        return new ArrayList<>(items).get(r.nextInt(items.size()));
    }
}

package io.crawlseq.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.engine.LocalEngine;
import io.crawlseq.engine.asl.AslParser;
import io.crawlseq.engine.task.FunctionRouter;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.lang.compile.Compilation;
import io.crawlseq.lang.registry.CommandRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The task events are what the compiler emits: a one-step sequence with the event's step id,
 * command and args, compiled and run on the local engine with the event's context and run id,
 * hands its command function exactly the event's payload.
 */
class TaskEventsMatchCompilerTest {

    static Stream<Path> taskEvents() throws IOException {
        try (Stream<Path> files = Files.list(Repository.resolve("events"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("task-")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taskEvents")
    void taskEvent_isThePayloadTheCompiledTaskSends(Path file) throws Exception {
        JsonNode event = LambdaJson.parse(Files.readAllBytes(file));
        ObjectNode sequence = LambdaJson.object();
        sequence.put("type", "Sequence");
        ObjectNode step = sequence.putArray("steps").addObject();
        step.put("type", "Command");
        step.put("id", event.path("stepId").asText());
        step.put("command", event.path("command").asText());
        step.set("args", event.path("args"));
        Compilation compilation = Compilation.of("event.json", LambdaJson.text(sequence).getBytes(StandardCharsets.UTF_8),
                new io.crawlseq.lang.compile.SequenceCompiler(CommandRegistry.standard()));
        assertThat(compilation.isDeployable()).as(compilation.diagnostics().toString()).isTrue();
        List<JsonNode> payloads = new CopyOnWriteArrayList<>();
        String function = CommandRegistry.standard().require(event.path("command").asText()).lambda().orElseThrow()
                .arnSubstitutionName();
        LocalEngine engine = LocalEngine.builder().delayScale(0).taskInvoker(FunctionRouter.builder()
                .route("${" + function + "}", (payload, call) -> {
                    payloads.add(payload);
                    ObjectNode envelope = CommandRegistry.standard().require(event.path("command").asText()).neutralFields();
                    return envelope.put("command", event.path("command").asText()).put("status", "success")
                            .put("success", true);
                }).build()).build();
        ObjectNode input = LambdaJson.object();
        input.set("context", event.path("context"));

        engine.start(AslParser.parse(compilation.compiled().orElseThrow().definition()).orElseThrow(), input,
                event.path("runId").asText());

        assertThat(payloads).first().isEqualTo(event);
    }
}

package io.crawlseq.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.cli.cloud.LocalCloud;
import io.crawlseq.commands.StandardHandlers;
import io.crawlseq.functions.command.CommandFatalError;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.store.RunStatus;
import io.crawlseq.store.StepRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@code events/} drives the handler its name says, in-process, as {@code sam local
 * invoke -e events/<file> <Function>} would: S3 uploads the deployer, schedules and direct starts the
 * run starter, execution status changes the run recorder, task payloads their command function. URLs
 * of the real site in the events are pointed at a fixture site on loopback (no test touches the
 * internet); bucket names and version ids are those of the local upload.
 */
class EventFilesTest {

    @RegisterExtension
    static final CloudFixture fixture = new CloudFixture();

    /** Covered by ScriptRunnerHandlerTest in functions/script-function (it needs the GraalJS worker). */
    private static final Set<String> TESTED_ELSEWHERE = Set.of("script-runner.json");
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    static Stream<String> eventFiles() throws IOException {
        try (Stream<Path> files = Files.list(Repository.resolve("events"))) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !TESTED_ELSEWHERE.contains(n)).sorted().toList().stream();
        }
    }

    private static JsonNode event(String file) throws IOException {
        return LambdaJson.parse(Files.readAllBytes(Repository.resolve("events/" + file)));
    }

    @Test
    void everyFunctionOfTheTemplate_hasAtLeastOneEventFile() throws IOException {
        List<String> files = eventFiles().toList();
        assertThat(files).anyMatch(f -> f.startsWith("deployer-")).anyMatch(f -> f.startsWith("run-starter-"))
                .anyMatch(f -> f.startsWith("run-recorder-"));
        CommandRegistry.standard().deployed().forEach(spec -> assertThat(files).contains("task-" + spec.name() + ".json"));
        assertThat(Repository.resolve("events/script-runner.json")).exists();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventFiles")
    void eventFile_drivesItsHandler(String file) throws Exception {
        if (file.startsWith("deployer-")) {
            deployerEvent(file);
        } else if (file.startsWith("run-starter-")) {
            starterEvent(file);
        } else if (file.startsWith("run-recorder-")) {
            recorderEvent(file);
        } else if (file.startsWith("task-")) {
            taskEvent(file);
        } else {
            throw new AssertionError("no handler is known for events/" + file + " (name it after its function)");
        }
    }

    /** Uploads the object the event announces and delivers the event with the local bucket and version. */
    private JsonNode deliverUpload(JsonNode original) throws Exception {
        ObjectNode event = (ObjectNode) original.deepCopy();
        ObjectNode s3 = (ObjectNode) event.at("/Records/0/s3");
        String key = s3.at("/object/key").asText();
        Path source = Repository.resolve(key);
        if (!Files.exists(source)) {
            source = Repository.resolve("events/" + key);
        }
        String versionId = fixture.upload(key, fixture.onFixtureSite(source));
        ((ObjectNode) s3.get("bucket")).put("name", LocalCloud.SEQUENCES_BUCKET);
        ((ObjectNode) s3.get("object")).put("versionId", versionId);
        return fixture.cloud().invoke(LocalCloud.DEPLOYER, event);
    }

    private void deployerEvent(String file) throws Exception {
        JsonNode event = event(file);
        String key = event.at("/Records/0/s3/object/key").asText();

        JsonNode response = deliverUpload(event);

        JsonNode result = response.at("/results/0");
        if (file.contains("invalid")) {
            assertThat(result.path("outcome").asText()).isEqualTo("INVALID");
            JsonNode report = fixture.object(key + ".diagnostics.json");
            assertThat(report.path("errors").asInt()).isPositive();
            assertThat(report.at("/diagnostics/0/text").asText()).matches(".+:\\d+:\\d+: error .+");
        } else {
            assertThat(result.path("outcome").asText()).as(response.toString()).isIn("DEPLOYED", "DUPLICATE");
            assertThat(fixture.cloud().sfn().listStateMachines(b -> { }).stateMachines())
                    .anyMatch(m -> m.stateMachineArn().equals(result.path("stateMachineArn").asText()));
        }
    }

    private void starterEvent(String file) throws Exception {
        deliverUpload(event("deployer-s3-put-valid.json")); // guardian-survey, on the fixture site

        JsonNode response = fixture.cloud().invoke(LocalCloud.RUN_STARTER, fixture.onFixtureSite(event(file)));

        assertThat(response.path("status").asText()).as(response.toString()).isEqualTo("STARTED");
        assertThat(response.path("sequence").asText()).isEqualTo("guardian-survey");
        assertThat(response.at("/input/context/startUrl").asText()).isEqualTo(fixture.siteUrl());
        String runId = response.path("runId").asText();
        var execution = fixture.cloud().stepFunctions().awaitExecution(response.path("executionArn").asText(), RUN_TIMEOUT);
        assertThat(fixture.cloud().storage().runs().run(runId)).hasValueSatisfying(run ->
                assertThat(run.status().isTerminal()).as("finished by the run recorder: " + run + " / " + execution).isTrue());
    }

    private void recorderEvent(String file) throws Exception {
        JsonNode event = event(file);

        JsonNode response = fixture.cloud().invoke(LocalCloud.RUN_RECORDER, event);

        assertThat(response.path("recorded").asText()).isIn("FINISHED", "CREATED");
        String runId = event.at("/detail/name").asText();
        assertThat(fixture.cloud().storage().runs().run(runId)).hasValueSatisfying(run -> {
            assertThat(run.sequenceName()).isEqualTo("guardian-survey");
            assertThat(run.status()).isEqualTo(RunStatus.valueOf(event.at("/detail/status").asText()));
        });
    }

    private void taskEvent(String file) throws Exception {
        ObjectNode payload = fixture.onFixtureSite(event(file));
        String command = payload.path("command").asText();
        assumeTrue(StandardHandlers.catalog().find(command).isPresent(),
                "this build has no handler for " + command + " yet (the commands issues add them)");
        String runId = "events-" + command;
        payload.put("runId", runId);
        String function = LocalCloud.NAME_PREFIX + CommandRegistry.standard().require(command).lambda().orElseThrow().logicalId();

        JsonNode envelope;
        try {
            envelope = fixture.cloud().invoke(function, payload);
        } catch (CommandFatalError e) {
            assertThat(command).as("only runScript may fail here: " + e.getMessage()).isEqualTo("runScript");
            assertThat(e.getMessage()).contains("script runner");
            return;
        }

        assertThat(envelope.path("command").asText()).isEqualTo(command);
        assertThat(envelope.path("status").asText()).isIn("success", "failed", "skipped", "partial");
        List<StepRecord> steps = fixture.cloud().storage().runs().steps(runId, io.crawlseq.store.PageRequest.first(10)).items();
        assertThat(steps).anySatisfy(step -> {
            assertThat(step.command()).isEqualTo(command);
            assertThat(step.status().isTerminal()).isTrue();
        });
    }
}

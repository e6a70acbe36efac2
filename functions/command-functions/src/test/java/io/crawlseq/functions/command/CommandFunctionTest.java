package io.crawlseq.functions.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandProgress;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.CrawlerFactory;
import io.crawlseq.commands.ScriptExecutor;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.functions.support.FunctionSpec;
import io.crawlseq.functions.support.InProcessFunction;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.functions.support.Priming;
import io.crawlseq.functions.support.Telemetry;
import io.crawlseq.lang.registry.CommandErrors;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.RunDetail;
import io.crawlseq.store.StepStatus;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.dynamodb.DynamoStorage;
import io.crawlseq.store.blob.S3BlobStore;
import io.crawlseq.store.tables.TableNames;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CommandFunctionTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private static final FunctionSpec LOG_WARNING_FUNCTION =
            FunctionSpec.of("crawlseq-LogWarningFunction", "us-east-1", "123456789012", 512, 60);

    /** Services over the test's tables, through clients built the way a deployed function builds them. */
    private CommandServices services() {
        return new CommandServices(CrawlerFactory.configured(CrawlerConfig.defaults()), FunctionClients.storage(aws),
                ScriptExecutor.UNAVAILABLE, Clock.systemUTC(), CommandProgress.NONE);
    }

    private InProcessFunction function(String command, CommandServices services) {
        return new InProcessFunction(LOG_WARNING_FUNCTION,
                new CommandFunction(new CommandFunctionSetup(command, services, Telemetry.QUIET)));
    }

    private static ObjectNode logWarningPayload(String runId) {
        ObjectNode payload = LambdaJson.object();
        payload.put("command", "logWarning");
        payload.put("stepId", "warn");
        payload.putObject("args").put("message", "no hubs on {{site}}");
        payload.putObject("context").put("startUrl", "https://news.example/");
        payload.put("runId", runId);
        payload.put("attempt", 0);
        return payload;
    }

    @Test
    void invoke_answersTheEnvelopeAndHasRecordedTheStepAndMetricsBeforeReturning() throws Exception {
        JsonNode envelope = function("logWarning", services()).invoke(logWarningPayload("run-1"));

        assertThat(envelope.path("command").asText()).isEqualTo("logWarning");
        assertThat(envelope.path("status").asText()).isEqualTo("success");
        assertThat(envelope.path("message").asText()).isEqualTo("no hubs on {{site}}");
        RunDetail steps = aws.storage().runs().runDetail("run-1").orElseGet(() -> null);
        var recorded = aws.storage().runs().steps("run-1", io.crawlseq.store.PageRequest.first(10)).items();
        assertThat(steps).isNull(); // no run record: the run starter writes that, not the step
        assertThat(recorded).singleElement().satisfies(step -> {
            assertThat(step.stepId()).isEqualTo("warn");
            assertThat(step.status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(step.result().orElseThrow().node().path("message").asText()).isEqualTo("no hubs on {{site}}");
        });
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(aws.storage().metrics().daily("logWarning", today, today))
                .singleElement().satisfies(day -> assertThat(day.counters().invocations()).isEqualTo(1));
    }

    @Test
    void invoke_refusesAPayloadForAnotherCommandWithTheFatalErrorName() {
        ObjectNode payload = logWarningPayload("run-2");
        payload.put("command", "findTopicHubs");

        assertThatThrownBy(() -> function("logWarning", services()).invoke(payload))
                .isInstanceOf(CommandFatalError.class)
                .hasMessageContaining("this function runs logWarning")
                .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo(CommandErrors.FATAL_JAVA_LAMBDA));
    }

    @Test
    void invoke_reportsAnUnreachableStoreAsTheTransientErrorTheStateMachineRetries() {
        TableNames missing = TableNames.withPrefix("no-such-tables-");
        CommandServices broken = new CommandServices(CrawlerFactory.configured(CrawlerConfig.defaults()),
                DynamoStorage.create(aws.dynamoDb(), missing, S3BlobStore.of(aws.s3(), aws.bucket()),
                        StoreSettings.defaults()),
                ScriptExecutor.UNAVAILABLE, Clock.systemUTC(), CommandProgress.NONE);

        assertThatThrownBy(() -> function("logWarning", broken).invoke(logWarningPayload("run-3")))
                .isInstanceOf(CommandTransientError.class)
                .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo(CommandErrors.TRANSIENT_JAVA_LAMBDA));
    }

    @Test
    void invoke_refusesBytesThatAreNotJson() {
        assertThatThrownBy(() -> function("logWarning", services())
                .invoke("{\"command\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CommandFatalError.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void invoke_refusesAPayloadWithoutStepId() {
        ObjectNode payload = logWarningPayload("run-4");
        payload.remove("stepId");

        assertThatThrownBy(() -> function("logWarning", services()).invoke(payload))
                .isInstanceOf(CommandFatalError.class)
                .hasMessageContaining("stepId");
    }

    @Test
    void construction_refusesACommandTheRegistryDoesNotKnow() {
        assertThatThrownBy(() -> new CommandFunction(new CommandFunctionSetup("crawlEverything", services(),
                Telemetry.QUIET))).isInstanceOf(IllegalStateException.class).hasMessageContaining("crawlEverything");
    }

    @Test
    void retryRulesOfCompiledSequences_matchTheNameTheJavaRuntimeReports() {
        assertThat(CommandErrors.TRANSIENT_NAMES).contains(CommandTransientError.class.getName());
        assertThat(CommandFatalError.class.getName()).isEqualTo(CommandErrors.FATAL_JAVA_LAMBDA);
    }

    @Test
    void prime_runsTheHandlerPathWithoutWritingToTheStores() throws Exception {
        CommandFunction function = new CommandFunction(new CommandFunctionSetup("findTopicHubs", services(),
                Telemetry.QUIET));

        Priming.Primed primed = Priming.primeNow(function::prime);

        assertThat(primed.failure()).isEmpty();
        assertThat(aws.storage().runs().steps("snapstart-priming", io.crawlseq.store.PageRequest.first(10)).items())
                .isEmpty();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(aws.storage().metrics().daily("findTopicHubs", today, today)).isEmpty();
    }
}

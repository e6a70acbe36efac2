package io.crawlseq.localstack.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.task.FunctionRouter;
import io.crawlseq.localstack.LocalAwsClients;
import io.crawlseq.localstack.http.AwsJson;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

class LocalStepFunctionsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/crawlseq-StateMachineRole";
    private static final String CRAWL = """
            {"StartAt": "Crawl", "States": {"Crawl": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:crawlseq-Crawl",
                             "Payload": {"site.$": "$.context.startUrl"}},
              "ResultSelector": {"pages.$": "$.Payload.pages"}, "ResultPath": "$.crawl", "End": true}}}""";
    private static final String WAIT_AN_HOUR = """
            {"StartAt": "Wait", "States": {"Wait": {"Type": "Wait", "Seconds": 3600, "End": true}}}""";

    private final List<ExecutionStatusChange> changes = new CopyOnWriteArrayList<>();
    private LocalStepFunctions endpoint;
    private SfnClient sfn;

    @BeforeEach
    void start() {
        FunctionRouter functions = FunctionRouter.builder()
                .route("crawlseq-Crawl", (payload, call) -> AwsJson.MAPPER.readTree(
                        "{\"pages\": " + payload.path("site").asText().length() + "}"))
                .build();
        endpoint = LocalStepFunctions.builder().taskInvoker(functions).delayScale(1).start().onStatusChange(changes::add);
        sfn = SfnClient.builder().endpointOverride(endpoint.endpoint()).region(LocalAwsClients.REGION)
                .credentialsProvider(LocalAwsClients.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        endpoint.close();
    }

    private String create(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    @Test
    void createDescribeUpdateListDelete_behaveAsStepFunctions() {
        String arn = create("crawlseq-guardian", CRAWL);

        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:crawlseq-guardian");
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition()).isEqualTo(CRAWL);
        assertThat(create("crawlseq-guardian", CRAWL)).as("an identical create is idempotent").isEqualTo(arn);
        assertThatThrownBy(() -> create("crawlseq-guardian", WAIT_AN_HOUR))
                .isInstanceOf(StateMachineAlreadyExistsException.class);

        sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(WAIT_AN_HOUR));

        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition()).isEqualTo(WAIT_AN_HOUR);
        assertThat(sfn.listStateMachines(b -> { }).stateMachines()).extracting(m -> m.name())
                .containsExactly("crawlseq-guardian");

        sfn.deleteStateMachine(b -> b.stateMachineArn(arn));

        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void createStateMachine_refusesAnInvalidDefinitionWithItsProblems() {
        assertThatThrownBy(() -> create("broken", "{\"StartAt\": \"Nowhere\", \"States\": {}}"))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("Nowhere");
    }

    @Test
    void startExecution_runsTasksOnInProcessFunctionsAndReportsHistory() throws Exception {
        String machine = create("crawlseq-crawl", CRAWL);

        String executionArn = sfn.startExecution(b -> b.stateMachineArn(machine).name("run-1")
                .input("{\"context\": {\"startUrl\": \"https://news.example/\"}}")).executionArn();
        endpoint.awaitExecution(executionArn, Duration.ofSeconds(30));

        DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(executionArn));
        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = AwsJson.MAPPER.readTree(described.output());
        assertThat(output.at("/crawl/pages").asInt()).isEqualTo("https://news.example/".length());
        GetExecutionHistoryResponse firstPage = sfn.getExecutionHistory(b -> b.executionArn(executionArn).maxResults(2));
        assertThat(firstPage.events()).hasSize(2).first().satisfies(e ->
                assertThat(e.type()).isEqualTo(HistoryEventType.EXECUTION_STARTED));
        GetExecutionHistoryResponse rest = sfn.getExecutionHistory(b -> b.executionArn(executionArn)
                .nextToken(firstPage.nextToken()).maxResults(100));
        assertThat(rest.events()).extracting(e -> e.type()).contains(HistoryEventType.TASK_SUCCEEDED)
                .last().isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions()).extracting(e -> e.name())
                .containsExactly("run-1");
        assertThat(changes).extracting(ExecutionStatusChange::status).containsExactly("RUNNING", "SUCCEEDED");
        assertThat(changes.getLast().toEvent("us-east-1", "123456789012").at("/detail/name").asText()).isEqualTo("run-1");
    }

    @Test
    void startExecution_isIdempotentForARunningExecutionAndRefusesAnotherInputUnderItsName() throws Exception {
        String machine = create("crawlseq-slow", WAIT_AN_HOUR);
        String first = sfn.startExecution(b -> b.stateMachineArn(machine).name("run-2").input("{\"a\": 1}")).executionArn();

        String again = sfn.startExecution(b -> b.stateMachineArn(machine).name("run-2").input("{\"a\": 1}")).executionArn();

        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(machine).name("run-2").input("{\"a\": 2}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);

        sfn.stopExecution(b -> b.executionArn(first).error("User.Cancelled").cause("enough"));
        endpoint.awaitExecution(first, Duration.ofSeconds(30));

        DescribeExecutionResponse stopped = sfn.describeExecution(b -> b.executionArn(first));
        assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(changes).extracting(ExecutionStatusChange::status).containsExactly("RUNNING", "ABORTED");
    }

    @Test
    void stateFile_keepsStateMachinesAcrossRestarts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path file = dir.resolve("stepfunctions.json");
        String arn;
        try (LocalStepFunctions first = LocalStepFunctions.builder().stateFile(file).start();
             SfnClient client = SfnClient.builder().endpointOverride(first.endpoint()).region(LocalAwsClients.REGION)
                     .credentialsProvider(LocalAwsClients.credentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            arn = client.createStateMachine(b -> b.name("kept").definition(WAIT_AN_HOUR).roleArn(ROLE)).stateMachineArn();
        }

        try (LocalStepFunctions second = LocalStepFunctions.builder().stateFile(file).start();
             SfnClient client = SfnClient.builder().endpointOverride(second.endpoint()).region(LocalAwsClients.REGION)
                     .credentialsProvider(LocalAwsClients.credentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThat(client.describeStateMachine(b -> b.stateMachineArn(arn)).definition()).isEqualTo(WAIT_AN_HOUR);
        }
    }

    @Test
    void unsignedRequests_areRefused() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(endpoint.endpoint())
                .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
                .header("Content-Type", AwsJson.JSON_1_0)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("MissingAuthenticationToken");
        }
    }
}

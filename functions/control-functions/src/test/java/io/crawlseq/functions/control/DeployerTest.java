package io.crawlseq.functions.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.functions.control.DeployResult.Outcome;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.DeploymentStatus;
import io.crawlseq.store.SequenceState;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

class DeployerTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private ControlStack stack;
    private Deployer deployer;

    private static final String GUARDIAN = """
            type: Sequence
            name: guardian
            startUrl: https://www.theguardian.com/
            context: {archivePages: 5}
            steps:
              - type: Command
                id: hubs
                command: ensureCountryHubs
              - type: Command
                command: findTopicHubs
                args: {minConfidence: 0.8}
            """;
    private static final String GUARDIAN_SCHEDULED = GUARDIAN.replace("steps:", "schedule: rate(6 hours)\nsteps:");
    private static final String GUARDIAN_BROKEN = """
            type: Sequence
            name: guardian
            steps:
              - type: Command
                command: ensureCountryHubz
              - type: Command
                command: findTopicHubs
                args: {minConfidence: 7}
            """;
    private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:crawlseq-guardian";

    @BeforeEach
    void start() {
        stack = new ControlStack(aws);
        deployer = stack.deployer();
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    private DeployResult deploy(ControlStack.Upload upload) {
        return deployer.deploy(upload.created(), "test");
    }

    private String definition() {
        return stack.sfn.describeStateMachine(b -> b.stateMachineArn(MACHINE)).definition();
    }

    private SequenceState state() {
        return aws.storage().registry().state("guardian").orElseThrow();
    }

    @Test
    void validUpload_createsTheStateMachineWithTheFunctionArnsAndRecordsIt() {
        ControlStack.Upload upload = stack.upload("sequences/guardian.yaml", GUARDIAN);

        DeployResult result = deploy(upload);

        assertThat(result.outcome()).isEqualTo(Outcome.DEPLOYED);
        assertThat(result.stateMachineArn()).contains(MACHINE);
        assertThat(definition()).contains("arn:aws:lambda:us-east-1:123456789012:function:crawlseq-EnsureCountryHubsFunction")
                .doesNotContain("${");
        SequenceState state = state();
        assertThat(state.deployed()).hasValueSatisfying(d -> {
            assertThat(d.stateMachineArn()).contains(MACHINE);
            assertThat(d.source().versionId()).contains(upload.versionId());
            assertThat(d.source().contentSha256()).hasSize(64);
            assertThat(d.schedule()).isEmpty();
        });
        assertThatThrownBy(() -> stack.schedulerClient.getSchedule(b -> b.name("crawlseq-guardian").groupName("crawlseq")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void schedule_isCreatedWithTheSequenceAndRemovedWhenTheSequenceDropsIt() {
        deploy(stack.upload("sequences/guardian.yaml", GUARDIAN_SCHEDULED));

        var schedule = stack.schedulerClient.getSchedule(b -> b.name("crawlseq-guardian").groupName("crawlseq"));
        assertThat(schedule.scheduleExpression()).isEqualTo("rate(6 hours)");
        assertThat(schedule.target().arn()).isEqualTo(ControlStack.STARTER_ARN);
        assertThat(schedule.target().input()).contains("\"sequence\":\"guardian\"", "<aws.scheduler.scheduled-time>");

        DeployResult unscheduled = deploy(stack.upload("sequences/guardian.yaml", GUARDIAN));

        assertThat(unscheduled.outcome()).isEqualTo(Outcome.DEPLOYED);
        assertThatThrownBy(() -> stack.schedulerClient.getSchedule(b -> b.name("crawlseq-guardian").groupName("crawlseq")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void invalidUpload_writesTheReportNextToItAndDeploysNothing() throws Exception {
        DeployResult result = deploy(stack.upload("sequences/guardian.yaml", GUARDIAN_BROKEN));

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(result.reportKey()).contains("sequences/guardian.yaml.diagnostics.json");
        JsonNode report = LambdaJson.parse(stack.object("sequences/guardian.yaml.diagnostics.json"));
        assertThat(report.path("status").asText()).isEqualTo("INVALID");
        assertThat(report.path("errors").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(report.path("diagnostics")).anySatisfy(d -> {
            assertThat(d.path("code").asText()).isEqualTo("unknown-command");
            assertThat(d.path("line").asInt()).isEqualTo(5);
            assertThat(d.path("column").asInt()).isPositive();
            assertThat(d.path("pointer").asText()).isEqualTo("/steps/0/command");
            assertThat(d.path("text").asText()).startsWith("guardian.yaml:5:");
        });
        assertThat(report.path("stillRunning").isNull()).isTrue();
        assertThat(stack.sfn.listStateMachines(b -> { }).stateMachines()).isEmpty();
        assertThat(state().latest().status()).isEqualTo(DeploymentStatus.INVALID);
        assertThat(state().deployed()).isEmpty();
    }

    @Test
    void invalidUploadAfterAValidOne_leavesTheDeployedVersionRunning() throws Exception {
        ControlStack.Upload good = stack.upload("sequences/guardian.yaml", GUARDIAN);
        deploy(good);
        String deployedDefinition = definition();

        DeployResult result = deploy(stack.upload("sequences/guardian.yaml", GUARDIAN_BROKEN));

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(definition()).isEqualTo(deployedDefinition);
        assertThat(state().deployed()).hasValueSatisfying(d ->
                assertThat(d.source().versionId()).contains(good.versionId()));
        JsonNode report = LambdaJson.parse(stack.object("sequences/guardian.yaml.diagnostics.json"));
        assertThat(report.at("/stillRunning/versionId").asText()).isEqualTo(good.versionId());

        DeployResult fixed = deploy(stack.upload("sequences/guardian.yaml", GUARDIAN_SCHEDULED));

        assertThat(fixed.outcome()).isEqualTo(Outcome.DEPLOYED);
        assertThat(stack.exists("sequences/guardian.yaml.diagnostics.json")).as("the stale report is removed").isFalse();
    }

    @Test
    void duplicateEvent_deploysNothingTwice() {
        ControlStack.Upload upload = stack.upload("sequences/guardian.yaml", GUARDIAN);
        deploy(upload);
        String revision = stack.sfn.describeStateMachine(b -> b.stateMachineArn(MACHINE)).revisionId();

        DeployResult again = deploy(upload);

        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(stack.sfn.describeStateMachine(b -> b.stateMachineArn(MACHINE)).revisionId()).isEqualTo(revision);
    }

    @Test
    void outOfOrderEvent_neverDeploysTheOlderVersionOverTheNewer() {
        ControlStack.Upload older = stack.upload("sequences/guardian.yaml", GUARDIAN);
        ControlStack.Upload newer = stack.upload("sequences/guardian.yaml", GUARDIAN_SCHEDULED);
        deploy(newer);
        String newerDefinition = definition();

        DeployResult late = deploy(older);

        assertThat(late.outcome()).isEqualTo(Outcome.SUPERSEDED);
        assertThat(definition()).isEqualTo(newerDefinition);
        assertThat(state().deployed()).hasValueSatisfying(d -> assertThat(d.source().versionId()).contains(newer.versionId()));
    }

    @Test
    void reportsAndOtherFiles_areIgnored() {
        assertThat(deploy(stack.upload("sequences/guardian.yaml.diagnostics.json", "{}")).outcome())
                .isEqualTo(Outcome.IGNORED);
        assertThat(deploy(stack.upload("sequences/notes.txt", "hello")).outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(deploy(stack.upload("drafts/guardian.yaml", GUARDIAN)).outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(stack.sfn.listStateMachines(b -> { }).stateMachines()).isEmpty();
    }

    @Test
    void eventForADeletedObject_isGone() {
        ControlStack.Upload upload = stack.upload("sequences/guardian.yaml", GUARDIAN);
        aws.s3().deleteObject(b -> b.bucket(stack.sequencesBucket).key(upload.key()).versionId(upload.versionId()));

        assertThat(deploy(upload).outcome()).isEqualTo(Outcome.GONE);
    }

    @Test
    void sequenceNameOwnedByAnotherObject_isRefusedUntilThatObjectIsGone() throws Exception {
        deploy(stack.upload("sequences/guardian.yaml", GUARDIAN));

        DeployResult clash = deploy(stack.upload("sequences/guardian-copy.yaml", GUARDIAN_SCHEDULED));

        assertThat(clash.outcome()).isEqualTo(Outcome.NAME_TAKEN);
        JsonNode report = LambdaJson.parse(stack.object("sequences/guardian-copy.yaml.diagnostics.json"));
        assertThat(report.at("/diagnostics/0/code").asText()).isEqualTo("name-taken");
        assertThat(report.at("/diagnostics/0/line").asInt()).isEqualTo(2);

        aws.s3().deleteObject(b -> b.bucket(stack.sequencesBucket).key("sequences/guardian.yaml"));
        DeployResult takeover = deploy(stack.upload("sequences/guardian-copy.yaml", GUARDIAN_SCHEDULED));

        assertThat(takeover.outcome()).isEqualTo(Outcome.DEPLOYED);
        assertThat(state().deployed()).hasValueSatisfying(d -> {
            assertThat(d.source().key()).isEqualTo("sequences/guardian-copy.yaml");
            assertThat(DeploymentOrder.epochOf(d.source().sequencer())).isEqualTo(1);
        });
    }

    @Test
    void v1ArrayWithoutName_isNamedAfterItsFile() {
        DeployResult result = deploy(stack.upload("sequences/quick survey.json", "[\"ensureCountryHubs\", \"findTopicHubs\"]"));

        assertThat(result.outcome()).isEqualTo(Outcome.DEPLOYED);
        assertThat(result.sequence()).contains("quick-survey");
        assertThat(result.stateMachineArn()).hasValueSatisfying(arn -> assertThat(arn).endsWith(":crawlseq-quick-survey"));
        assertThat(Optional.of(result.toJson().path("outcome").asText())).contains("DEPLOYED");
    }
}

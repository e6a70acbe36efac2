package io.crawlseq.localstack.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.localstack.LocalAwsClients;
import io.crawlseq.localstack.http.AwsJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

class LocalSchedulerTest {

    private static final String STARTER = "arn:aws:lambda:us-east-1:123456789012:function:crawlseq-RunStarter";
    private static final String ROLE = "arn:aws:iam::123456789012:role/crawlseq-SchedulerRole";

    private record Call(String arn, JsonNode input) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private LocalScheduler endpoint;
    private SchedulerClient scheduler;

    @BeforeEach
    void start() {
        endpoint = LocalScheduler.start(0, (arn, input) -> {
            calls.add(new Call(arn, input));
            return AwsJson.object().put("status", "STARTED");
        }, "us-east-1", "123456789012", Clock.systemUTC(), false);
        scheduler = SchedulerClient.builder().endpointOverride(endpoint.endpoint()).region(LocalAwsClients.REGION)
                .credentialsProvider(LocalAwsClients.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        scheduler.close();
        endpoint.close();
    }

    private void create(String name, String expression) {
        scheduler.createSchedule(b -> b.name(name).groupName("crawlseq").scheduleExpression(expression)
                .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(STARTER).roleArn(ROLE).input("{\"sequence\": \"guardian\", "
                        + "\"scheduledTime\": \"<aws.scheduler.scheduled-time>\", \"scheduleArn\": \"<aws.scheduler.schedule-arn>\"}")));
    }

    @Test
    void createGetUpdateListDelete_behaveAsScheduler() {
        create("crawlseq-guardian", "rate(6 hours)");

        GetScheduleResponse got = scheduler.getSchedule(b -> b.name("crawlseq-guardian").groupName("crawlseq"));
        assertThat(got.scheduleExpression()).isEqualTo("rate(6 hours)");
        assertThat(got.arn()).isEqualTo("arn:aws:scheduler:us-east-1:123456789012:schedule/crawlseq/crawlseq-guardian");
        assertThat(got.target().arn()).isEqualTo(STARTER);
        assertThatThrownBy(() -> create("crawlseq-guardian", "rate(1 day)")).isInstanceOf(ConflictException.class);

        scheduler.updateSchedule(b -> b.name("crawlseq-guardian").groupName("crawlseq")
                .scheduleExpression("cron(0 3 ? * MON-FRI *)").flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(STARTER).roleArn(ROLE).input("{}")));

        assertThat(scheduler.getSchedule(b -> b.name("crawlseq-guardian").groupName("crawlseq")).scheduleExpression())
                .isEqualTo("cron(0 3 ? * MON-FRI *)");
        assertThat(scheduler.listSchedules(b -> b.groupName("crawlseq")).schedules()).extracting(s -> s.name())
                .containsExactly("crawlseq-guardian");

        scheduler.deleteSchedule(b -> b.name("crawlseq-guardian").groupName("crawlseq"));

        assertThatThrownBy(() -> scheduler.getSchedule(b -> b.name("crawlseq-guardian").groupName("crawlseq")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> scheduler.deleteSchedule(b -> b.name("crawlseq-guardian").groupName("crawlseq")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void fire_invokesTheTargetWithSchedulersPlaceholdersFilled() throws Exception {
        create("crawlseq-guardian", "rate(6 hours)");
        Instant at = Instant.parse("2026-11-21T06:00:00Z");

        endpoint.fire("crawlseq", "crawlseq-guardian", at);

        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.arn()).isEqualTo(STARTER);
            assertThat(call.input().path("sequence").asText()).isEqualTo("guardian");
            assertThat(call.input().path("scheduledTime").asText()).isEqualTo("2026-11-21T06:00:00Z");
            assertThat(call.input().path("scheduleArn").asText()).endsWith("schedule/crawlseq/crawlseq-guardian");
        });
    }

    @Test
    void stateFile_keepsSchedulesAcrossRestarts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path file = dir.resolve("scheduler.json");
        LocalScheduler.TargetInvoker none = (arn, input) -> null;
        try (LocalScheduler first = LocalScheduler.start(0, none, "us-east-1", "123456789012", Clock.systemUTC(), false, file);
             SchedulerClient client = SchedulerClient.builder().endpointOverride(first.endpoint())
                     .region(LocalAwsClients.REGION).credentialsProvider(LocalAwsClients.credentials())
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            client.createSchedule(b -> b.name("kept").groupName("g").scheduleExpression("rate(1 day)")
                    .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF)).target(t -> t.arn(STARTER).roleArn(ROLE)));
        }

        try (LocalScheduler second = LocalScheduler.start(0, none, "us-east-1", "123456789012", Clock.systemUTC(), false,
                file)) {
            assertThat(second.schedule("g", "kept")).hasValueSatisfying(s ->
                    assertThat(s.expression()).isEqualTo("rate(1 day)"));
        }
    }

    @Test
    void ratePeriod_readsSchedulerRateExpressions() {
        assertThat(LocalScheduler.ratePeriod("rate(1 minute)")).contains(Duration.ofMinutes(1));
        assertThat(LocalScheduler.ratePeriod("rate(6 hours)")).contains(Duration.ofHours(6));
        assertThat(LocalScheduler.ratePeriod("rate(2 days)")).contains(Duration.ofDays(2));
        assertThat(LocalScheduler.ratePeriod("cron(0 3 * * ? *)")).isEmpty();
    }
}

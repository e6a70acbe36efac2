package io.crawlseq.functions.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

class PrimingTest {

    /** Port 9 (discard) on loopback: nothing listens, so a real request fails at once. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    private static DynamoDbClient clientPointingNowhere() {
        AwsClients clients = new AwsClients(FunctionEnvironment.of(Map.of()));
        return clients.configure(DynamoDbClient.builder().endpointOverride(NOWHERE).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))));
    }

    @Test
    void offlineCall_isAnsweredInProcessWithoutTouchingTheNetwork() throws Exception {
        try (DynamoDbClient client = clientPointingNowhere()) {
            GetItemResponse response = Priming.offline(() -> client.getItem(b -> b.tableName("runs")
                    .key(Map.of("pk", AttributeValue.fromS("RUN#x"), "sk", AttributeValue.fromS("RUN")))));

            assertThat(response.hasItem()).isFalse();
        }
    }

    @Test
    void callOutsidePriming_usesTheRealHttpClient() {
        try (DynamoDbClient client = clientPointingNowhere()) {
            assertThatThrownBy(() -> client.getItem(b -> b.tableName("runs")
                    .key(Map.of("pk", AttributeValue.fromS("RUN#x"), "sk", AttributeValue.fromS("RUN")))))
                    .isInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void primeNow_runsThePrimerAndSurvivesItsFailure() {
        AtomicBoolean ran = new AtomicBoolean();

        Priming.Primed primed = Priming.primeNow(() -> {
            ran.set(true);
            throw new IllegalStateException("sample input rejected");
        });

        assertThat(ran).isTrue();
        assertThat(primed.failure()).hasValueSatisfying(f -> assertThat(f).contains("sample input rejected"));
        assertThat(Priming.isPrimingThread()).isFalse();
    }

    @Test
    void onCheckpoint_registersWithoutRunningThePrimer() {
        AtomicBoolean ran = new AtomicBoolean();

        var resource = Priming.onCheckpoint(() -> ran.set(true));

        assertThat(resource).isNotNull();
        assertThat(ran).isFalse();
    }
}

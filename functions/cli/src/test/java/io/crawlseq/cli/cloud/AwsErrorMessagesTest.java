package io.crawlseq.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorMessagesTest {

    @Test
    void missingCredentials_sayWhatToSet_withoutTheProviderChain() {
        SdkClientException e = SdkClientException.create("Unable to load credentials from any of the providers in the "
                + "chain AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider()]) : "
                + "[SystemPropertyCredentialsProvider(): Unable to load credentials from system settings.]");

        assertThat(AwsErrorMessages.describe(e)).startsWith("no AWS credentials found").contains("--profile")
                .doesNotContain("ProviderChain");
    }

    @Test
    void otherMessages_keepTheirFirstPart_cutToALine() {
        assertThat(AwsErrorMessages.describe(SdkClientException.create("Unable to execute HTTP request : [details]")))
                .isEqualTo("Unable to execute HTTP request");
        assertThat(AwsErrorMessages.describe(SdkClientException.create("x".repeat(1000))))
                .hasSize(AwsErrorMessages.MAX_LENGTH + 1).endsWith("…");
    }
}

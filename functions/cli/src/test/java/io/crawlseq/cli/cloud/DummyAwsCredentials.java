package io.crawlseq.cli.cloud;

import io.crawlseq.localstack.LocalAwsClients;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The AWS SDK's default credentials chain, as against a real account, answered by system properties
 * for the duration of each test; the local servers accept these.
 */
final class DummyAwsCredentials implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        System.setProperty("aws.accessKeyId", LocalAwsClients.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", LocalAwsClients.SECRET_ACCESS_KEY);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}

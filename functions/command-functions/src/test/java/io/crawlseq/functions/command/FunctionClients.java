package io.crawlseq.functions.command;

import io.crawlseq.functions.support.AwsClients;
import io.crawlseq.functions.support.FunctionEnvironment;
import io.crawlseq.localstack.LocalAwsClients;
import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.Storage;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.blob.S3BlobStore;
import io.crawlseq.store.dynamodb.DynamoStorage;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Storage over a test's local tables and bucket, through clients built by {@link AwsClients} as in Lambda. */
final class FunctionClients {

    private FunctionClients() {
    }

    static Storage storage(LocalAwsExtension aws) {
        AwsClients clients = new AwsClients(FunctionEnvironment.of(Map.of()));
        DynamoDbClient dynamoDb = clients.configure(DynamoDbClient.builder().endpointOverride(aws.dynamoDbEndpoint())
                .region(LocalAwsClients.REGION).credentialsProvider(LocalAwsClients.credentials()));
        S3Client s3 = clients.configure(S3Client.builder().endpointOverride(aws.s3Endpoint()).forcePathStyle(true)
                .region(LocalAwsClients.REGION).credentialsProvider(LocalAwsClients.credentials()));
        return DynamoStorage.create(dynamoDb, aws.tables(), S3BlobStore.of(s3, aws.bucket()), StoreSettings.defaults());
    }
}

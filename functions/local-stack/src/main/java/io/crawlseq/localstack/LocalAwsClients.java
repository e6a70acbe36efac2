package io.crawlseq.localstack;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SDK clients for the local services: fixed region, dummy credentials (the local servers accept exactly
 * these; letters and digits only, as DynamoDB Local requires; nothing can reach a real AWS account), the
 * same URLConnection HTTP client as the Lambdas, and
 * path-style S3 addressing (no DNS tricks on loopback), without {@code Expect: 100-continue} (see
 * {@link DropExpectContinue}).
 */
public final class LocalAwsClients {

    public static final Region REGION = Region.US_EAST_1;
    public static final String ACCESS_KEY_ID = "localAccessKey";
    public static final String SECRET_ACCESS_KEY = "localSecretKey";

    private LocalAwsClients() {
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    public static DynamoDbClient dynamoDb(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static S3Client s3(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(credentials())
                .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new DropExpectContinue())).build();
    }
}

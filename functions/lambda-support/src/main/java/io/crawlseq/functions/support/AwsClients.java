package io.crawlseq.functions.support;

import java.util.Objects;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Builds the SDK clients of a function, once per execution environment. Every client gets the small
 * URLConnection HTTP client (no Netty, no Apache client in the artifacts) wrapped so that
 * {@link Priming} can run calls in-process, and the SDK's default region and credentials chain.
 *
 * <p>Endpoints: the SDK itself honours {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>}
 * ({@code AWS_ENDPOINT_URL_SFN}, {@code AWS_ENDPOINT_URL_DYNAMODB}, ...), which is how a deployed
 * function's code is pointed at {@code crawl-sequence local-stack} without a code path of its own.
 * S3 on a local endpoint also needs path-style addressing: {@value #S3_PATH_STYLE}{@code =true}.
 */
public final class AwsClients {

    /** {@code true} to address S3 buckets by path (local S3 servers); virtual-host style otherwise. */
    public static final String S3_PATH_STYLE = "CRAWLSEQ_S3_PATH_STYLE";

    private final FunctionEnvironment environment;

    public AwsClients(FunctionEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * Finishes a service's client builder: {@code configure(DynamoDbClient.builder())}.
     */
    public <B extends SdkSyncClientBuilder<B, C> & SdkClientBuilder<B, C>, C> C configure(B builder) {
        return builder.httpClient(new PrimingHttpClient(UrlConnectionHttpClient.create())).build();
    }

    public boolean s3PathStyle() {
        return environment.optional(S3_PATH_STYLE).map(Boolean::parseBoolean).orElse(false);
    }
}

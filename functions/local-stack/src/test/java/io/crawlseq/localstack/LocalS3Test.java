package io.crawlseq.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

class LocalS3Test {

    @TempDir
    Path dir;

    @Test
    void onDisk_keepsObjectsAcrossRestarts() {
        try (LocalS3 first = LocalS3.onDisk(dir); S3Client s3 = first.newClient()) {
            s3.createBucket(b -> b.bucket("kept-bucket"));
            s3.putObject(b -> b.bucket("kept-bucket").key("sequences/a.json"), RequestBody.fromString("[]"));
        }

        try (LocalS3 second = LocalS3.onDisk(dir); S3Client s3 = second.newClient()) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("kept-bucket").key("sequences/a.json")).asUtf8String())
                    .isEqualTo("[]");
        }
    }

    @Test
    void requests_mustBeSignedWithTheLocalCredentials() {
        try (LocalS3 s3 = LocalS3.inMemory();
             S3Client intruder = S3Client.builder().endpointOverride(s3.endpoint()).region(LocalAwsClients.REGION)
                     .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("other", "wrong")))
                     .build()) {
            assertThatThrownBy(() -> intruder.createBucket(b -> b.bucket("some-bucket")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }
}

package io.crawlseq.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.store.Json;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.RunRecord;
import java.time.Instant;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

class LocalAwsExtensionTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    @RepeatedTest(3)
    void eachTest_startsWithEmptyTablesAndBucket() {
        assertThat(aws.storage().runs().recentRuns(PageRequest.first(10)).items()).isEmpty();
        assertThat(aws.s3().listObjectsV2(b -> b.bucket(aws.bucket())).contents()).isEmpty();

        aws.storage().runs().putRun(RunRecord.started("run", "seq", Instant.parse("2099-01-01T00:00:00Z"),
                Json.emptyObject()));
        aws.s3().putObject(b -> b.bucket(aws.bucket()).key("k"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
    }

    @RepeatedTest(2)
    void createBucket_givesAFreshVersionedCapableBucketEachTime() {
        String sequences = aws.createBucket("sequences");
        assertThat(aws.s3().listObjectsV2(b -> b.bucket(sequences)).contents()).isEmpty();
        aws.s3().putBucketVersioning(b -> b.bucket(sequences).versioningConfiguration(v -> v.status("Enabled")));

        String v1 = aws.s3().putObject(b -> b.bucket(sequences).key("sequences/a.json"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("[]")).versionId();
        String v2 = aws.s3().putObject(b -> b.bucket(sequences).key("sequences/a.json"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("[\"logWarning\"]")).versionId();

        assertThat(v1).isNotBlank().isNotEqualTo(v2);
    }
}

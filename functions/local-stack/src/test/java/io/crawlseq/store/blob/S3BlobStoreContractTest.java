package io.crawlseq.store.blob;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.localstack.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class S3BlobStoreContractTest extends BlobStoreContract {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    @Override
    BlobStore store() {
        return S3BlobStore.of(aws.s3(), aws.bucket());
    }

    @Test
    void keyPrefix_keepsBlobsUnderItAndHidesIt() {
        BlobStore prefixed = S3BlobStore.of(aws.s3(), aws.bucket(), "results/");

        prefixed.put(BlobKey.of("runs/r1/x.json"), new byte[] {1}, BlobMetadata.json());

        assertThat(store().exists(BlobKey.of("results/runs/r1/x.json"))).isTrue();
        assertThat(prefixed.exists(BlobKey.of("runs/r1/x.json"))).isTrue();
        assertThat(listAllOf(prefixed)).extracting(BlobKey::value).containsExactly("runs/r1/x.json");
    }

    @Test
    void put_manyUploadsOnReusedConnectionsAllSucceed() {
        byte[] body = new byte[1024 * 1024];
        for (int i = 0; i < 40; i++) {
            store().exists(BlobKey.of("missing/" + i));
            store().put(BlobKey.of("empty"), new byte[0], BlobMetadata.octetStream());
            store().put(BlobKey.of("body"), body, BlobMetadata.octetStream());
        }

        assertThat(store().get(BlobKey.of("body")).orElseThrow().size()).isEqualTo(body.length);
    }

    private java.util.List<BlobKey> listAllOf(BlobStore other) {
        return other.list("", io.crawlseq.store.PageRequest.first(100)).items();
    }
}

package io.crawlseq.store.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryBlobStoreContractTest extends BlobStoreContract {

    @TempDir
    Path root;

    private BlobStore store;

    @BeforeEach
    void open() {
        store = LocalDirectoryBlobStore.open(root);
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Test
    void keyAndKeysBelowItCoexist() {
        store().put(BlobKey.of("runs/r1"), new byte[] {1}, BlobMetadata.octetStream());
        store().put(BlobKey.of("runs/r1/steps/s1"), new byte[] {2}, BlobMetadata.octetStream());

        assertThat(store().get(BlobKey.of("runs/r1")).orElseThrow().bytes()).containsExactly(1);
        assertThat(store().get(BlobKey.of("runs/r1/steps/s1")).orElseThrow().bytes()).containsExactly(2);
    }
}

package io.crawlseq.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlseq.store.Json;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.RunRecord;
import io.crawlseq.store.blob.BlobKey;
import io.crawlseq.store.blob.BlobMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoresTest {

    @TempDir
    Path dataDir;

    @Test
    void open_createsTablesAndKeepsDataAcrossRuns() {
        RunRecord run = RunRecord.started("run-1", "demo", Instant.parse("2099-01-01T00:00:00Z"), Json.emptyObject());
        try (LocalStores local = LocalStores.open(dataDir)) {
            local.storage().runs().putRun(run);
            local.storage().blobs().put(BlobKey.of("runs/run-1/note"), new byte[] {42}, BlobMetadata.octetStream());
        }

        try (LocalStores local = LocalStores.open(dataDir)) {
            assertThat(local.storage().runs().recentRuns(PageRequest.first(5)).items()).containsExactly(run);
            assertThat(local.storage().blobs().get(BlobKey.of("runs/run-1/note")).orElseThrow().bytes())
                    .containsExactly(42);
        }
        assertThat(Files.isDirectory(dataDir.resolve("dynamodb"))).isTrue();
        assertThat(Files.isDirectory(dataDir.resolve("blobs"))).isTrue();
    }

    @Test
    void open_refusesADataDirectoryAlreadyInUse() {
        try (LocalStores first = LocalStores.open(dataDir)) {
            assertThat(first.dynamoDbEndpoint().getHost()).isEqualTo("127.0.0.1");
            assertThatThrownBy(() -> LocalStores.open(dataDir))
                    .isInstanceOf(LocalStores.DataDirectoryInUseException.class)
                    .hasMessageContaining("is in use by another crawl-sequence process");
        }
        try (LocalStores again = LocalStores.open(dataDir)) {
            assertThat(again.dataDir()).isEqualTo(dataDir);
        }
    }
}

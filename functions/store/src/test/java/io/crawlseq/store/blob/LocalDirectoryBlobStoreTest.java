package io.crawlseq.store.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlseq.store.PageRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryBlobStoreTest {

    @TempDir
    Path temp;

    @Test
    void pathOf_neverLeavesTheRoot() throws IOException {
        LocalDirectoryBlobStore store = LocalDirectoryBlobStore.open(temp.resolve("blobs"));
        List<String> tricky = List.of("..a", "a..", "...", ".hidden", "%2e%2e", "%2E%2E/x", "~b", "a~b", "C:", "con",
                "a:b", "a*b?c", "x".repeat(400), "é".repeat(300));

        for (String key : tricky) {
            Path path = store.pathOf(BlobKey.of(key));
            assertThat(path.normalize()).startsWithRaw(store.root());
            assertThat(path.getParent()).isEqualTo(key.contains("/") ? store.root().resolve("%252%45%252%45")
                    : store.root());
            assertThat(path.getFileName().toString()).doesNotStartWith(".").hasSizeLessThanOrEqualTo(200);
        }
    }

    @Test
    void put_cannotBeRedirectedOutsideTheRootBySymbolicLink() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Path root = Files.createDirectories(temp.resolve("blobs"));
        LocalDirectoryBlobStore store = LocalDirectoryBlobStore.open(root);
        Files.createSymbolicLink(root.resolve("evil"), outside);

        assertThatThrownBy(() -> store.put(BlobKey.of("evil/file"), new byte[] {1}, BlobMetadata.octetStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the blob root");
        assertThatThrownBy(() -> store.get(BlobKey.of("evil/file"))).isInstanceOf(IllegalArgumentException.class);
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void put_leavesNoTemporaryFilesAndListingIgnoresStrayOnes() throws IOException {
        LocalDirectoryBlobStore store = LocalDirectoryBlobStore.open(temp);
        store.put(BlobKey.of("a/b"), new byte[] {1}, BlobMetadata.octetStream());
        Files.writeString(temp.resolve("a").resolve("b~b~tmp-crashed"), "half");

        assertThat(store.list("", PageRequest.first(10)).items()).containsExactly(BlobKey.of("a/b"));
        try (Stream<Path> files = Files.list(temp.resolve("a"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("b~b", "b~b~tmp-crashed");
        }
    }

    @Test
    void list_refusesControlCharactersInPrefix() {
        LocalDirectoryBlobStore store = LocalDirectoryBlobStore.open(temp);

        assertThatThrownBy(() -> store.list("a\u0000", PageRequest.first(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fileName_encodesEverythingButSafeLowerCaseCharacters() {
        assertThat(LocalDirectoryBlobStore.fileName("abc-1_2.json")).isEqualTo("abc-1_2.json");
        assertThat(LocalDirectoryBlobStore.fileName("Page")).isEqualTo("%50age");
        assertThat(LocalDirectoryBlobStore.fileName("a~b")).isEqualTo("a%7Eb");
        assertThat(LocalDirectoryBlobStore.fileName(".x")).isEqualTo("%2Ex");
    }
}

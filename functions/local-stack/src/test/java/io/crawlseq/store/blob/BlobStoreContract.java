package io.crawlseq.store.blob;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.store.Page;
import io.crawlseq.store.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} must do; run against the local directory store and against S3 (s3proxy).
 * Two things real S3 does that s3proxy's in-memory store does not, and which the store's key layout
 * therefore never relies on: a blob {@code a} next to blobs under {@code a/}, and content types kept
 * byte for byte (s3proxy drops the space in {@code text/html; charset=utf-8}).
 */
abstract class BlobStoreContract {

    abstract BlobStore store();

    @Test
    void put_thenGetReturnsBytesContentTypeAndMetadata() {
        byte[] body = "<html>France</html>".getBytes(StandardCharsets.UTF_8);
        BlobMetadata metadata = BlobMetadata.of("text/html").with("source-url", "http://127.0.0.1/world");

        store().put(BlobKey.of("pages/x/france.html"), body, metadata);

        Blob blob = store().get(BlobKey.of("pages/x/france.html")).orElseThrow();
        assertThat(blob.bytes()).isEqualTo(body);
        assertThat(blob.metadata()).isEqualTo(metadata);
    }

    @Test
    void put_replacesWholeBlob() {
        BlobKey key = BlobKey.of("a/b");
        store().put(key, new byte[1000], BlobMetadata.octetStream().with("v", "1"));

        store().put(key, new byte[] {1, 2, 3}, BlobMetadata.json());

        assertThat(store().get(key).orElseThrow()).isEqualTo(new Blob(key, new byte[] {1, 2, 3}, BlobMetadata.json()));
    }

    @Test
    void get_existsAndDelete_onMissingKeys() {
        BlobKey missing = BlobKey.of("nothing/here");

        assertThat(store().get(missing)).isEmpty();
        assertThat(store().exists(missing)).isFalse();
        store().delete(missing);
        assertThat(store().exists(missing)).isFalse();
    }

    @Test
    void delete_removesTheBlobOnly() {
        store().put(BlobKey.of("d/one"), new byte[] {1}, BlobMetadata.octetStream());
        store().put(BlobKey.of("d/two"), new byte[] {2}, BlobMetadata.octetStream());

        store().delete(BlobKey.of("d/one"));

        assertThat(store().exists(BlobKey.of("d/one"))).isFalse();
        assertThat(store().exists(BlobKey.of("d/two"))).isTrue();
    }

    @Test
    void keysDifferingOnlyInCaseOrUnicodeStayApart() {
        List<String> keys = List.of("case/Page", "case/page", "case/PAGE", "case/café", "case/cafe\u0301", "case/日本",
                "case/a b+c=d&e");
        for (int i = 0; i < keys.size(); i++) {
            store().put(BlobKey.of(keys.get(i)), new byte[] {(byte) i}, BlobMetadata.octetStream());
        }

        for (int i = 0; i < keys.size(); i++) {
            assertThat(store().get(BlobKey.of(keys.get(i))).orElseThrow().bytes()).containsExactly((byte) i);
        }
        assertThat(listAll("case/")).extracting(BlobKey::value).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void list_pagesThroughAPrefixInOrderWithoutLossOrRepeat() {
        Random random = new Random(11);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            String key = "pages/sha256/" + String.format("%02x", random.nextInt(256)) + "/" + i;
            expected.add(key);
            store().put(BlobKey.of(key), new byte[] {(byte) i}, BlobMetadata.octetStream());
        }
        store().put(BlobKey.of("pagesX/not-in-prefix"), new byte[0], BlobMetadata.octetStream());
        expected.sort(BlobKeys.UTF8_ORDER);

        List<BlobKey> listed = listAll("pages/");

        assertThat(listed).extracting(BlobKey::value).containsExactlyElementsOf(expected);
        assertThat(listAll("pages/sha256/" + expected.get(0).substring(13, 15) + "/")).isNotEmpty();
        assertThat(listAll("no-such-prefix/")).isEmpty();
    }

    @Test
    void putIfAbsent_writesOnceForContentAddressedKeys() {
        byte[] body = "same body".getBytes(StandardCharsets.UTF_8);
        BlobKey key = BlobKeys.pageBody(body);

        assertThat(store().putIfAbsent(key, body, BlobMetadata.of("text/html"))).isTrue();
        assertThat(store().putIfAbsent(key, body, BlobMetadata.of("text/html"))).isFalse();
        assertThat(store().get(key).orElseThrow().bytes()).isEqualTo(body);
    }

    @Test
    void put_handlesEmptyAndMultiMegabyteBlobs() {
        byte[] big = new byte[3 * 1024 * 1024];
        new Random(3).nextBytes(big);

        store().put(BlobKey.of("empty"), new byte[0], BlobMetadata.octetStream());
        store().put(BlobKey.of("big"), big, BlobMetadata.octetStream());

        assertThat(store().get(BlobKey.of("empty")).orElseThrow().size()).isZero();
        assertThat(store().get(BlobKey.of("big")).orElseThrow().bytes()).isEqualTo(big);
    }

    List<BlobKey> listAll(String prefix) {
        List<BlobKey> all = new ArrayList<>();
        Optional<PageRequest> request = Optional.of(PageRequest.first(10));
        while (request.isPresent()) {
            Page<BlobKey> page = store().list(prefix, request.get());
            all.addAll(page.items());
            request = request.get().next(page);
        }
        return all;
    }
}

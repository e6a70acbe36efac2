package io.crawlseq.store.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../secret", "a/../../b", "a/./b", "a//b", "a/", "..", ".",
            "a\\..\\b", "a\u0000b", "a\nb", "a\u007Fb", "a\uD800b"})
    void of_refusesKeysThatCouldEscapeOrConfuseAStore(String hostile) {
        assertThat(BlobKey.problem(hostile)).isPresent();
        assertThatThrownBy(() -> BlobKey.of(hostile)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid blob key: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "pages/sha256/ab/abcd", "runs/r-1/steps/explore[3]/2/hubs.json", "..a/b..", "a/.b",
            "日本/語", "x y+z=w&q", "sequences/guardian.yaml.diagnostics.json"})
    void of_acceptsOrdinaryKeys(String key) {
        assertThat(BlobKey.of(key).value()).isEqualTo(key);
    }

    @org.junit.jupiter.api.Test
    void of_limitsLengthInUtf8Bytes() {
        assertThat(BlobKey.problem("é".repeat(512))).isEmpty();
        assertThat(BlobKey.problem("é".repeat(513))).contains("key is 1026 bytes long; the limit is 1024");
    }
}

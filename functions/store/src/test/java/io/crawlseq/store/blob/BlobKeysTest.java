package io.crawlseq.store.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlobKeysTest {

    @Test
    void pageBody_isContentAddressed() {
        BlobKey key = BlobKeys.pageBody("hello".getBytes(StandardCharsets.UTF_8));

        assertThat(key.value()).isEqualTo(
                "pages/sha256/2c/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @Test
    void stepOutput_encodesUntrustedSegments() {
        BlobKey key = BlobKeys.stepOutput("run/1", "..", 2, "a%b");

        assertThat(key.value()).isEqualTo("runs/run%2F1/steps/%2E%2E/2/a%25b.json");
    }

    @Test
    void segment_isInjectiveAndAlwaysAValidSegment() {
        Random random = new Random(99);
        String alphabet = "ab./%\\\u0000\u0001é日";
        Set<String> inputs = new HashSet<>();
        Set<String> outputs = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(6);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String segment = BlobKeys.segment(text.toString());
            if (inputs.add(text.toString())) {
                assertThat(outputs.add(segment)).as("collision for '%s'", text).isTrue();
            }
            assertThat(BlobKey.problem("x/" + segment + "/y")).as("segment of '%s'", text).isEmpty();
        }
    }

    @Test
    void diagnosticsReport_sitsNextToTheSequenceAndIsRecognisable() {
        BlobKey report = BlobKeys.diagnosticsReport("sequences/guardian.yaml");

        assertThat(report.value()).isEqualTo("sequences/guardian.yaml.diagnostics.json");
        assertThat(BlobKeys.isDiagnosticsReport(report.value())).isTrue();
        assertThat(BlobKeys.isDiagnosticsReport("sequences/guardian.json")).isFalse();
    }
}

package io.crawlseq.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptRequestTest {

    @Test
    void defaults_areValid() {
        assertThat(ScriptLimits.DEFAULTS.problems()).isEmpty();
        assertThat(ScriptRequest.of("a.js", "function scrapeData(u) {}", List.of("https://a.example/")).problems()).isEmpty();
    }

    @Test
    void limitsOutsideTheirRanges_areEachReported() {
        ScriptLimits limits = new ScriptLimits(99, 2049, 10, 0, 10, -1, 10_001);

        assertThat(limits.problems()).containsExactly(
                "timeoutMs must be between 100 and 840000 (was 99)",
                "memoryMb must be between 32 and 2048 (was 2049)",
                "statementLimit must be between 1000 and 10000000000 (was 10)",
                "maxRecords must be between 1 and 1000000 (was 0)",
                "maxOutputBytes must be between 1024 and 268435456 (was 10)",
                "maxLogLines must be between 0 and 100000 (was -1)",
                "maxFetchesPerSource must be between 0 and 10000 (was 10001)");
    }

    @Test
    void sources_mustBeAbsoluteHttpUrls() {
        ScriptRequest request = ScriptRequest.of("a.js", "x", List.of("https://ok.example/", "/relative", "ftp://x/",
                "https://" + "a".repeat(2_100), "http://exa mple/"));

        assertThat(request.problems()).containsExactly(
                "sources[1]: '/relative' is not an http or https URL",
                "sources[2]: 'ftp://x/' is not an http or https URL",
                "sources[3]: URL is longer than 2048 characters",
                "sources[4]: 'http://exa mple/' is not a valid URL: Illegal character in authority");
    }

    @Test
    void oversizedScriptsAndIds_areRefused() {
        ScriptRequest request = ScriptRequest.of("", "x".repeat(ScriptRequest.MAX_SCRIPT_CHARS + 1), List.of());

        assertThat(request.problems()).containsExactly("scriptId must have 1 to 200 characters",
                "script has 1048577 characters; the limit is 1048576");
    }
}

package io.crawlseq.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHeaderPolicyTest {

    @Test
    void contentNegotiationHeaders_areAllowed() {
        assertThat(RequestHeaderPolicy.violation(Map.of("Accept", "text/html", "accept-language", "fr-FR,fr;q=0.9",
                "If-None-Match", "\"abc\"", "Referer", "https://news.example/"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "Cookie", "Host", "Proxy-Authorization", "Proxy-Connection", "User-Agent",
            "X-Forwarded-For", "X-Api-Key", "Set-Cookie", "Accept\r\nCookie"})
    void credentialAndIdentityHeaders_areRefused(String name) {
        assertThat(RequestHeaderPolicy.violation(Map.of(name, "x"))).hasValueSatisfying(
                problem -> assertThat(problem).contains("is not allowed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html\r\nX-Evil: 1", "a\nb", "nul\u0000", "caf\u00e9"})
    void valuesWithControlOrNonAsciiCharacters_areRefused(String value) {
        assertThat(RequestHeaderPolicy.violation(Map.of("Accept", value))).hasValueSatisfying(
                problem -> assertThat(problem).contains("printable ASCII only"));
    }

    @Test
    void longValuesAndTooManyHeaders_areRefused() {
        assertThat(RequestHeaderPolicy.violation(Map.of("Referer", "x".repeat(RequestHeaderPolicy.MAX_VALUE_CHARS + 1))))
                .hasValueSatisfying(problem -> assertThat(problem).contains("longer than 256"));
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i <= RequestHeaderPolicy.MAX_HEADERS; i++) {
            many.put("Accept" + "-".repeat(i), "x");
        }
        assertThat(RequestHeaderPolicy.violation(many)).hasValueSatisfying(
                problem -> assertThat(problem).contains("at most 16"));
    }
}

package io.crawlseq.crawler.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlNormalizerTest {

    private final UrlNormalizer normalizer = UrlNormalizer.standard();
    private final WebUrl base = UrlParser.parse("https://www.example.com/world/europe/index.html?x=1").orElseThrow();

    private String normalize(String url) {
        return normalizer.normalize(url).orElseThrow().toString();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "HTTP://WWW.Example.COM/a|http://www.example.com/a",
            "http://example.com|http://example.com/",
            "http://example.com:80/a|http://example.com/a",
            "https://example.com:443/a|https://example.com/a",
            "https://example.com:8443/a|https://example.com:8443/a",
            "http://example.com/a#section|http://example.com/a",
            "http://example.com/a/./b/../c|http://example.com/a/c",
            "http://example.com/a/%2e%2E/c|http://example.com/c",
            "http://example.com/%7euser/%41bc|http://example.com/~user/Abc",
            "http://example.com/a%2fb|http://example.com/a%2Fb",
            "http://example.com/caf%c3%a9|http://example.com/caf%C3%A9",
            "http://example.com/café|http://example.com/caf%C3%A9",
            "http://example.com/a b|http://example.com/a%20b",
            "http://example.com/100%|http://example.com/100%25",
            "http://example.com/a?utm_source=x&id=3&fbclid=y|http://example.com/a?id=3",
            "http://example.com/a?UTM_Medium=x|http://example.com/a",
            "http://example.com/a?gclid=1&mc_cid=2&mc_eid=3&ref_src=4|http://example.com/a",
            "http://example.com/a?|http://example.com/a",
            "http://example.com/a?b=2&a=1|http://example.com/a?b=2&a=1",
            "http://user:pw@example.com/|http://example.com/",
            "http://example.com./a|http://example.com/a",
            "http://münchen.de/|http://xn--mnchen-3ya.de/",
            "http://2130706433/|http://127.0.0.1/",
            "http://0x7f.1/|http://127.0.0.1/",
            "http://017700000001/|http://127.0.0.1/",
            "http://[::FFFF:127.0.0.1]/|http://[::ffff:127.0.0.1]/",
            "http://[0:0:0:0:0:0:0:1]:8080/|http://[::1]:8080/",
            "http:\\\\example.com\\a\\b|http://example.com/a/b",
            "http:/example.com/a|http://example.com/a",
            "'  http://example.com/a\n\tb  '|http://example.com/ab",
    })
    void normalize_producesCanonicalForm(String input, String expected) {
        assertThat(normalize(input)).isEqualTo(expected);
    }

    @Test
    void normalize_sortsQueryWhenAsked() {
        UrlNormalizer sorting = UrlNormalizer.standard(true);
        assertThat(sorting.normalize("http://example.com/a?b=2&a=1&b=1").orElseThrow().toString())
                .isEqualTo("http://example.com/a?a=1&b=2&b=1");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "../asia/|https://www.example.com/world/asia/",
            "france|https://www.example.com/world/europe/france",
            "/us-news|https://www.example.com/us-news",
            "//cdn.example.com/x.js|https://cdn.example.com/x.js",
            "?page=2|https://www.example.com/world/europe/index.html?page=2",
            "#top|https://www.example.com/world/europe/index.html?x=1",
            "https:page2|https://www.example.com/world/europe/page2",
            "http://other.org|http://other.org/",
    })
    void normalize_resolvesRelativeReferences(String reference, String expected) {
        assertThat(normalizer.normalize(base, reference).orElseThrow().toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "javascript:void(0)|UNSUPPORTED_SCHEME",
            "mailto:news@example.com|UNSUPPORTED_SCHEME",
            "data:text/html,hi|UNSUPPORTED_SCHEME",
            "tel:+441234|UNSUPPORTED_SCHEME",
            "ftp://example.com/|UNSUPPORTED_SCHEME",
            "http://|MISSING_HOST",
            "http://example.com:99999/|INVALID_PORT",
            "http://example.com:8x/|INVALID_PORT",
            "http://exa mple.com/|INVALID_HOST",
            "http://1.2.3.4.5/|INVALID_HOST",
            "http://256.1.1.1/|INVALID_HOST",
            "http://[::1/|INVALID_HOST",
            "http://[fe80::1%25eth0]/|INVALID_HOST",
    })
    void normalize_refusesWithReason(String input, UrlProblem problem) {
        UrlResult result = normalizer.normalize(input);
        assertThat(result).isInstanceOf(UrlResult.Invalid.class);
        assertThat(((UrlResult.Invalid) result).problem()).isEqualTo(problem);
    }

    @Test
    void normalize_refusesRelativeWithoutBase() {
        assertThat(normalizer.normalize("/a")).isInstanceOfSatisfying(UrlResult.Invalid.class,
                invalid -> assertThat(invalid.problem()).isEqualTo(UrlProblem.RELATIVE_WITHOUT_BASE));
    }

    @Test
    void normalize_refusesHugeInput() {
        String huge = "http://example.com/" + "a".repeat(UrlParser.MAX_LENGTH);
        assertThat(normalizer.normalize(huge)).isInstanceOfSatisfying(UrlResult.Invalid.class,
                invalid -> assertThat(invalid.problem()).isEqualTo(UrlProblem.TOO_LONG));
    }

    /** Normalising twice changes nothing, whatever junk the link contains. */
    @RepeatedTest(20)
    void normalize_isIdempotentOnRandomLinks(org.junit.jupiter.api.RepetitionInfo info) {
        Random random = new Random(1000 + info.getCurrentRepetition());
        String alphabet = "aZ09-._~%/?#&=+:@!$'()*,; \\\t\"<>^`{|}é中😀.";
        for (int i = 0; i < 200; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "http://Example.COM" : "");
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            UrlResult first = normalizer.normalize(base, sb.toString());
            if (first instanceof UrlResult.Valid valid) {
                String once = valid.url().toString();
                assertThat(normalizer.normalize(once).orElseThrow().toString()).as("input %s", sb).isEqualTo(once);
            }
        }
    }

    @Test
    void siteScope_includesSubdomainsOfTheRegistrableDomainOnly() {
        SiteScope scope = SiteScope.of(UrlParser.parse("https://www.bbc.co.uk/news").orElseThrow());
        assertThat(scope.site()).isEqualTo("bbc.co.uk");
        assertThat(scope.containsHost("news.bbc.co.uk")).isTrue();
        assertThat(scope.containsHost("bbc.co.uk")).isTrue();
        assertThat(scope.containsHost("co.uk")).isFalse();
        assertThat(scope.containsHost("evilbbc.co.uk")).isFalse();
        assertThat(scope.containsHost("bbc.com")).isFalse();
    }

    @Test
    void siteScope_treatsPrivateSuffixSitesAsSeparate() {
        SiteScope scope = SiteScope.of(UrlParser.parse("https://alice.github.io/").orElseThrow());
        assertThat(scope.containsHost("alice.github.io")).isTrue();
        assertThat(scope.containsHost("bob.github.io")).isFalse();
    }

    @Test
    void siteScope_ipHostIsExactAndExtraHostsAreExplicit() {
        SiteScope scope = SiteScope.of(UrlParser.parse("http://127.0.0.1:8080/").orElseThrow(),
                java.util.Set.of("cdn.example.org", "*.static.example.net"));
        assertThat(scope.containsHost("127.0.0.1")).isTrue();
        assertThat(scope.containsHost("x.127.0.0.1")).isFalse();
        assertThat(scope.containsHost("cdn.example.org")).isTrue();
        assertThat(scope.containsHost("www.example.org")).isFalse();
        assertThat(scope.containsHost("a.static.example.net")).isTrue();
    }
}

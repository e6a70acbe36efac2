package io.crawlseq.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.crawler.politeness.RetryPolicy;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.Responses;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.time.CrawlClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every escape and abuse attempt in {@code src/test/resources/abuse}. Each file says in its
 * header what must happen: {@code // expect: TYPE [RESOURCE]} and optionally {@code // message:},
 * {@code // outcome:} (a network error's outcome code),
 * {@code // attempted:}, {@code // limits: {json}} and, for attempts that are contained rather than
 * refused, {@code // data: [json]} (the records, without their source tag).
 *
 * <p>{@code http.get} is the real crawler fetcher ({@link CrawlerScriptHttp}) allowing exactly one
 * loopback fixture server, the source every script gets ({@code http://127.0.0.1:PORT/world/?decoy=N}).
 * Its {@code /go/*} routes redirect to addresses the SSRF guard must refuse, among them a decoy server
 * on loopback port N that is not allowed and must never see a request.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where the fixture's redirects point ({@code DECOY} is the decoy server's port): addresses no script may reach. */
    private static final Map<String, String> REDIRECTS = Map.of(
            "/go/loopback", "http://127.0.0.1:DECOY/admin",
            "/go/metadata", "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "/go/private-decimal", "http://167772161/",
            "/go/ipv6-loopback", "http://[::1]:DECOY/");
    /** Tight limits keep the corpus quick: loops hit the statement limit in well under a second. */
    private static final ScriptLimits CORPUS_LIMITS = ScriptLimits.DEFAULTS
            .withTimeoutMs(6_000).withStatementLimit(10_000_000).withMemoryMb(128);

    private static LoopbackServer fixture;
    /** A server on loopback that is not allowed: it must never see a request. */
    private static LoopbackServer decoy;
    private static CrawlerScriptHttp http;
    private static ScriptRunner runner;
    private static String source;

    @BeforeAll
    static void startRunner() {
        fixture = LoopbackServer.start();
        decoy = LoopbackServer.start();
        decoy.fallback(Responses.html("<p>secret</p>"));
        fixture.route("/world/", Responses.html("<title>World</title><h1>World news</h1>"));
        REDIRECTS.forEach((path, target) -> fixture.route(path,
                Responses.redirect(302, target.replace("DECOY", String.valueOf(decoy.port())))));
        source = fixture.url("/world/?decoy=" + decoy.port());
        http = CrawlerScriptHttp.open(TestConfigs.fast(CrawlClock.system(), fixture).retry(RetryPolicy.noRetries()));
        // A worker may serve several corpus scripts (each in fresh contexts); one that was killed is replaced.
        runner = new ScriptRunner(RunnerConfig.defaults().http(http).prestart(true).runsPerWorker(25));
    }

    @AfterAll
    static void stopRunner() {
        runner.close();
        http.close();
        fixture.close();
        decoy.close();
    }

    static Stream<AbuseCase> corpus() {
        return AbuseCase.all().stream();
    }

    @Test
    @Order(0)
    void corpus_hasAtLeastFortyAttemptsEachWithAnExpectation() {
        assertThat(AbuseCase.all()).hasSizeGreaterThanOrEqualTo(40)
                .allSatisfy(c -> assertThat(c.expect()).as(c.name()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Order(1)
    void abuseAttempt_isRefusedOrContainedWithTheExpectedOutcome(AbuseCase abuse) {
        ScriptResult result = runner.run(new ScriptRequest(abuse.name(), abuse.script(), List.of(source),
                abuse.limits(), List.of()));

        if (abuse.expect().equals("success")) {
            assertThat(result.errors()).as("errors").isEmpty();
            assertThat(untagged(result.data())).isEqualTo(abuse.data().orElseThrow());
            return;
        }
        assertThat(result.success()).isFalse();
        assertThat(result.errors()).as(ScriptResultJson.toJson(result)).hasSize(1);
        ScriptError error = result.errors().get(0);
        String[] expected = abuse.expect().split(" ");
        assertThat(error.type().id()).as(error.toString()).isEqualTo(expected[0]);
        if (expected.length > 1) {
            assertThat(((ScriptError.Resource) error).resource().name()).isEqualTo(expected[1]);
        }
        abuse.header("message").ifPresent(m -> assertThat(error.message()).as(error.toString()).containsIgnoringCase(m));
        abuse.header("attempted").ifPresent(a -> assertThat(((ScriptError.Security) error).attempted()).isEqualTo(a));
        abuse.header("outcome").ifPresent(o -> assertThat(((ScriptError.Network) error).outcome()).isEqualTo(o));
    }

    @Test
    @Order(2)
    void refusedFetches_neverReachedTheirTarget() {
        // Refusals come before a byte is sent: the decoy (targeted directly, by name and through
        // redirects) saw nothing, and the fixture only its own routes.
        assertThat(decoy.requests()).isEmpty();
        assertThat(fixture.paths()).isNotEmpty().allSatisfy(path -> assertThat(path)
                .matches("(/robots\\.txt|/world/|/go/[a-z0-9-]+)(\\?decoy=\\d+)?"));
    }

    @Test
    @Order(3)
    void runner_afterTheWholeCorpus_stillRunsANormalScriptThatFetches() {
        ScriptResult result = runner.run(ScriptRequest.of("after-corpus",
                "function scrapeData(url) { return [{title: html.parse(http.get(url).body).selectFirst('h1').text()}]; }",
                List.of(source)));

        assertThat(result.success()).as(ScriptResultJson.toJson(result)).isTrue();
        assertThat(result.data()).singleElement()
                .satisfies(record -> assertThat(record.path("title").asText()).isEqualTo("World news"));
    }

    private static JsonNode untagged(List<ObjectNode> records) {
        var array = JSON.createArrayNode();
        records.forEach(r -> {
            ObjectNode copy = r.deepCopy();
            copy.remove(ScriptResult.SOURCE_FIELD);
            array.add(copy);
        });
        return array;
    }

    /** One corpus file: its name, script text and header fields. */
    record AbuseCase(String name, String script, Map<String, String> headers) {

        static List<AbuseCase> all() {
            try (Stream<Path> files = Files.list(directory())) {
                return files.filter(f -> f.toString().endsWith(".js")).sorted().map(AbuseCase::read).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String expect() {
            return headers.getOrDefault("expect", "");
        }

        Optional<String> header(String key) {
            return Optional.ofNullable(headers.get(key));
        }

        ScriptLimits limits() {
            ScriptLimits limits = CORPUS_LIMITS;
            JsonNode overrides = header("limits").map(AbuseCase::parse).orElse(JSON.createObjectNode());
            if (overrides.has("memoryMb")) {
                limits = limits.withMemoryMb(overrides.get("memoryMb").asInt());
            }
            if (overrides.has("timeoutMs")) {
                limits = limits.withTimeoutMs(overrides.get("timeoutMs").asLong());
            }
            if (overrides.has("statementLimit")) {
                limits = limits.withStatementLimit(overrides.get("statementLimit").asLong());
            }
            return limits;
        }

        Optional<JsonNode> data() {
            return header("data").map(AbuseCase::parse);
        }

        @Override
        public String toString() {
            return name;
        }

        private static AbuseCase read(Path file) {
            try {
                String script = Files.readString(file, StandardCharsets.UTF_8);
                Map<String, String> headers = new LinkedHashMap<>();
                List<String> lines = new ArrayList<>(script.lines().toList());
                for (String line : lines) {
                    if (!line.startsWith("// ")) {
                        break;
                    }
                    int colon = line.indexOf(':');
                    String key = colon < 0 ? "" : line.substring(3, colon).trim();
                    if (key.matches("[a-z]+")) {
                        headers.put(key, line.substring(colon + 1).trim());
                    }
                }
                String name = file.getFileName().toString().replaceFirst("\\.js$", "");
                return new AbuseCase(name, script, headers);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static JsonNode parse(String json) {
            try {
                return JSON.readTree(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Path directory() {
            try {
                return Path.of(AbuseCorpusTest.class.getResource("/abuse").toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

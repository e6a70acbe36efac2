package io.crawlseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.cli.demo.DemoSite;
import io.crawlseq.store.RunDetail;
import io.crawlseq.store.RunStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DemoCommandTest {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)   // a safety net for a hang, not a speed target
    void demo_servesTheBundledSite_runsTheSequence_andPrintsWhatItFound() {
        CliRun run = CliRun.of("demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Serving \"The Loopback Ledger\"")
                .contains("  country   6  GB /uk-news, US /us-news, BR /world/brazil, FR /world/france, DE /world/germany, "
                        + "JP /world/japan\n")
                .contains("  topic     5  /business, /politics, /sport, /technology, /world\n")
                .contains("(asked for but not on the site: IT)")
                .contains("Sitemaps: 4 read, listing 57 URLs (10 in news sitemaps)")
                .containsPattern("Stories recorded: [1-9]\\d* \\(metadata and page bodies\\)");
        assertThat(run.err()).contains("  > countryHubs ensureCountryHubs").contains("  > hubStories basicArticleCrawl (invocation 6)")
                .contains("  ok topics findTopicHubs");
        Matcher id = Pattern.compile("Demo run (\\S+) SUCCEEDED").matcher(run.out());
        assertThat(id.find()).isTrue();
        RunDetail detail = TestStores.storage().runs().runDetail(id.group(1)).orElseThrow();
        assertThat(detail.run().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(detail.steps()).hasSize(9);
    }

    @Test
    void demoSite_servesItsPagesWithItsOwnAddress_and404sTheRest() throws Exception {
        try (DemoSite site = DemoSite.start(0); HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> robots = http.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/robots.txt")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> page2 = http.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/politics?page=2")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/nothing")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(robots.body()).contains("Disallow: /search").contains("Sitemap: " + site.baseUrl() + "/sitemap.xml")
                    .doesNotContain("Crawl-delay");
            assertThat(page2.statusCode()).isEqualTo(200);
            assertThat(page2.body()).contains("<title>Politics | page 2 | The Loopback Ledger</title>");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(site.hostPort()).isEqualTo("127.0.0.1:" + URI.create(site.baseUrl()).getPort());
        }
    }
}

package io.crawlseq.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.cli.cloud.LocalCloud;
import io.crawlseq.crawler.testing.LoopbackServer;
import io.crawlseq.crawler.testing.TestConfigs;
import io.crawlseq.crawler.testing.sites.FixtureSites;
import io.crawlseq.crawler.time.ManualClock;
import io.crawlseq.functions.support.LambdaJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * One local deployment ({@link LocalCloud}, in memory, nothing waits: Step Functions waits are skipped and
 * crawlers run on a manual clock) and a news fixture site on
 * loopback that its crawl commands may reach, for the tests of one class.
 */
final class CloudFixture implements BeforeAllCallback, AfterAllCallback {

    private LoopbackServer site;
    private LocalCloud cloud;

    @Override
    public void beforeAll(ExtensionContext context) {
        site = LoopbackServer.start();
        FixtureSites.guardianLike().serve(site);
        // crawlers wait on a manual clock: the samples' politeness (1 s a request) and the site's
        // Crawl-delay cost no real time, so a task event's full crawl takes seconds, not minutes
        cloud = LocalCloud.start(LocalCloud.Options.forTests(TestConfigs.fast(new ManualClock(), site)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cloud != null) {
            cloud.close();
        }
        if (site != null) {
            site.close();
        }
    }

    LocalCloud cloud() {
        return cloud;
    }

    /** The fixture site's start page. */
    String siteUrl() {
        return site.url("/");
    }

    /** Uploads to the sequences bucket; returns the version id. */
    String upload(String key, String content) {
        return cloud.s3().putObject(b -> b.bucket(LocalCloud.SEQUENCES_BUCKET).key(key),
                RequestBody.fromString(content)).versionId();
    }

    boolean exists(String key) {
        try {
            cloud.s3().headObject(b -> b.bucket(LocalCloud.SEQUENCES_BUCKET).key(key));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return false;
        }
    }

    JsonNode object(String key) {
        return LambdaJson.parse(cloud.s3().getObjectAsBytes(b -> b.bucket(LocalCloud.SEQUENCES_BUCKET).key(key)).asByteArray());
    }

    /** A repository file with every {@code https://www.theguardian.com/} replaced by the fixture site. */
    String onFixtureSite(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("https://www.theguardian.com/", siteUrl());
    }

    ObjectNode onFixtureSite(JsonNode event) {
        return (ObjectNode) LambdaJson.parse(LambdaJson.text(event).replace("https://www.theguardian.com/", siteUrl())
                .getBytes(StandardCharsets.UTF_8));
    }
}

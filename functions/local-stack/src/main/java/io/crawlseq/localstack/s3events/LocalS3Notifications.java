package io.crawlseq.localstack.s3events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.localstack.http.AwsJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 event notifications for a local S3 server, which has none: the bucket is watched (listed) and
 * each object created or replaced under the rule's prefix with one of its suffixes is delivered to
 * the rule's target as the {@code ObjectCreated:Put} event S3 would send — URL-encoded key, size,
 * ETag, version id, and a {@code sequencer} that grows with every event (time-based, so it keeps
 * growing across restarts of a persisted local stack, as S3's does per key).
 *
 * <p>Tests call {@link #poll} right after an upload (deterministic); {@code crawl-sequence
 * local-stack} polls on a timer. Objects present when watching starts are not announced.
 */
public final class LocalS3Notifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalS3Notifications.class);
    /** Sequencers are milliseconds times this plus a counter, so events within one millisecond stay ordered. */
    private static final long PER_MILLI = 4096;

    /** Which objects notify which target (the template's bucket notification). */
    public record Rule(String bucket, String prefix, List<String> suffixes, String targetArn) {
        public Rule {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(prefix, "prefix");
            suffixes = List.copyOf(suffixes);
            Objects.requireNonNull(targetArn, "targetArn");
        }

        boolean matches(String key) {
            String lower = key.toLowerCase(Locale.ROOT);
            return key.startsWith(prefix) && suffixes.stream().anyMatch(lower::endsWith);
        }
    }

    /** Receives an event, as the target Lambda would (asynchronously invoked by S3). */
    @FunctionalInterface
    public interface Target {
        JsonNode invoke(String arn, ObjectNode event) throws Exception;
    }

    private record Seen(String eTag, Instant lastModified, long size) {
    }

    private final S3Client s3;
    private final Rule rule;
    private final Target target;
    private final String region;
    private final Clock clock;
    private final Map<String, Seen> seen = new HashMap<>();
    private final AtomicLong lastSequencer = new AtomicLong();
    private ScheduledExecutorService timer;

    private LocalS3Notifications(S3Client s3, Rule rule, Target target, String region, Clock clock) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.target = Objects.requireNonNull(target, "target");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts watching: the objects there now are taken as already announced. */
    public static LocalS3Notifications watch(S3Client s3, Rule rule, Target target, String region, Clock clock) {
        LocalS3Notifications notifications = new LocalS3Notifications(s3, rule, target, region, clock);
        notifications.changes();
        return notifications;
    }

    /**
     * Lists the bucket and delivers an event for each object created or replaced since the last poll,
     * in key order; returns the events delivered. A target's failure is logged (S3 would retry an
     * asynchronous invocation; here the next change of the object triggers again).
     */
    public synchronized List<ObjectNode> poll() {
        List<ObjectNode> delivered = new ArrayList<>();
        for (S3Object object : changes()) {
            ObjectNode event = event(object);
            deliver(event);
            delivered.add(event);
        }
        return delivered;
    }

    /** Delivers an event (again): how tests replay duplicate or late S3 events. */
    public void deliver(ObjectNode event) {
        try {
            target.invoke(rule.targetArn(), event);
        } catch (Exception e) {
            LOG.warn("S3 event for {} failed in {}: {}", event.at("/Records/0/s3/object/key").asText(),
                    rule.targetArn(), e.toString());
        }
    }

    /** Polls every {@code interval} on a background thread until closed. */
    public synchronized LocalS3Notifications start(Duration interval) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "local-s3-notifications");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(() -> {
                try {
                    poll();
                } catch (RuntimeException e) {
                    LOG.warn("watching s3://{}/{} failed: {}", rule.bucket(), rule.prefix(), e.toString());
                }
            }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private List<S3Object> changes() {
        List<S3Object> changed = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(rule.bucket()).prefix(rule.prefix())).contents()) {
            if (!rule.matches(object.key())) {
                continue;
            }
            Seen now = new Seen(object.eTag(), object.lastModified(), object.size());
            if (!now.equals(seen.put(object.key(), now))) {
                changed.add(object);
            }
        }
        return changed;
    }

    private ObjectNode event(S3Object object) {
        HeadObjectResponse head = s3.headObject(b -> b.bucket(rule.bucket()).key(object.key()));
        String versionId = head.versionId() == null || "null".equals(head.versionId()) ? null : head.versionId();
        return objectCreated(rule.bucket(), object.key(), object.size(), stripQuotes(object.eTag()), versionId,
                nextSequencer(), region, clock.instant());
    }

    /** The S3 {@code ObjectCreated:Put} event for one object. */
    public static ObjectNode objectCreated(String bucket, String key, long size, String eTag, String versionId,
                                           String sequencer, String region, Instant time) {
        ObjectNode event = AwsJson.object();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", time.toString());
        record.put("eventName", "ObjectCreated:Put");
        record.putObject("userIdentity").put("principalId", "local");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        record.putObject("responseElements").put("x-amz-request-id", "local");
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "SequenceUploads");
        ObjectNode b = s3.putObject("bucket");
        b.put("name", bucket);
        b.putObject("ownerIdentity").put("principalId", "local");
        b.put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode o = s3.putObject("object");
        o.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
        o.put("size", size);
        o.put("eTag", eTag);
        if (versionId != null) {
            o.put("versionId", versionId);
        }
        o.put("sequencer", sequencer);
        return event;
    }

    private String nextSequencer() {
        long candidate = clock.millis() * PER_MILLI;
        long value = lastSequencer.updateAndGet(last -> Math.max(last + 1, candidate));
        return String.format("%018X", value);
    }

    private static String stripQuotes(String eTag) {
        return eTag == null ? "" : eTag.replace("\"", "");
    }
}

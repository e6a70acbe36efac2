package io.crawlseq.localstack.s3events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.localstack.LocalAwsExtension;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

class LocalS3NotificationsTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private final List<ObjectNode> received = new CopyOnWriteArrayList<>();

    private LocalS3Notifications watch(String bucket) {
        return LocalS3Notifications.watch(aws.s3(), new LocalS3Notifications.Rule(bucket, "sequences/",
                List.of(".json", ".yaml", ".yml"), "arn:aws:lambda:us-east-1:123456789012:function:deployer"),
                (arn, event) -> {
                    received.add(event);
                    return null;
                }, "us-east-1", Clock.systemUTC());
    }

    private void put(String bucket, String key, String content) {
        aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
    }

    @Test
    void poll_announcesEachNewOrReplacedSequenceOnceWithAGrowingSequencer() {
        String bucket = aws.createBucket("sequences");
        aws.s3().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        put(bucket, "sequences/before.yaml", "[]");
        LocalS3Notifications notifications = watch(bucket);
        put(bucket, "sequences/my crawl.yaml", "- ensureCountryHubs");
        put(bucket, "sequences/readme.txt", "not a sequence");
        put(bucket, "elsewhere/x.json", "[]");

        List<ObjectNode> first = notifications.poll();

        assertThat(first).hasSize(1);
        assertThat(received).hasSize(1);
        ObjectNode object = (ObjectNode) first.getFirst().at("/Records/0/s3/object");
        assertThat(object.path("key").asText()).isEqualTo("sequences/my+crawl.yaml");
        assertThat(object.path("versionId").asText()).isNotBlank();
        assertThat(first.getFirst().at("/Records/0/eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(notifications.poll()).as("nothing changed since").isEmpty();

        put(bucket, "sequences/my crawl.yaml", "- findTopicHubs");
        List<ObjectNode> second = notifications.poll();

        assertThat(second).hasSize(1);
        String s1 = object.path("sequencer").asText();
        String s2 = second.getFirst().at("/Records/0/s3/object/sequencer").asText();
        assertThat(s2.length()).isEqualTo(s1.length());
        assertThat(s2).isGreaterThan(s1);
    }
}

package io.crawlseq.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.DailyMetrics;
import io.crawlseq.store.MetricCounters;
import io.crawlseq.store.MetricsStore;
import io.crawlseq.store.tables.StoreTable;
import io.crawlseq.store.tables.StoreTables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class MetricsStoreTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    // Dates here lie in 2099: DynamoDB Local really deletes items whose TTL has passed, and TTLs derive from them.

    private MetricsStore metrics() {
        return aws.storage().metrics();
    }

    @Test
    void record_addsToTheUtcDayOfTheInstant() {
        metrics().record("ensureCountryHubs", Instant.parse("2099-03-01T23:59:59Z"),
                MetricCounters.invocation(false, 1000, 10, 5000));
        metrics().record("ensureCountryHubs", Instant.parse("2099-03-02T00:00:00Z"),
                MetricCounters.invocation(true, 500, 2, 100));
        metrics().record("ensureCountryHubs", Instant.parse("2099-03-02T12:00:00Z"),
                MetricCounters.invocation(false, 250, 1, 50));

        List<DailyMetrics> days = metrics().daily("ensureCountryHubs", LocalDate.parse("2099-03-01"),
                LocalDate.parse("2099-03-02"));

        assertThat(days).containsExactly(
                new DailyMetrics("ensureCountryHubs", LocalDate.parse("2099-03-01"), new MetricCounters(1, 0, 1000, 10, 5000)),
                new DailyMetrics("ensureCountryHubs", LocalDate.parse("2099-03-02"), new MetricCounters(2, 1, 750, 3, 150)));
    }

    @Test
    void record_concurrentWritersLoseNoIncrement() throws Exception {
        int threads = 8;
        int perThread = 25;
        Random random = new Random(7);
        long[][] durations = new long[threads][perThread];
        long expectedDuration = 0;
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                durations[t][i] = random.nextInt(5000);
                expectedDuration += durations[t][i];
            }
        }
        Instant at = Instant.parse("2099-04-10T08:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] mine = durations[t];
            int index = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    metrics().record("basicArticleCrawl", at, MetricCounters.invocation(index % 2 == 0, mine[i], 3, 1024));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        MetricCounters total = metrics().daily("basicArticleCrawl", LocalDate.parse("2099-04-10"),
                LocalDate.parse("2099-04-10")).get(0).counters();

        assertThat(total).isEqualTo(new MetricCounters(threads * perThread, threads / 2 * perThread, expectedDuration,
                3L * threads * perThread, 1024L * threads * perThread));
    }

    @Test
    void dailyAllCommands_coversEveryCommandAcrossMonthsOldestFirst() {
        metrics().record("b", Instant.parse("2099-01-31T10:00:00Z"), MetricCounters.invocation(false, 1, 1, 1));
        metrics().record("a", Instant.parse("2099-01-31T11:00:00Z"), MetricCounters.invocation(false, 2, 2, 2));
        metrics().record("a", Instant.parse("2099-02-01T10:00:00Z"), MetricCounters.invocation(false, 3, 3, 3));
        metrics().record("c", Instant.parse("2099-03-15T10:00:00Z"), MetricCounters.invocation(true, 4, 4, 4));
        metrics().record("a", Instant.parse("2099-03-16T10:00:00Z"), MetricCounters.invocation(false, 5, 5, 5));

        List<DailyMetrics> days = metrics().dailyAllCommands(LocalDate.parse("2099-01-31"),
                LocalDate.parse("2099-03-15"));

        assertThat(days).extracting(d -> d.day() + " " + d.command())
                .containsExactly("2099-01-31 a", "2099-01-31 b", "2099-02-01 a", "2099-03-15 c");
        Map<String, MetricCounters> totals = DailyMetrics.totalsByCommand(days);
        assertThat(totals).containsEntry("a", new MetricCounters(2, 0, 5, 5, 5))
                .containsEntry("c", new MetricCounters(1, 1, 4, 4, 4));
    }

    @Test
    void daily_refusesBackwardsAndHugeRanges() {
        assertThatThrownBy(() -> metrics().daily("a", LocalDate.parse("2099-02-01"), LocalDate.parse("2099-01-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after it ends");
        assertThatThrownBy(() -> metrics().dailyAllCommands(LocalDate.parse("2000-01-01"), LocalDate.parse("2099-01-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void record_setsTtlOnTheDayItem() {
        metrics().record("a", Instant.parse("2099-03-01T10:00:00Z"), MetricCounters.invocation(false, 1, 1, 1));

        Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(aws.tables().of(StoreTable.METRICS))
                .key(Map.of(StoreTables.COMMAND, AttributeValue.fromS("a"), StoreTables.DAY,
                        AttributeValue.fromS("2099-03-01")))).item();

        long expected = Instant.parse("2099-03-02T00:00:00Z").plus(java.time.Duration.ofDays(400)).getEpochSecond();
        assertThat(item.get(StoreTables.EXPIRES_AT).n()).isEqualTo(Long.toString(expected));
    }
}

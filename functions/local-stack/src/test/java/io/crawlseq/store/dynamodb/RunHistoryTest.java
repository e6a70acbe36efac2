package io.crawlseq.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.store.ErrorInfo;
import io.crawlseq.store.Json;
import io.crawlseq.store.Page;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.RunDetail;
import io.crawlseq.store.RunHistory;
import io.crawlseq.store.RunRecord;
import io.crawlseq.store.RunStatus;
import io.crawlseq.store.StepRecord;
import io.crawlseq.store.StepStatus;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.WriteOutcome;
import io.crawlseq.store.blob.BlobKeys;
import io.crawlseq.store.tables.StoreTable;
import io.crawlseq.store.tables.StoreTables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class RunHistoryTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    // Far in the future: DynamoDB Local really deletes items whose TTL has passed, and TTLs derive from these.
    private static final Instant T0 = Instant.parse("2099-03-01T10:00:00.123Z");
    private static final Json INPUT = Json.parse("{\"context\":{\"startUrl\":\"http://127.0.0.1:8080/\"}}");

    private RunHistory runs() {
        return aws.storage().runs();
    }

    @Test
    void putRun_storesRecordThatReadsBackEqual() {
        RunRecord run = RunRecord.started("run-1", "guardian", T0, INPUT).withExecutionArn("arn:aws:states:x");

        WriteOutcome outcome = runs().putRun(run);

        assertThat(outcome).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(runs().run("run-1")).contains(run);
    }

    @Test
    void putRun_finishedRunIsFinal() {
        RunRecord started = RunRecord.started("run-1", "guardian", T0, INPUT);
        RunRecord succeeded = started.finished(RunStatus.SUCCEEDED, T0.plusSeconds(60), Map.of("steps", 3L),
                Optional.empty());
        RunRecord failed = started.finished(RunStatus.FAILED, T0.plusSeconds(61), Map.of(),
                Optional.of(ErrorInfo.of("Boom", "late failure")));
        runs().putRun(started);
        runs().putRun(succeeded);

        assertThat(runs().putRun(succeeded)).isEqualTo(WriteOutcome.ALREADY_WRITTEN);
        assertThat(runs().putRun(failed)).isEqualTo(WriteOutcome.REJECTED_STALE);
        assertThat(runs().putRun(started)).isEqualTo(WriteOutcome.REJECTED_STALE);
        assertThat(runs().run("run-1")).contains(succeeded);
    }

    @Test
    void step_readsBackTheLatestWriteOfOneInvocation() {
        RunHistory runs = runs();
        StepRecord first = StepRecord.started("run-s", "hubs", 2, 1, "ensureCountryHubs", Json.parse("{}"), T0);
        runs.putStep(first);
        StepRecord retried = StepRecord.started("run-s", "hubs", 2, 2, "ensureCountryHubs", Json.parse("{}"), T0.plusSeconds(5));
        runs.putStep(retried);

        assertThat(runs.step("run-s", "hubs", 2)).contains(retried);
        assertThat(runs.step("run-s", "hubs", 1)).isEmpty();
        assertThat(runs.step("run-other", "hubs", 2)).isEmpty();
    }

    @Test
    void putRun_runningRunCanBeUpdated() {
        RunRecord started = RunRecord.started("run-1", "guardian", T0, INPUT);
        runs().putRun(started);

        WriteOutcome outcome = runs().putRun(started.withExecutionArn("arn:aws:states:exec"));

        assertThat(outcome).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(runs().run("run-1").orElseThrow().executionArn()).contains("arn:aws:states:exec");
    }

    @Test
    void putRun_setsTtlFromRetention() {
        StoreSettings settings = StoreSettings.defaults().withRunRetention(Duration.ofDays(30));
        aws.storage(settings).runs().putRun(RunRecord.started("run-ttl", "guardian", T0, INPUT));

        Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(aws.tables().of(StoreTable.RUNS))
                .key(Map.of(StoreTables.PK, AttributeValue.fromS("RUN#run-ttl"), StoreTables.SK,
                        AttributeValue.fromS("RUN")))).item();

        assertThat(item.get(StoreTables.EXPIRES_AT).n())
                .isEqualTo(Long.toString(T0.plus(Duration.ofDays(30)).getEpochSecond()));
    }

    @Test
    void runsOfSequence_newestFirstAcrossPages() {
        Random random = new Random(42);
        List<Integer> minutes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            minutes.add(i);
        }
        java.util.Collections.shuffle(minutes, random);
        for (int minute : minutes) {
            runs().putRun(RunRecord.started("run-" + minute, "guardian", T0.plusSeconds(60L * minute), INPUT));
            runs().putRun(RunRecord.started("other-" + minute, "bbc", T0.plusSeconds(60L * minute + 1), INPUT));
        }

        List<String> seen = new ArrayList<>();
        Optional<PageRequest> request = Optional.of(PageRequest.first(7));
        while (request.isPresent()) {
            Page<RunRecord> page = runs().runsOfSequence("guardian", request.get());
            page.items().forEach(r -> seen.add(r.runId()));
            request = request.get().next(page);
        }

        List<String> expected = new ArrayList<>();
        for (int minute = 24; minute >= 0; minute--) {
            expected.add("run-" + minute);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void recentRuns_listsEverySequenceNewestFirst() {
        runs().putRun(RunRecord.started("a", "guardian", T0, INPUT));
        runs().putRun(RunRecord.started("b", "bbc", T0.plusSeconds(5), INPUT));
        runs().putRun(RunRecord.started("c", "guardian", T0.plusSeconds(10), INPUT));

        Page<RunRecord> page = runs().recentRuns(PageRequest.first(10));

        assertThat(page.items()).extracting(RunRecord::runId).containsExactly("c", "b", "a");
    }

    @Test
    void runsOfSequence_refusesCursorOfAnotherListing() {
        for (int i = 0; i < 3; i++) {
            runs().putRun(RunRecord.started("r" + i, "guardian", T0.plusSeconds(i), INPUT));
        }
        String cursor = runs().recentRuns(PageRequest.first(1)).nextCursor().orElseThrow();

        assertThatThrownBy(() -> runs().runsOfSequence("guardian", PageRequest.after(cursor, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> runs().recentRuns(PageRequest.after("not base64 !!", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void putStep_repeatedWriteIsIdempotent() {
        StepRecord done = step("s1", 1, 1, T0).finished(StepStatus.SUCCEEDED, T0.plusSeconds(3), result(1),
                Optional.empty());

        assertThat(runs().putStep(done)).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(runs().putStep(done)).isEqualTo(WriteOutcome.ALREADY_WRITTEN);
        assertThat(runs().steps("run-1", PageRequest.first(10)).items()).containsExactly(done);
    }

    @Test
    void putStep_neverGoesBackFromFinishedToRunning() {
        StepRecord running = step("s1", 1, 1, T0);
        StepRecord done = running.finished(StepStatus.FAILED, T0.plusSeconds(3), result(0),
                Optional.of(ErrorInfo.of("Timeout", "site did not answer")));
        runs().putStep(running);
        runs().putStep(done);

        assertThat(runs().putStep(running)).isEqualTo(WriteOutcome.REJECTED_STALE);
        assertThat(runs().putStep(running.finished(StepStatus.SUCCEEDED, T0.plusSeconds(4), result(2),
                Optional.empty()))).isEqualTo(WriteOutcome.REJECTED_STALE);
        assertThat(runs().steps("run-1", PageRequest.first(10)).items()).containsExactly(done);
    }

    @Test
    void putStep_laterAttemptReplacesEarlierAndEarlierCannotReturn() {
        StepRecord firstAttempt = step("s1", 1, 1, T0).finished(StepStatus.FAILED, T0.plusSeconds(1), result(0),
                Optional.of(ErrorInfo.of("Transient", "503")));
        StepRecord secondAttempt = step("s1", 1, 2, T0.plusSeconds(5));
        runs().putStep(firstAttempt);

        assertThat(runs().putStep(secondAttempt)).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(runs().putStep(firstAttempt)).isEqualTo(WriteOutcome.REJECTED_STALE);
        assertThat(runs().steps("run-1", PageRequest.first(10)).items()).containsExactly(secondAttempt);
    }

    @Test
    void putStep_invocationsOfALongCrawlAreSeparateRecords() {
        StepRecord first = step("crawl", 1, 1, T0).finished(StepStatus.PARTIAL, T0.plusSeconds(800), result(1),
                Optional.empty());
        StepRecord second = step("crawl", 2, 1, T0.plusSeconds(801)).finished(StepStatus.SUCCEEDED,
                T0.plusSeconds(900), result(2), Optional.empty());
        runs().putStep(second);
        runs().putStep(first);

        assertThat(runs().steps("run-1", PageRequest.first(10)).items()).containsExactly(first, second);
    }

    @Test
    void runDetail_returnsStepsInExecutionOrderNotIdOrder() {
        runs().putRun(RunRecord.started("run-1", "guardian", T0, INPUT));
        StepRecord zeta = step("zeta", 1, 1, T0.plusSeconds(1));
        StepRecord alpha = step("alpha", 1, 1, T0.plusSeconds(2));
        StepRecord mid = step("mid", 1, 1, T0.plusSeconds(3));
        runs().putStep(mid);
        runs().putStep(alpha);
        runs().putStep(zeta);

        RunDetail detail = runs().runDetail("run-1").orElseThrow();

        assertThat(detail.steps()).extracting(StepRecord::stepId).containsExactly("zeta", "alpha", "mid");
        assertThat(runs().runDetail("missing")).isEmpty();
    }

    @Test
    void putStep_largeResultGoesToBlobAndReadsBackEqual() {
        StoreSettings small = StoreSettings.defaults().withInlineJsonLimitBytes(1024);
        RunHistory history = aws.storage(small).runs();
        StringBuilder hubs = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            hubs.append(i == 0 ? "" : ",").append("{\"url\":\"http://127.0.0.1/world/c").append(i).append("\"}");
        }
        Json big = Json.parse("{\"status\":\"success\",\"hubs\":" + hubs + "]}");
        StepRecord done = step("s1", 1, 1, T0).finished(StepStatus.SUCCEEDED, T0.plusSeconds(1), big,
                Optional.empty());

        history.putStep(done);

        assertThat(history.steps("run-1", PageRequest.first(5)).items()).containsExactly(done);
        assertThat(aws.storage().blobs().list(BlobKeys.runPrefix("run-1"), PageRequest.first(10)).items())
                .hasSize(1);
        assertThat(history.putStep(done)).isEqualTo(WriteOutcome.ALREADY_WRITTEN);
    }

    @Test
    void putStep_concurrentStartAndFinishAlwaysEndFinished() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String stepId = "race-" + round;
                StepRecord running = step(stepId, 1, 1, T0);
                StepRecord done = running.finished(StepStatus.SUCCEEDED, T0.plusSeconds(2), result(round),
                        Optional.empty());
                CyclicBarrier start = new CyclicBarrier(2);
                Future<WriteOutcome> a = pool.submit(writeAfter(start, running));
                Future<WriteOutcome> b = pool.submit(writeAfter(start, done));
                a.get();
                assertThat(b.get()).isEqualTo(WriteOutcome.WRITTEN);
            }
        } finally {
            pool.shutdownNow();
        }

        List<StepRecord> steps = runs().steps("run-1", PageRequest.first(100)).items();
        assertThat(steps).hasSize(20).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.SUCCEEDED));
    }

    private Callable<WriteOutcome> writeAfter(CyclicBarrier barrier, StepRecord step) {
        return () -> {
            barrier.await();
            return runs().putStep(step);
        };
    }

    private static StepRecord step(String stepId, int invocation, int attempt, Instant startedAt) {
        return StepRecord.started("run-1", stepId, invocation, attempt, "ensureCountryHubs",
                Json.parse("{\"maxDownloads\":10}"), startedAt);
    }

    private static Json result(int hubCount) {
        return Json.parse("{\"status\":\"success\",\"hubCount\":" + hubCount + "}");
    }
}

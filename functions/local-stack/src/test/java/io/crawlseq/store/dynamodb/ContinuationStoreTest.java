package io.crawlseq.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.localstack.MutableClock;
import io.crawlseq.store.Continuation;
import io.crawlseq.store.ContinuationStore;
import io.crawlseq.store.ContinuationStore.LostLeaseException;
import io.crawlseq.store.Json;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.ResumeOutcome;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.blob.BlobKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContinuationStoreTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private static final Duration LEASE = Duration.ofMinutes(15);
    private final MutableClock clock = new MutableClock(Instant.parse("2099-05-01T12:00:00Z"));

    private ContinuationStore store() {
        return aws.storage(StoreSettings.defaults().withClock(clock)).continuations();
    }

    private static Json frontier(int page) {
        return Json.parse("{\"frontier\":[\"http://127.0.0.1:8080/world/page/" + page + "\"],\"fetched\":" + page + "}");
    }

    @Test
    void continuation_carriesStateFromInvocationToInvocationUntilComplete() {
        ContinuationStore store = store();
        Continuation second = store.start("run-1", "crawl", "hubArchiveCrawl", frontier(1));

        ResumeOutcome.Resumed resumed2 = (ResumeOutcome.Resumed) store.resume(second.token(), 2, LEASE);
        Continuation third = store.checkpoint(resumed2.lease(), frontier(2));
        ResumeOutcome.Resumed resumed3 = (ResumeOutcome.Resumed) store.resume(third.token(), 3, LEASE);
        store.complete(resumed3.lease());

        assertThat(second.invocation()).isEqualTo(2);
        assertThat(resumed2.state()).isEqualTo(frontier(1));
        assertThat(third).isEqualTo(new Continuation(second.token(), 3));
        assertThat(resumed3.state()).isEqualTo(frontier(2));
        assertThat(store.resume(second.token(), 4, LEASE)).isInstanceOf(ResumeOutcome.NotFound.class);
    }

    @Test
    void resume_twoInvocationsRacingForTheSameStateOnlyOneWins() throws Exception {
        ContinuationStore store = store();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 15; round++) {
                Continuation c = store.start("run-1", "crawl-" + round, "hubArchiveCrawl", frontier(round));
                CyclicBarrier barrier = new CyclicBarrier(2);
                Callable<ResumeOutcome> resume = () -> {
                    barrier.await();
                    return store.resume(c.token(), 2, LEASE);
                };
                Future<ResumeOutcome> a = pool.submit(resume);
                Future<ResumeOutcome> b = pool.submit(resume);
                List<ResumeOutcome> outcomes = List.of(a.get(), b.get());

                assertThat(outcomes).filteredOn(o -> o instanceof ResumeOutcome.Resumed).hasSize(1);
                assertThat(outcomes).filteredOn(o -> o instanceof ResumeOutcome.Busy).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resume_refusesAnInvocationThatIsNotNext() {
        ContinuationStore store = store();
        Continuation c = store.start("run-1", "crawl", "hubArchiveCrawl", frontier(1));
        ResumeOutcome.Resumed r = (ResumeOutcome.Resumed) store.resume(c.token(), 2, LEASE);
        store.checkpoint(r.lease(), frontier(2));

        assertThat(store.resume(c.token(), 2, LEASE)).isEqualTo(new ResumeOutcome.WrongInvocation(3, 2));
        assertThat(store.resume(c.token(), 5, LEASE)).isEqualTo(new ResumeOutcome.WrongInvocation(3, 5));
    }

    @Test
    void resume_retryTakesOverAfterTheLeaseExpiresAndTheOldHolderLosesIt() {
        ContinuationStore store = store();
        Continuation c = store.start("run-1", "crawl", "hubArchiveCrawl", frontier(1));
        ResumeOutcome.Resumed crashed = (ResumeOutcome.Resumed) store.resume(c.token(), 2, LEASE);
        assertThat(store.resume(c.token(), 2, LEASE)).isInstanceOf(ResumeOutcome.Busy.class);

        clock.advance(LEASE.plusSeconds(1));
        ResumeOutcome retry = store.resume(c.token(), 2, LEASE);

        assertThat(retry).isInstanceOf(ResumeOutcome.Resumed.class);
        assertThatThrownBy(() -> store.checkpoint(crashed.lease(), frontier(99))).isInstanceOf(LostLeaseException.class);
        assertThatThrownBy(() -> store.complete(crashed.lease())).isInstanceOf(LostLeaseException.class);
        Continuation next = store.checkpoint(((ResumeOutcome.Resumed) retry).lease(), frontier(2));
        assertThat(((ResumeOutcome.Resumed) store.resume(next.token(), 3, LEASE)).state()).isEqualTo(frontier(2));
    }

    @Test
    void release_letsARetryResumeAtOnce() {
        ContinuationStore store = store();
        Continuation c = store.start("run-1", "crawl", "hubArchiveCrawl", frontier(1));
        ResumeOutcome.Resumed failed = (ResumeOutcome.Resumed) store.resume(c.token(), 2, LEASE);

        store.release(failed.lease());

        assertThat(store.resume(c.token(), 2, LEASE)).isInstanceOf(ResumeOutcome.Resumed.class);
    }

    @Test
    void resume_unknownMalformedAndExpiredTokensAreNotFound() {
        ContinuationStore store = store();
        Continuation c = store.start("run-1", "crawl", "hubArchiveCrawl", frontier(1));

        assertThat(store.resume("0".repeat(32), 2, LEASE)).isInstanceOf(ResumeOutcome.NotFound.class);
        assertThat(store.resume("../../etc/passwd", 2, LEASE)).isInstanceOf(ResumeOutcome.NotFound.class);
        assertThat(store.resume(null, 2, LEASE)).isInstanceOf(ResumeOutcome.NotFound.class);
        clock.advance(Duration.ofDays(8));
        assertThat(store.resume(c.token(), 2, LEASE)).isInstanceOf(ResumeOutcome.NotFound.class);
    }

    @Test
    void largeState_livesInBlobsAndIsCleanedUp() {
        ContinuationStore store = aws.storage(StoreSettings.defaults().withClock(clock).withInlineJsonLimitBytes(512))
                .continuations();
        List<String> frontier = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            frontier.add("\"http://127.0.0.1:8080/archive?page=" + i + "\"");
        }
        Json big = Json.parse("{\"frontier\":[" + String.join(",", frontier) + "]}");
        Continuation c = store.start("run-1", "crawl", "hubArchiveCrawl", big);
        ResumeOutcome.Resumed r2 = (ResumeOutcome.Resumed) store.resume(c.token(), 2, LEASE);
        Continuation third = store.checkpoint(r2.lease(), big);
        assertThat(stateBlobs()).hasSize(1);
        ResumeOutcome.Resumed r3 = (ResumeOutcome.Resumed) store.resume(third.token(), 3, LEASE);

        store.complete(r3.lease());

        assertThat(r2.state()).isEqualTo(big);
        assertThat(r3.state()).isEqualTo(big);
        assertThat(stateBlobs()).isEmpty();
    }

    private List<?> stateBlobs() {
        return aws.storage().blobs().list(BlobKeys.CONTINUATIONS_PREFIX, PageRequest.first(100)).items();
    }
}

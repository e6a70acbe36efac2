package io.crawlseq.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlseq.localstack.LocalAwsExtension;
import io.crawlseq.localstack.MutableClock;
import io.crawlseq.store.ClaimOutcome;
import io.crawlseq.store.DeploymentRecord;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.S3Sequencer;
import io.crawlseq.store.SequenceRegistry;
import io.crawlseq.store.SequenceRegistry.LostLeaseException;
import io.crawlseq.store.SequenceSource;
import io.crawlseq.store.SequenceState;
import io.crawlseq.store.StoreSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SequenceRegistryTest {

    @RegisterExtension
    final LocalAwsExtension aws = new LocalAwsExtension();

    private static final Duration LEASE = Duration.ofMinutes(2);
    private final MutableClock clock = new MutableClock(Instant.parse("2099-06-01T09:00:00Z"));

    private SequenceRegistry registry() {
        return aws.storage(StoreSettings.defaults().withClock(clock)).registry();
    }

    private static SequenceSource upload(String sequencer, char hashFill) {
        return new SequenceSource("sequences-bucket", "sequences/guardian.yaml", Optional.of("v-" + sequencer),
                S3Sequencer.of(sequencer), String.valueOf(hashFill).repeat(64));
    }

    private DeploymentRecord deployed(SequenceSource source) {
        return DeploymentRecord.deployed("guardian", source, "arn:aws:states:us-east-1:1:stateMachine:guardian",
                Optional.of("rate(1 day)"), 0, clock.instant());
    }

    private SequenceState deploy(SequenceRegistry registry, SequenceSource source) {
        ClaimOutcome.Claimed claimed = (ClaimOutcome.Claimed) registry.claim("guardian", source, "test", LEASE);
        return registry.complete(claimed.lease(), deployed(source));
    }

    @Test
    void claim_firstUploadIsClaimedAndCompletesAsCurrent() {
        SequenceRegistry registry = registry();
        SequenceSource v1 = upload("0062E8A1B2C3D4E5F6", 'a');

        ClaimOutcome outcome = registry.claim("guardian", v1, "deployer", LEASE);
        SequenceState state = registry.complete(((ClaimOutcome.Claimed) outcome).lease(), deployed(v1));

        assertThat(((ClaimOutcome.Claimed) outcome).current()).isEmpty();
        assertThat(state.deployed()).contains(deployed(v1));
        assertThat(state.latest()).isEqualTo(deployed(v1));
        assertThat(registry.state("guardian")).contains(state);
    }

    @Test
    void claim_duplicateEventIsRecognised() {
        SequenceRegistry registry = registry();
        SequenceSource v1 = upload("0062E8A1B2C3D4E5F6", 'a');
        SequenceState state = deploy(registry, v1);

        assertThat(registry.claim("guardian", v1, "deployer", LEASE)).isEqualTo(new ClaimOutcome.Duplicate(state));
    }

    @Test
    void claim_olderUploadArrivingLateIsSuperseded() {
        SequenceRegistry registry = registry();
        SequenceSource older = upload("0062E8A1B2C3D4E5F6", 'a');
        SequenceSource newer = upload("0062E8A1B2C3D4E5F7", 'b');
        SequenceState state = deploy(registry, newer);

        assertThat(registry.claim("guardian", older, "deployer", LEASE)).isEqualTo(new ClaimOutcome.Superseded(state));
        assertThat(registry.state("guardian").orElseThrow().deployed()).contains(deployed(newer));
    }

    @Test
    void claim_sequencersCompareAsNumbersWhateverTheirLength() {
        SequenceRegistry registry = registry();
        deploy(registry, upload("FF", 'a'));

        assertThat(registry.claim("guardian", upload("0FF", 'b'), "d", LEASE)).isInstanceOf(ClaimOutcome.Duplicate.class);
        assertThat(registry.claim("guardian", upload("FE", 'b'), "d", LEASE)).isInstanceOf(ClaimOutcome.Superseded.class);
        assertThat(registry.claim("guardian", upload("100", 'b'), "d", LEASE)).isInstanceOf(ClaimOutcome.Claimed.class);
    }

    @Test
    void claim_isBusyWhileAnotherDeploymentHoldsTheLeaseThenSucceedsAfterExpiry() {
        SequenceRegistry registry = registry();
        SequenceSource first = upload("10", 'a');
        SequenceSource second = upload("11", 'b');
        ClaimOutcome.Claimed held = (ClaimOutcome.Claimed) registry.claim("guardian", first, "crashing", LEASE);

        ClaimOutcome busy = registry.claim("guardian", second, "deployer", LEASE);
        clock.advance(LEASE.plusSeconds(1));
        ClaimOutcome later = registry.claim("guardian", second, "deployer", LEASE);

        assertThat(busy).isEqualTo(new ClaimOutcome.Busy(S3Sequencer.of("10"), held.lease().until()));
        assertThat(later).isInstanceOf(ClaimOutcome.Claimed.class);
        assertThatThrownBy(() -> registry.complete(held.lease(), deployed(first))).isInstanceOf(LostLeaseException.class);
    }

    @Test
    void release_letsTheSameUploadBeClaimedAgain() {
        SequenceRegistry registry = registry();
        SequenceSource v1 = upload("10", 'a');
        ClaimOutcome.Claimed failed = (ClaimOutcome.Claimed) registry.claim("guardian", v1, "deployer", LEASE);

        registry.release(failed.lease());

        assertThat(registry.claim("guardian", v1, "deployer", LEASE)).isInstanceOf(ClaimOutcome.Claimed.class);
    }

    @Test
    void complete_invalidUploadKeepsTheDeployedVersionRunning() {
        SequenceRegistry registry = registry();
        SequenceSource good = upload("10", 'a');
        SequenceSource broken = upload("11", 'b');
        deploy(registry, good);
        ClaimOutcome.Claimed claimed = (ClaimOutcome.Claimed) registry.claim("guardian", broken, "deployer", LEASE);

        SequenceState state = registry.complete(claimed.lease(), DeploymentRecord.invalid("guardian", broken, 3,
                "sequences/guardian.yaml.diagnostics.json", clock.instant()));

        assertThat(claimed.current().orElseThrow().deployed()).contains(deployed(good));
        assertThat(state.deployed()).contains(deployed(good));
        assertThat(state.latestIsInvalid()).isTrue();
        assertThat(state.latest().diagnosticsCount()).isEqualTo(3);
        assertThat(registry.claim("guardian", good, "deployer", LEASE)).isInstanceOf(ClaimOutcome.Superseded.class);
    }

    @Test
    void complete_refusesARecordForAnotherUpload() {
        SequenceRegistry registry = registry();
        ClaimOutcome.Claimed claimed = (ClaimOutcome.Claimed) registry.claim("guardian", upload("10", 'a'), "d", LEASE);

        assertThatThrownBy(() -> registry.complete(claimed.lease(), deployed(upload("11", 'b'))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the upload");
    }

    @Test
    void historyAndList_showEveryProcessedUploadNewestFirst() {
        SequenceRegistry registry = registry();
        for (String sequencer : List.of("10", "12", "11")) {
            ClaimOutcome outcome = registry.claim("guardian", upload(sequencer, 'a'), "d", LEASE);
            if (outcome instanceof ClaimOutcome.Claimed c) {
                registry.complete(c.lease(), deployed(upload(sequencer, 'a')));
            }
        }
        SequenceSource bbc = new SequenceSource("b", "sequences/bbc.json", Optional.empty(), S3Sequencer.of("1"),
                "c".repeat(64));
        ClaimOutcome.Claimed c = (ClaimOutcome.Claimed) registry.claim("bbc", bbc, "d", LEASE);
        registry.complete(c.lease(), DeploymentRecord.deployed("bbc", bbc, "arn:bbc", Optional.empty(), 1, clock.instant()));

        assertThat(registry.history("guardian", PageRequest.first(10)).items())
                .extracting(r -> r.source().sequencer().value()).containsExactly("12", "10");
        assertThat(registry.list()).extracting(SequenceState::sequenceName).containsExactly("bbc", "guardian");
    }

    @Test
    void concurrentDeployers_neverDeployAnOlderUploadAfterANewerOne() throws Exception {
        SequenceRegistry registry = registry();
        Random random = new Random(20250301);
        List<SequenceSource> events = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            SequenceSource source = upload(Integer.toHexString(0x100 + i).toUpperCase(), 'a');
            events.add(source);
            if (random.nextBoolean()) {
                events.add(source); // S3 delivers some events twice
            }
        }
        Collections.shuffle(events, random);
        ConcurrentLinkedQueue<SequenceSource> queue = new ConcurrentLinkedQueue<>(events);
        ConcurrentLinkedQueue<S3Sequencer> deployOrder = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(pool.submit(() -> {
                start.await();
                SequenceSource event;
                while ((event = queue.poll()) != null) {
                    ClaimOutcome outcome = registry.claim("guardian", event, "worker", LEASE);
                    if (outcome instanceof ClaimOutcome.Claimed claimed) {
                        deployOrder.add(event.sequencer()); // "deploying" happens while the lease is held
                        registry.complete(claimed.lease(), deployed(event));
                    } else if (outcome instanceof ClaimOutcome.Busy) {
                        queue.add(event); // the Lambda retries a busy event later
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();

        List<S3Sequencer> deployed = new ArrayList<>(deployOrder);
        assertThat(deployed).isSorted().doesNotHaveDuplicates();
        assertThat(deployed).isNotEmpty();
        S3Sequencer newest = events.stream().map(SequenceSource::sequencer).max(S3Sequencer::compareTo).orElseThrow();
        assertThat(deployed.get(deployed.size() - 1)).isEqualTo(newest);
        assertThat(registry.state("guardian").orElseThrow().latest().source().sequencer()).isEqualTo(newest);
    }
}

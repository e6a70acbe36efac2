package io.crawlseq.engine;

import io.crawlseq.engine.asl.Retrier;
import io.crawlseq.engine.internal.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "States.ALL, Custom, false, true",
            "States.ALL, States.Timeout, false, true",
            "States.ALL, States.Runtime, true, false",
            "States.ALL, States.DataLimitExceeded, true, false",
            "States.DataLimitExceeded, States.DataLimitExceeded, true, true",
            "States.TaskFailed, Custom, false, true",
            "States.TaskFailed, States.Timeout, false, false",
            "States.Timeout, States.Timeout, false, true",
            "Custom, custom, false, false",
    })
    void errorEquals_matchesAsAwsDocuments(String pattern, String error, boolean terminal, boolean matches) {
        assertThat(RetryPolicy.matches(List.of(pattern), error, terminal)).isEqualTo(matches);
    }

    @Test
    void delay_growsByTheBackoffRateAndStopsAtMaxDelay() {
        Retrier retrier = new Retrier(List.of("E"), 2, 10, 3.0, 50, Retrier.JitterStrategy.NONE);
        Random random = new Random(1);
        assertThat(List.of(0, 1, 2, 3, 9).stream().map(attempt -> RetryPolicy.delay(retrier, attempt, random)))
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(18), Duration.ofSeconds(50),
                        Duration.ofSeconds(50));
    }

    /** Property: full jitter stays within [0, backoff) and is reproducible from the seed. */
    @Test
    void fullJitter_staysBelowTheBackoffAndRepeatsWithTheSeed() {
        Random seeds = new Random(20260102);
        for (int round = 0; round < 200; round++) {
            int interval = 1 + seeds.nextInt(10);
            double rate = 1 + seeds.nextDouble() * 3;
            int attempt = seeds.nextInt(6);
            Retrier retrier = new Retrier(List.of("E"), interval, 10, rate, null, Retrier.JitterStrategy.FULL);
            long seed = seeds.nextLong();
            Duration first = RetryPolicy.delay(retrier, attempt, new Random(seed));
            Duration again = RetryPolicy.delay(retrier, attempt, new Random(seed));
            double cap = interval * Math.pow(rate, attempt);
            assertThat(first).isEqualTo(again);
            assertThat(first.toNanos() / 1e9).isBetween(0.0, cap);
        }
    }
}

package io.crawlseq.engine.internal;

import io.crawlseq.engine.ErrorNames;
import io.crawlseq.engine.asl.Retrier;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/** Which retrier or catcher an error matches, and how long to wait before a retry. */
public final class RetryPolicy {

    private RetryPolicy() {
    }

    /**
     * ErrorEquals matching. States.ALL matches every error but the terminal ones (States.Runtime,
     * States.DataLimitExceeded), States.TaskFailed every error but those and States.Timeout; a terminal
     * error is only matched by its own name.
     */
    public static boolean matches(List<String> errorEquals, String error, boolean terminal) {
        for (String name : errorEquals) {
            if (name.equals(error)) {
                return true;
            }
            if (terminal) {
                continue;
            }
            if (name.equals(ErrorNames.ALL)
                    || name.equals(ErrorNames.TASK_FAILED) && !ErrorNames.TIMEOUT.equals(error)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The pause before retry number {@code previousRetries + 1} of this retrier: IntervalSeconds times
     * BackoffRate to the power of the retries already made, capped at MaxDelaySeconds, then with FULL
     * jitter a uniformly random part of it.
     */
    public static Duration delay(Retrier retrier, int previousRetries, Random random) {
        double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), previousRetries);
        if (retrier.maxDelaySeconds() != null) {
            seconds = Math.min(seconds, retrier.maxDelaySeconds());
        }
        if (retrier.jitterStrategy() == Retrier.JitterStrategy.FULL) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2.0));
    }
}

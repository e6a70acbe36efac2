package io.crawlseq.functions.control;

import io.crawlseq.store.blob.BlobKeys;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the deployer names what it creates. State machines and schedules carry the project's prefix
 * ({@value #ENVIRONMENT_VARIABLE}, e.g. {@code crawlseq-}), so IAM policies can be scoped to
 * {@code stateMachine:crawlseq-*} and two stacks in one account never collide; the sequence name
 * follows. Step Functions allows 80 characters per state machine name and EventBridge Scheduler 64
 * per schedule name; a longer name keeps its start and gets a hash of the whole, so distinct
 * sequences keep distinct names.
 */
public record ProjectNames(String prefix) {

    public static final String ENVIRONMENT_VARIABLE = "CRAWLSEQ_NAME_PREFIX";
    public static final int MAX_STATE_MACHINE_NAME = 80;
    public static final int MAX_SCHEDULE_NAME = 64;
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int HASH_CHARS = 8;

    public ProjectNames {
        if (!PREFIX.matcher(Objects.requireNonNull(prefix, "prefix")).matches()) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " must be 1-32 letters, digits, '-' or '_': '"
                    + prefix + "'");
        }
    }

    public String stateMachineName(String sequenceName) {
        return fit(prefix + sequenceName, MAX_STATE_MACHINE_NAME);
    }

    public String scheduleName(String sequenceName) {
        return fit(prefix + sequenceName, MAX_SCHEDULE_NAME);
    }

    /**
     * The sequence a state machine of this project runs, read back from its name: empty when the
     * machine is not the project's. A name shortened to fit gives its shortened form.
     */
    public Optional<String> sequenceOf(String stateMachineName) {
        if (!stateMachineName.startsWith(prefix) || stateMachineName.length() == prefix.length()) {
            return Optional.empty();
        }
        return Optional.of(stateMachineName.substring(prefix.length()));
    }

    private static String fit(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        String hash = BlobKeys.sha256Hex(name.getBytes(StandardCharsets.UTF_8)).substring(0, HASH_CHARS);
        return name.substring(0, max - HASH_CHARS - 1) + "-" + hash;
    }
}

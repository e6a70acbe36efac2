package io.crawlseq.functions.control;

import io.crawlseq.store.blob.BlobKeys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Run ids: {@code 20261121-030000-3fa9c1}, sorting by start time, valid as execution names (the
 * run id is the execution name, so an execution and its run record find each other), the same form
 * {@code crawl-sequence run} uses. A scheduled run's id is derived from the sequence and the
 * scheduled time, so a repeated delivery of one firing yields the same id and Step Functions' name
 * uniqueness turns the second start into a no-op.
 */
public final class RunIds {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.~-]{1,80}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    public static String random(Instant now) {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return TIME.format(now) + "-" + HexFormat.of().formatHex(bytes);
    }

    public static String scheduled(String sequence, Instant scheduledTime) {
        String hash = BlobKeys.sha256Hex((sequence + "@" + scheduledTime).getBytes(StandardCharsets.UTF_8));
        return TIME.format(scheduledTime) + "-" + hash.substring(0, 8);
    }

    public static boolean isValid(String runId) {
        return VALID.matcher(runId).matches();
    }
}

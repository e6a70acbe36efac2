package io.crawlseq.store.blob;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place that lays out blob keys. Prefixes:
 * <ul>
 *   <li>{@code pages/sha256/<2 hex>/<64 hex>} page bodies, content-addressed so equal bodies are stored once</li>
 *   <li>{@code runs/<runId>/steps/<stepId>/<invocation>/<name>.json} full result lists of a step</li>
 *   <li>{@code runs/<runId>/values/<sha256>.json} JSON values too large for a table item</li>
 *   <li>{@code continuations/<token>/<invocation>-<write id>.json} large continuation states</li>
 *   <li>{@code <sequence key>.diagnostics.json} diagnostics report next to an uploaded sequence</li>
 * </ul>
 * An S3 lifecycle rule on {@code runs/} with the run retention keeps blobs in step with the tables' TTL.
 */
public final class BlobKeys {

    public static final String PAGES_PREFIX = "pages/sha256/";
    public static final String RUNS_PREFIX = "runs/";
    public static final String CONTINUATIONS_PREFIX = "continuations/";
    public static final String DIAGNOSTICS_SUFFIX = ".diagnostics.json";

    /** S3 lists keys in UTF-8 byte order; local listings use the same order. */
    static final Comparator<String> UTF8_ORDER = (a, b) -> java.util.Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private BlobKeys() {
    }

    /** The content-addressed key of a page body. */
    public static BlobKey pageBody(byte[] body) {
        return pageBodyForDigest(sha256Hex(body));
    }

    public static BlobKey pageBodyForDigest(String sha256Hex) {
        String digest = sha256Hex.toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(digest).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256Hex);
        }
        return BlobKey.of(PAGES_PREFIX + digest.substring(0, 2) + "/" + digest);
    }

    /** Where a step keeps the complete version of a list its envelope caps (e.g. {@code hubs}). */
    public static BlobKey stepOutput(String runId, String stepId, int invocation, String name) {
        return BlobKey.of(RUNS_PREFIX + segment(runId) + "/steps/" + segment(stepId) + "/" + invocation + "/"
                + segment(name) + ".json");
    }

    /** Prefix of every blob of a run. */
    public static String runPrefix(String runId) {
        return RUNS_PREFIX + segment(runId) + "/";
    }

    /** A large JSON value of a run, content-addressed. */
    public static BlobKey runValue(String runId, String sha256Hex) {
        return BlobKey.of(runPrefix(runId) + "values/" + sha256Hex + ".json");
    }

    /**
     * A large continuation state. {@code writeId} makes every write's key unique, so a writer that loses
     * the race can delete its own blob without touching the winner's.
     */
    public static BlobKey continuationState(String token, int invocation, String writeId) {
        return BlobKey.of(CONTINUATIONS_PREFIX + segment(token) + "/" + invocation + "-" + segment(writeId) + ".json");
    }

    /** The diagnostics report the deployer writes next to an uploaded sequence. */
    public static BlobKey diagnosticsReport(String sequenceKey) {
        return BlobKey.of(sequenceKey + DIAGNOSTICS_SUFFIX);
    }

    /**
     * Whether an uploaded key is a diagnostics report. The deployer must skip these: a report ends in
     * {@code .json} and lands under the sequences prefix, so it triggers the deployer's own S3 event.
     */
    public static boolean isDiagnosticsReport(String key) {
        return key.endsWith(DIAGNOSTICS_SUFFIX);
    }

    /**
     * Makes arbitrary text one safe key segment: percent-encodes {@code %}, {@code /}, backslash and control
     * characters, and a segment that is only dots.
     */
    public static String segment(String text) {
        if (text.isEmpty()) {
            return "%";
        }
        if (text.chars().allMatch(c -> c == '.')) {
            return "%2E".repeat(text.length());
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '/' || c == '\\' || Character.isISOControl(c) || Character.isSurrogate(c)
                    && !isPairedSurrogate(text, i)) {
                out.append(c <= 0xFF ? String.format("%%%02X", (int) c) : String.format("%%u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static boolean isPairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}

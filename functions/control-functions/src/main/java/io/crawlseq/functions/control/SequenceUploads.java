package io.crawlseq.functions.control;

import io.crawlseq.lang.parse.SourceFormat;
import io.crawlseq.store.blob.BlobKeys;
import java.util.Locale;
import java.util.Objects;

/**
 * Which objects of the sequences bucket are sequence uploads: {@code .json}, {@code .yaml} and
 * {@code .yml} keys under the prefix ({@value #ENVIRONMENT_VARIABLE}, e.g. {@code sequences/}), except
 * the diagnostics reports the deployer itself writes there. The bucket notification filters on the
 * same prefix and suffixes; checking again here keeps a misconfigured trigger, or a report landing
 * under the prefix, from looping.
 */
public record SequenceUploads(String prefix) {

    public static final String ENVIRONMENT_VARIABLE = "SEQUENCES_PREFIX";
    public static final String DEFAULT_PREFIX = "sequences/";
    private static final int MAX_NAME = 80;

    /** What the deployer does with an uploaded key. */
    public enum Verdict {
        SEQUENCE, OUTSIDE_PREFIX, NOT_A_SEQUENCE_FILE, DIAGNOSTICS_REPORT
    }

    public SequenceUploads {
        Objects.requireNonNull(prefix, "prefix");
    }

    public Verdict classify(String key) {
        if (!key.startsWith(prefix)) {
            return Verdict.OUTSIDE_PREFIX;
        }
        if (BlobKeys.isDiagnosticsReport(key)) {
            return Verdict.DIAGNOSTICS_REPORT;
        }
        return SourceFormat.ofFileName(key.toLowerCase(Locale.ROOT)).isPresent() ? Verdict.SEQUENCE
                : Verdict.NOT_A_SEQUENCE_FILE;
    }

    /** The file name part of a key: {@code sequences/team/guardian.yaml} gives {@code guardian.yaml}. */
    public static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /**
     * The sequence name a file stands for when its document names none (v1 arrays) or cannot be read:
     * the file's base name with every character a state machine name does not allow replaced by
     * {@code -}, at most 80 characters.
     */
    public static String defaultSequenceName(String key) {
        String file = fileName(key);
        int dot = file.lastIndexOf('.');
        String base = dot > 0 ? file.substring(0, dot) : file;
        String name = base.replaceAll("[^A-Za-z0-9_-]", "-");
        if (name.isEmpty()) {
            name = "sequence";
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }
}

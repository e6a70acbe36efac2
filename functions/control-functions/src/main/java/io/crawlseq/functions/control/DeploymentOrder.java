package io.crawlseq.functions.control;

import io.crawlseq.store.S3Sequencer;
import io.crawlseq.store.SequenceSource;

/**
 * The order the registry deploys uploads of one sequence in. S3's {@code sequencer} orders events of
 * one object key only, while the registry is keyed by sequence name, and a sequence may move to
 * another key (a file renamed in git and uploaded again). Each sequence therefore has an
 * <em>ownership epoch</em>: the key that owns the name uploads in the current epoch, and a new key
 * taking the name over (only once the old key's object is gone) starts the next epoch. The
 * registry's sequencer is the epoch (8 hex digits) followed by S3's sequencer (56 digits), so any
 * upload of a later epoch orders after every upload of an earlier one, and within one epoch S3's
 * own order holds. Epoch 0 is S3's sequencer unchanged.
 */
public final class DeploymentOrder {

    static final int EPOCH_DIGITS = 8;
    static final int SEQUENCER_DIGITS = S3Sequencer.MAX_DIGITS - EPOCH_DIGITS;

    private DeploymentOrder() {
    }

    /** The epoch a stored sequencer belongs to. */
    public static long epochOf(S3Sequencer stored) {
        return Long.parseLong(stored.sortable().substring(0, EPOCH_DIGITS), 16);
    }

    /** The registry sequencer of an S3 event in {@code epoch}. */
    public static S3Sequencer inEpoch(long epoch, S3Sequencer fromS3) {
        String raw = fromS3.value();
        if (raw.length() > SEQUENCER_DIGITS || epoch == 0) {
            return fromS3;
        }
        String digits = String.format("%0" + EPOCH_DIGITS + "X", epoch)
                + "0".repeat(SEQUENCER_DIGITS - raw.length()) + raw;
        return S3Sequencer.fromSortable(digits);
    }

    /** The S3 sequencer inside a registry sequencer (for reports and logs). */
    public static String s3Part(S3Sequencer stored) {
        return S3Sequencer.fromSortable(stored.sortable().substring(EPOCH_DIGITS)).value();
    }

    static boolean sameObject(SequenceSource a, String bucket, String key) {
        return a.bucket().equals(bucket) && a.key().equals(key);
    }
}

package io.crawlseq.crawler.frontier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A set of 64-bit URL fingerprints (first 8 bytes of SHA-256): the frontier's "seen" set. Eight
 * bytes per URL instead of the URL, and it exports as one base64 string. With a million URLs the
 * chance of any collision is about 3 in 100 million.
 */
public final class Fingerprints {

    private long[] table = new long[1 << 10];
    private int size;
    private boolean hasZero;

    public static long of(String url) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Adds; returns false when already present. */
    public boolean add(long fingerprint) {
        if (fingerprint == 0) {
            if (hasZero) {
                return false;
            }
            hasZero = true;
            size++;
            return true;
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = mix(fingerprint) & mask;
        while (table[i] != 0) {
            if (table[i] == fingerprint) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = fingerprint;
        size++;
        return true;
    }

    public boolean contains(long fingerprint) {
        if (fingerprint == 0) {
            return hasZero;
        }
        int mask = table.length - 1;
        int i = mix(fingerprint) & mask;
        while (table[i] != 0) {
            if (table[i] == fingerprint) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int n = size - (hasZero ? 1 : 0);
        size = hasZero ? 1 : 0;
        for (long v : old) {
            if (v != 0) {
                add(v);
            }
        }
        assert size - (hasZero ? 1 : 0) == n;
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** Sorted fingerprints as base64 of big-endian longs (stable for equal sets). */
    public String export() {
        long[] values = new long[size];
        int n = 0;
        if (hasZero) {
            values[n++] = 0;
        }
        for (long v : table) {
            if (v != 0) {
                values[n++] = v;
            }
        }
        Arrays.sort(values);
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8);
        for (long v : values) {
            buffer.putLong(v);
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    /** Reads {@link #export()}; malformed input is an {@link IllegalArgumentException}. */
    public static Fingerprints restore(String exported) {
        byte[] bytes = Base64.getDecoder().decode(exported);
        if (bytes.length % 8 != 0) {
            throw new IllegalArgumentException("fingerprint data is not a whole number of longs");
        }
        Fingerprints f = new Fingerprints();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            f.add(buffer.getLong());
        }
        return f;
    }
}

package io.crawlseq.lang.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Readable, unique ASL state names of at most 80 characters. Only letters, digits, space, {@code _},
 * {@code -} and {@code .} are used, so names are safe in CloudWatch log filters and console URLs.
 */
final class StateNames {

    static final int MAX_LENGTH = 80;

    private final Set<String> used = new HashSet<>();

    /** Reserves {@code wanted} (sanitised, shortened when needed). Asking twice for one name is a compiler bug. */
    String claim(String wanted) {
        String name = shorten(sanitize(wanted));
        if (!used.add(name)) {
            throw new IllegalStateException("state name generated twice: " + name);
        }
        return name;
    }

    static String sanitize(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == ' ' || c == '_' || c == '-' || c == '.';
            sb.append(safe ? c : '_');
        }
        return sb.toString();
    }

    /** Keeps the start readable and makes the end unique: {@code <prefix>~<8 hex of sha-256>}. */
    static String shorten(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        String hash = sha256Hex(name).substring(0, 8);
        return name.substring(0, MAX_LENGTH - 9) + "-" + hash;
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}

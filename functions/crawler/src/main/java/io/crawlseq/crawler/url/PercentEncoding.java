package io.crawlseq.crawler.url;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Percent-encoding helpers (RFC 3986 §2.1, §6.2.2.2). */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /** Which characters may stay literal in a component. */
    enum Component {
        PATH("!$&'()*+,;=:@/"),
        QUERY("!$&'()*+,;=:@/?");

        private final boolean[] allowed = new boolean[128];

        Component(String extra) {
            for (char c = 'a'; c <= 'z'; c++) {
                allowed[c] = true;
            }
            for (char c = 'A'; c <= 'Z'; c++) {
                allowed[c] = true;
            }
            for (char c = '0'; c <= '9'; c++) {
                allowed[c] = true;
            }
            for (char c : "-._~".toCharArray()) {
                allowed[c] = true;
            }
            for (char c : extra.toCharArray()) {
                allowed[c] = true;
            }
        }

        boolean allows(char c) {
            return c < 128 && allowed[c];
        }
    }

    static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /**
     * One canonical spelling: escapes of unreserved characters decoded, other escapes in upper-case
     * hex, a {@code %} not followed by two hex digits escaped as {@code %25}, and characters that may
     * not appear literally (space, quotes, non-ASCII as UTF-8, ...) escaped.
     */
    static String normalise(String s, Component component) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            String replacement = null;
            int consumed = 1;
            if (c == '%') {
                if (i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                    int value = Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16);
                    consumed = 3;
                    String upper = "%" + HEX[value >> 4] + HEX[value & 15];
                    replacement = isUnreserved(value) ? String.valueOf((char) value) : upper;
                    if (replacement.equals(s.substring(i, i + 3))) {
                        replacement = null;
                    }
                } else {
                    replacement = "%25";
                }
            } else if (!component.allows(c)) {
                int cp = s.codePointAt(i);
                consumed = Character.charCount(cp);
                if (Character.isSurrogate(c) && consumed == 1) {
                    cp = 0xFFFD;
                }
                replacement = encode(new String(Character.toChars(cp)));
            }
            if (replacement != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(s, i, i + consumed);
                }
            }
            i += consumed;
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Percent-encodes every byte of the UTF-8 form. */
    static String encode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            sb.append('%').append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
        }
        return sb.toString();
    }

    /** Decodes every valid escape (for display or matching, never for URLs sent out). */
    public static String decodeAll(String s, Charset charset) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(charset);
                out.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        return out.toString(charset);
    }
}

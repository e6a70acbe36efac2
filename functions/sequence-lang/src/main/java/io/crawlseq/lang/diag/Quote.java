package io.crawlseq.lang.diag;

/**
 * Quotes user text for a diagnostic message: single quotes, control characters escaped, and long
 * text shortened, so a 4 MB string or a NUL byte can never blow up or garble a report.
 */
public final class Quote {

    /** Longest text quoted in full. */
    public static final int MAX_QUOTED = 60;

    private Quote() {
    }

    public static String of(String text) {
        return "'" + shorten(text) + "'";
    }

    /** The text with control characters escaped, cut to {@link #MAX_QUOTED} code points plus "...". */
    public static String shorten(String text) {
        StringBuilder sb = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (count == MAX_QUOTED) {
                sb.append("...");
                break;
            }
            if (cp < 0x20 || cp == 0x7f) {
                sb.append(switch (cp) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04X", cp);
                });
            } else {
                sb.appendCodePoint(cp);
            }
            count++;
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}

package io.crawlseq.crawler.url;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A query string as an ordered list of {@code name[=value]} pieces, kept in their encoded form. */
record QueryParameters(List<String> pieces) {

    static QueryParameters parse(String query) {
        List<String> pieces = new ArrayList<>();
        for (String piece : query.split("&")) {
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
        }
        return new QueryParameters(pieces);
    }

    /** The decoded name of a piece, for matching ({@code utm%5Fsource} is {@code utm_source}). */
    static String decodedName(String piece) {
        int eq = piece.indexOf('=');
        String name = eq < 0 ? piece : piece.substring(0, eq);
        return PercentEncoding.decodeAll(name.replace('+', ' '), StandardCharsets.UTF_8);
    }

    String format() {
        return String.join("&", pieces);
    }
}

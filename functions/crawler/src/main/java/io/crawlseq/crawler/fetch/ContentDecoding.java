package io.crawlseq.crawler.fetch;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Streaming decoders for Content-Encoding (gzip, deflate, br, and stacks of them). Decoding is
 * pulled by the reader, so a compression bomb inflates only as far as the reader's byte cap.
 */
final class ContentDecoding {

    /** What we send as Accept-Encoding: exactly what {@link #wrap} can decode. */
    static final String ACCEPT_ENCODING = "gzip, deflate, br";

    private ContentDecoding() {
    }

    /** Thrown for an encoding we did not offer and cannot decode. */
    static final class UnsupportedEncoding extends IOException {
        UnsupportedEncoding(String encoding) {
            super("unsupported Content-Encoding '" + encoding + "'");
        }
    }

    /** Wraps {@code raw} in decoders for the header value, applied in reverse order of listing. */
    static InputStream wrap(InputStream raw, String contentEncoding) throws IOException {
        if (contentEncoding == null || contentEncoding.isBlank()) {
            return raw;
        }
        List<String> codings = new ArrayList<>();
        for (String part : contentEncoding.split(",")) {
            String coding = part.strip().toLowerCase(Locale.ROOT);
            if (!coding.isEmpty() && !coding.equals("identity")) {
                codings.add(coding);
            }
        }
        InputStream in = raw;
        for (int i = codings.size() - 1; i >= 0; i--) {
            in = decoder(in, codings.get(i));
        }
        return in;
    }

    private static InputStream decoder(InputStream in, String coding) throws IOException {
        return switch (coding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(in, 8192);
            case "br" -> new BrotliInputStream(in);
            case "deflate" -> deflate(in);
            default -> throw new UnsupportedEncoding(coding);
        };
    }

    /** "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate; the header byte tells. */
    private static InputStream deflate(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 8192);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
        return new InflaterInputStream(buffered, new Inflater(!zlib), 8192);
    }

    /** Counts bytes read through it. */
    static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}

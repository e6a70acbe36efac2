package io.crawlseq.crawler.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Routes for the {@link LoopbackServer}: ordinary pages and every misbehaviour a crawler must survive. */
public final class Responses {

    private Responses() {
    }

    /** A complete response with a fixed body; add headers with {@link #header}. */
    public static final class Response implements Route {
        private final int status;
        private final byte[] body;
        private final List<String[]> headers = new ArrayList<>();

        Response(int status, String contentType, byte[] body) {
            this.status = status;
            this.body = body;
            if (contentType != null) {
                headers.add(new String[] {"Content-Type", contentType});
            }
        }

        public Response header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        @Override
        public void serve(HttpExchange exchange, LoopbackServer server) throws IOException {
            for (String[] h : headers) {
                exchange.getResponseHeaders().add(h[0], h[1]);
            }
            boolean noBody = exchange.getRequestMethod().equals("HEAD") || status == 304 || status == 204;
            exchange.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
            if (!noBody && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    public static Response html(String html) {
        return new Response(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public static Response text(String text) {
        return new Response(200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public static Response xml(String xml) {
        return new Response(200, "application/xml; charset=utf-8", xml.getBytes(StandardCharsets.UTF_8));
    }

    public static Response bytes(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body);
    }

    /** A page encoded in {@code charset}, the Content-Type given as is (may lack a charset, or lie). */
    public static Response encoded(String html, Charset charset, String contentType) {
        return new Response(200, contentType, html.getBytes(charset));
    }

    public static Response status(int status) {
        return new Response(status, "text/plain", ("status " + status).getBytes(StandardCharsets.UTF_8));
    }

    public static Response redirect(int status, String location) {
        return new Response(status, "text/html", new byte[0]).header("Location", location);
    }

    /** Body gzip-compressed, sent with Content-Encoding: gzip. */
    public static Response gzip(String contentType, byte[] raw) {
        return new Response(200, contentType, gzipBytes(raw)).header("Content-Encoding", "gzip");
    }

    /** Body deflate-compressed (zlib-wrapped, or raw deflate as some servers send). */
    public static Response deflate(String contentType, byte[] raw, boolean zlibWrapped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, !zlibWrapped))) {
            d.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Response(200, contentType, out.toByteArray()).header("Content-Encoding", "deflate");
    }

    /** A body from a test resource, sent with the given Content-Encoding (brotli files are made offline). */
    public static Response resource(String contentType, String resource, String contentEncoding) {
        Response r = new Response(200, contentType, resourceBytes(resource));
        return contentEncoding == null ? r : r.header("Content-Encoding", contentEncoding);
    }

    /** {@code uncompressedBytes} zero bytes, gzip-compressed: a bomb (100 MiB is ~100 KiB on the wire). */
    public static Response gzipBomb(String contentType, long uncompressedBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < uncompressedBytes; written += zeros.length) {
                gz.write(zeros, 0, (int) Math.min(zeros.length, uncompressedBytes - written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Response(200, contentType, out.toByteArray()).header("Content-Encoding", "gzip");
    }

    /** Never answers (until the server closes). */
    public static Route hang() {
        return (exchange, server) -> server.awaitClosing(Long.MAX_VALUE / 2);
    }

    /** Sends headers, then one byte every {@code intervalMs}, up to {@code totalBytes}: a slow drip. */
    public static Route drip(int totalBytes, long intervalMs) {
        return (exchange, server) -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < totalBytes; i++) {
                out.write('x');
                out.flush();
                if (server.awaitClosing(intervalMs)) {
                    return;
                }
            }
            out.close();
        };
    }

    /** A streamed (chunked) HTML body of {@code bytes} bytes. */
    public static Route huge(long bytes) {
        return (exchange, server) -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "<p>padding padding padding padding padding padding padding padding</p>\n"
                    .repeat(200).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
                }
            }
        };
    }

    /** The n-th request gets the n-th route; the last one repeats. */
    public static Route sequence(Route... routes) {
        AtomicInteger calls = new AtomicInteger();
        return (exchange, server) -> {
            int n = calls.getAndIncrement();
            routes[Math.min(n, routes.length - 1)].serve(exchange, server);
        };
    }

    /** 304 when If-None-Match carries the ETag, else the page with the ETag. */
    public static Route conditional(String etag, String html) {
        return (exchange, server) -> {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (etag.equals(ifNoneMatch)) {
                new Response(304, null, new byte[0]).header("ETag", etag).serve(exchange, server);
            } else {
                html(html).header("ETag", etag).serve(exchange, server);
            }
        };
    }

    public static byte[] gzipBytes(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] resourceBytes(String resource) {
        try (InputStream in = Responses.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

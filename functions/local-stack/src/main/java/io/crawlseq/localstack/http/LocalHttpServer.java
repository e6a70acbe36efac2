package io.crawlseq.localstack.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP server on 127.0.0.1 for the local AWS endpoints (the JDK's own server, one virtual
 * thread per request). Nothing listens on other interfaces. Requests over {@value #MAX_BODY} bytes are
 * refused: AWS APIs cap request sizes too, and a local endpoint must not be made to buffer
 * unbounded input.
 */
public final class LocalHttpServer implements AutoCloseable {

    static final int MAX_BODY = 8 * 1024 * 1024;

    /** One request: method, path, decoded query parameters, lower-cased header names, body. */
    public record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                          byte[] body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        public Optional<String> queryParameter(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }
    }

    public record Response(int status, Map<String, String> headers, byte[] body) {
    }

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;

    private LocalHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @param port 0 for a free port */
    public static LocalHttpServer start(int port, Handler handler) {
        Objects.requireNonNull(handler, "handler");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, handler));
        server.start();
        return new LocalHttpServer(server, executor);
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void serve(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            Response response;
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                response = new Response(413, Map.of("Content-Type", "text/plain"),
                        "request body too large".getBytes(StandardCharsets.UTF_8));
            } else {
                Map<String, String> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                        values.isEmpty() ? "" : values.getFirst()));
                URI uri = exchange.getRequestURI();
                response = handler.handle(new Request(exchange.getRequestMethod(), uri.getRawPath() == null ? "/"
                        : URLDecoder.decode(uri.getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8),
                        query(uri.getRawQuery()), headers, body));
            }
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }
}

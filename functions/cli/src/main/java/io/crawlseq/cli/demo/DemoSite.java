package io.crawlseq.cli.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The demo news site, served from the CLI's resources ({@code demo/site/}, listed in
 * {@code index.tsv}) on a loopback port with the JDK's HTTP server. {@code {{BASE}}} in the files
 * becomes the server's own address, so robots.txt and sitemaps carry absolute URLs.
 */
public final class DemoSite implements AutoCloseable {

    private static final String ROOT = "/io/crawlseq/cli/demo/site/";

    private record Resource(byte[] body, String contentType) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Resource> byPath;

    private DemoSite(HttpServer server, ExecutorService executor, Map<String, Resource> byPath) {
        this.server = server;
        this.executor = executor;
        this.byPath = byPath;
    }

    /** Serves the site on 127.0.0.1, on {@code port} (0: a free one). */
    public static DemoSite start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        String base = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort();
        Map<String, Resource> byPath = load(base);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        DemoSite site = new DemoSite(server, executor, byPath);
        server.createContext("/", site::serve);
        server.setExecutor(executor);
        server.start();
        return site;
    }

    /** {@code http://127.0.0.1:PORT} (no trailing slash). */
    public String baseUrl() {
        return "http://" + hostPort();
    }

    /** {@code 127.0.0.1:PORT}: the allow-list entry that opens exactly this site. */
    public String hostPort() {
        return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Pages, sitemaps and robots.txt served. */
    public int size() {
        return byPath.size();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            String path = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
            Resource r = byPath.get(path);
            if (r == null && query != null) {
                r = byPath.get(exchange.getRequestURI().getRawPath());
            }
            if (r == null) {
                send(exchange, 404, "text/html; charset=utf-8",
                        "<!doctype html><title>Not found</title><h1>Not found</h1>".getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 200, r.contentType(), r.body());
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, Resource> load(String base) {
        Map<String, Resource> byPath = new HashMap<>();
        for (String line : text("index.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            String content = text(f[1]).replace("{{BASE}}", base);
            byPath.put(f[0], new Resource(content.getBytes(StandardCharsets.UTF_8), f[2]));
        }
        return Map.copyOf(byPath);
    }

    private static String text(String name) {
        try (InputStream in = DemoSite.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the demo site resource " + name + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package io.crawlseq.crawler.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 (JDK {@code HttpServer}, a free port, one virtual thread per
 * request so hanging responses never starve the others) with routes by exact path and a log of
 * every request it received. Closing it releases hanging and dripping responses at once.
 *
 * <pre>{@code
 * try (LoopbackServer server = LoopbackServer.start()) {
 *     server.route("/", Responses.html("<a href=/a>a</a>"));
 *     crawler.fetch(server.url("/"));
 *     assertThat(server.paths()).containsExactly("/robots.txt", "/");
 * }
 * }</pre>
 */
public final class LoopbackServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record RecordedRequest(String method, String pathAndQuery, Map<String, List<String>> headers, Instant at) {

        public String path() {
            int q = pathAndQuery.indexOf('?');
            return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        }

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Route fallback = Responses.status(404);
    private volatile Function<String, Route> dynamic = path -> null;
    private volatile java.util.function.ToLongFunction<String> latency = path -> 0;

    private LoopbackServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static LoopbackServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 200);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(executor);
            LoopbackServer loopback = new LoopbackServer(server, executor);
            server.createContext("/", loopback::handle);
            server.start();
            return loopback;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code 127.0.0.1:PORT}, the allow-list entry that opens this server (and nothing else). */
    public String hostPort() {
        return "127.0.0.1:" + port();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return "http://" + hostPort();
    }

    public String url(String pathAndQuery) {
        return baseUrl() + pathAndQuery;
    }

    /** Serves {@code route} for requests whose path (without query) is {@code path}. */
    public LoopbackServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Serves paths without an exact route from a function (null: the fallback). */
    public LoopbackServer dynamic(Function<String, Route> routeForPath) {
        this.dynamic = routeForPath;
        return this;
    }

    /** Delays each response by the given milliseconds for its path (responses then arrive out of order). */
    public LoopbackServer latency(java.util.function.ToLongFunction<String> millisForPath) {
        this.latency = millisForPath;
        return this;
    }

    /** The route for paths nobody serves (404 by default). */
    public LoopbackServer fallback(Route route) {
        this.fallback = route;
        return this;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Paths with query, in the order requested. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (RecordedRequest r : requests) {
            paths.add(r.pathAndQuery());
        }
        return paths;
    }

    public void clearLog() {
        requests.clear();
    }

    /** True once {@link #close()} began: long-running routes stop then. */
    public boolean awaitClosing(long millis) {
        try {
            return closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        Headers h = exchange.getRequestHeaders();
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.forEach((k, v) -> headers.put(k, List.copyOf(v)));
        requests.add(new RecordedRequest(exchange.getRequestMethod(), pathAndQuery, headers, Instant.now()));
        String path = exchange.getRequestURI().getRawPath();
        Route route = routes.get(path);
        if (route == null) {
            route = dynamic.apply(path);
        }
        if (route == null) {
            route = fallback;
        }
        long delay = latency.applyAsLong(pathAndQuery);
        if (delay > 0 && awaitClosing(delay)) {
            exchange.close();
            return;
        }
        try {
            route.serve(exchange, this);
        } catch (IOException e) {
            // the client went away (a cut response, a timeout): nothing to do
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}

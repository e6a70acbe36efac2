package io.crawlseq.crawler.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** How the {@link LoopbackServer} answers one path. */
@FunctionalInterface
public interface Route {

    void serve(HttpExchange exchange, LoopbackServer server) throws IOException;
}

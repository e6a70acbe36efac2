package io.crawlseq.localstack;

import java.net.URI;

/** The loopback address every local service binds to, so nothing is reachable from the network. */
final class Loopback {

    static final String HOST = "127.0.0.1";

    private Loopback() {
    }

    static URI endpoint(int port) {
        return URI.create("http://" + HOST + ":" + port);
    }
}

package io.crawlseq.crawler.guard;

import io.crawlseq.crawler.url.WebUrl;

/** One allow-list entry: a host (canonical form) and optionally a port (-1: any port). */
public record AllowedHost(String host, int port) {

    public boolean matches(WebUrl url) {
        return url.host().equals(host) && (port < 0 || port == url.effectivePort());
    }

    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port < 0 ? h : h + ":" + port;
    }
}

package io.crawlseq.crawler.url;

/** {@code http://host:80/} is {@code http://host/}; {@code https://host:443/} is {@code https://host/}. */
public final class DropDefaultPort implements UrlRule {

    @Override
    public String name() {
        return "drop-default-port";
    }

    @Override
    public UrlResult apply(WebUrl url) {
        return new UrlResult.Valid(url.port() == url.defaultPort() ? url.withPort(-1) : url);
    }
}

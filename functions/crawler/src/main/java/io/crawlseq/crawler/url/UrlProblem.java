package io.crawlseq.crawler.url;

/** Why a link or URL was not accepted. */
public enum UrlProblem {
    EMPTY("empty URL"),
    TOO_LONG("URL longer than the limit"),
    UNSUPPORTED_SCHEME("not an http(s) URL"),
    RELATIVE_WITHOUT_BASE("relative URL without a base URL"),
    MISSING_HOST("no host"),
    INVALID_HOST("invalid host"),
    INVALID_PORT("invalid port");

    private final String description;

    UrlProblem(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}

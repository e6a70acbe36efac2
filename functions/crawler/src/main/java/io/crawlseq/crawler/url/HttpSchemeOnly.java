package io.crawlseq.crawler.url;

/** Refuses anything but http and https (the parser already does; kept so custom chains stay safe). */
public final class HttpSchemeOnly implements UrlRule {

    @Override
    public String name() {
        return "http-scheme-only";
    }

    @Override
    public UrlResult apply(WebUrl url) {
        String scheme = url.scheme();
        if (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) {
            return new UrlResult.Valid(url);
        }
        return UrlResult.invalid(UrlProblem.UNSUPPORTED_SCHEME, url.toString(), scheme + ":");
    }
}

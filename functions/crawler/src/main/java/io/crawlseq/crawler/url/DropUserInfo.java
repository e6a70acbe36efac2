package io.crawlseq.crawler.url;

/** Credentials in links ({@code http://user:pass@host/}) are never sent and never part of a URL's identity. */
public final class DropUserInfo implements UrlRule {

    @Override
    public String name() {
        return "drop-user-info";
    }

    @Override
    public UrlResult apply(WebUrl url) {
        return new UrlResult.Valid(url.userInfo() == null ? url : url.withUserInfo(null));
    }
}

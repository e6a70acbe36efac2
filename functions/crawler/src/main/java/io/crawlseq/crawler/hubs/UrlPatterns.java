package io.crawlseq.crawler.hubs;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Path words that mark author pages, tag pages, service pages, and search/login pages. */
final class UrlPatterns {

    static final Set<String> AUTHOR_MARKERS = Set.of("author", "authors", "profile", "profiles", "people", "by",
            "byline", "contributor", "contributors", "writer", "writers", "journalist", "journalists", "correspondent",
            "correspondents", "staff", "columnist", "columnists", "reporters", "reporter");

    static final Set<String> TAG_MARKERS = Set.of("tag", "tags", "topic", "topics", "keyword", "keywords", "subject",
            "subjects", "series", "label", "labels", "theme", "themes", "hashtag");

    static final Set<String> SERVICE_PAGES = Set.of("about", "about-us", "contact", "contact-us", "contacts",
            "privacy", "privacy-policy", "privacy-settings", "cookies", "cookie-policy", "terms", "terms-and-conditions",
            "terms-of-service", "terms-of-use", "legal", "imprint", "impressum", "jobs", "careers", "work-for-us",
            "help", "faq", "faqs", "advertise", "advertising", "subscribe", "subscriptions", "subscription",
            "newsletters", "newsletter", "donate", "support-us", "membership", "shop", "store", "accessibility",
            "sitemap", "site-map", "rss", "feeds", "corrections", "complaints", "editorial-guidelines", "ethics",
            "app", "apps", "mobile-apps", "podcasts-feed", "press", "media-centre", "modern-slavery-statement");

    static final Set<String> SEARCH_LOGIN = Set.of("search", "login", "log-in", "signin", "sign-in", "signup",
            "sign-up", "register", "registration", "account", "my-account", "logout", "auth", "profile-settings",
            "preferences", "settings", "checkout", "cart", "password", "reset-password");

    private UrlPatterns() {
    }

    static boolean hasMarker(List<String> segments, Set<String> markers) {
        for (int i = 0; i < segments.size() - 1; i++) {
            if (markers.contains(segments.get(i).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    static boolean anyIn(List<String> segments, Set<String> words) {
        for (String s : segments) {
            if (words.contains(s.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}

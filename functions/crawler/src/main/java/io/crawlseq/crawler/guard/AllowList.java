package io.crawlseq.crawler.guard;

import io.crawlseq.crawler.url.CanonicalHost;
import io.crawlseq.crawler.url.UrlResult;
import io.crawlseq.crawler.url.WebUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hosts the SSRF guard lets through even though they resolve to loopback, private or other
 * non-public addresses: local fixture servers, an intranet site a user explicitly targets. Entries
 * are {@code HOST[:PORT]} ({@code 127.0.0.1:8123}, {@code intranet.example}, {@code [::1]:9000});
 * without a port every port of the host is open. Only the named hosts open: an entry
 * {@code 127.0.0.1:8123} does not open {@code localhost:8123}.
 */
public record AllowList(List<AllowedHost> entries) {

    /** The environment variable the Lambdas and the CLI read (comma-separated entries). */
    public static final String ENVIRONMENT_VARIABLE = "CRAWLSEQ_ALLOW_HOSTS";

    public static final AllowList NONE = new AllowList(List.of());

    public AllowList {
        entries = List.copyOf(entries);
    }

    /** The result of parsing entries: what was understood and a message per entry that was not. */
    public record Parsed(AllowList allowList, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public boolean allows(WebUrl url) {
        for (AllowedHost entry : entries) {
            if (entry.matches(url)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** A new list with the entries of both. */
    public AllowList plus(AllowList other) {
        List<AllowedHost> all = new ArrayList<>(entries);
        for (AllowedHost entry : other.entries) {
            if (!all.contains(entry)) {
                all.add(entry);
            }
        }
        return new AllowList(all);
    }

    /** Parses entries such as the values of repeated {@code --allow-host} options. */
    public static Parsed parse(List<String> values) {
        List<AllowedHost> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String raw : values) {
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                continue;
            }
            parseEntry(value, entries, errors);
        }
        return new Parsed(new AllowList(entries), List.copyOf(errors));
    }

    /** Parses a comma-separated list, as in {@value #ENVIRONMENT_VARIABLE}. */
    public static Parsed parse(String commaSeparated) {
        return parse(commaSeparated == null ? List.of() : List.of(commaSeparated.split(",")));
    }

    /** Reads {@value #ENVIRONMENT_VARIABLE} from the given environment (pass {@code System.getenv()}). */
    public static Parsed fromEnvironment(Map<String, String> environment) {
        return parse(environment.get(ENVIRONMENT_VARIABLE));
    }

    private static void parseEntry(String value, List<AllowedHost> entries, List<String> errors) {
        if (value.contains("/") || value.contains("@")) {
            errors.add("allow-host '" + value + "': expected HOST[:PORT], not a URL");
            return;
        }
        // Reuse the URL host rules so an entry is compared in exactly the form URLs are.
        UrlResult parsed = io.crawlseq.crawler.url.UrlParser.parse("http://" + value + "/");
        if (parsed instanceof UrlResult.Valid valid) {
            parsed = new CanonicalHost().apply(valid.url());
        }
        if (!(parsed instanceof UrlResult.Valid valid)) {
            errors.add("allow-host '" + value + "': " + ((UrlResult.Invalid) parsed).problem().description());
            return;
        }
        WebUrl url = valid.url();
        if (value.endsWith(":")) {
            errors.add("allow-host '" + value + "': empty port");
            return;
        }
        if (url.port() == 0) {
            errors.add("allow-host '" + value + "': port 0 is not a port");
            return;
        }
        AllowedHost entry = new AllowedHost(url.host(), url.port());
        if (!entries.contains(entry)) {
            entries.add(entry);
        }
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}

package io.crawlseq.lang.registry;

import java.net.URI;
import java.util.regex.Pattern;

/** Extra checks on string arguments beyond their JSON type. */
public enum ArgFormat {
    NONE("text"),
    /** Absolute http(s) URL with a host. */
    URL("absolute http(s) URL"),
    /** ISO 3166-1 alpha-2 code in upper case, e.g. {@code FR}. */
    ISO_COUNTRY("ISO 3166-1 alpha-2 country code such as FR"),
    /** A local path or an S3 key of a script. */
    SCRIPT_LOCATION("script path or S3 key");

    private static final Pattern ISO2 = Pattern.compile("[A-Z]{2}");

    private final String description;

    ArgFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True when the (non-template) value satisfies the format. */
    public boolean accepts(String value) {
        return switch (this) {
            case NONE -> true;
            case URL -> isHttpUrl(value);
            case ISO_COUNTRY -> ISO2.matcher(value).matches();
            case SCRIPT_LOCATION -> !value.isBlank() && value.length() <= 1024;
        };
    }

    public static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}

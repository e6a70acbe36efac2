package io.crawlseq.crawler.url;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The named list of query parameters that only track the visitor or the campaign and never change
 * the page: removing them merges {@code /a?utm_source=x} with {@code /a}. Matching is
 * case-insensitive on the decoded parameter name.
 */
public final class TrackingParameters {

    /** Any parameter starting with one of these. */
    public static final List<String> PREFIXES = List.of(
            "utm_",        // Google Analytics campaign tags
            "at_",         // AT Internet / Piano campaign tags (BBC: at_medium, at_campaign, ...)
            "pk_",         // Matomo/Piwik campaign tags
            "mtm_");       // Matomo campaign tags (new names)

    /** Exactly these names. */
    public static final Set<String> NAMES = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
            "li_fat_id", "igshid", "mc_cid", "mc_eid", "ref_src", "ref_url", "_ga", "_gl", "_hsenc", "_hsmi",
            "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wickedid", "cmp", "cmpid", "ocid", "smid",
            "ito", "sr_share", "s_cid", "spm", "__twitter_impression", "xtor");

    private TrackingParameters() {
    }

    public static boolean isTracking(String decodedName) {
        String name = decodedName.toLowerCase(Locale.ROOT);
        if (NAMES.contains(name)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

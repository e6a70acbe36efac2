package io.crawlseq.crawler.archive;

import io.crawlseq.crawler.page.PageAnalysis;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a page that is really "not found" says about itself while answering 200: "Page not found",
 * "No results", "Nothing here", "404". Read from the title and headings only, where sites put it;
 * a story that mentions "no results" in its text is not a missing page.
 */
public final class NotFoundText {

    private static final Pattern SAYS_MISSING = Pattern.compile(
            "\\b(?:page not found|not found|404|no results?(?: found)?|no (?:more )?(?:stories|articles|posts|entries)"
                    + "(?: found)?|nothing (?:found|here)|page (?:does not|doesn'?t|could not|couldn'?t) (?:exist|be found)"
                    + "|we couldn'?t find|sorry,? (?:we|this page)|no longer available|end of (?:the )?archive)\\b");

    private NotFoundText() {
    }

    /** The page's title, h1 or headings say it is missing or empty. */
    public static boolean saysMissing(PageAnalysis page) {
        if (matches(page.title()) || matches(page.h1())) {
            return true;
        }
        for (String heading : page.headings()) {
            if (matches(heading)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String text) {
        return text != null && !text.isBlank() && SAYS_MISSING.matcher(text.toLowerCase(Locale.ROOT)).find();
    }
}

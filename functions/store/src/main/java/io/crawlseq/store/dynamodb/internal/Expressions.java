package io.crawlseq.store.dynamodb.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expression attribute names: every attribute in our expressions is written {@code #name} (some of ours,
 * like {@code status}, are DynamoDB reserved words), and this derives the names map from the text.
 */
final class Expressions {

    private static final Pattern NAME = Pattern.compile("#([A-Za-z][A-Za-z0-9]*)");

    private Expressions() {
    }

    static Map<String, String> names(String... expressions) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String expression : expressions) {
            Matcher m = NAME.matcher(expression);
            while (m.find()) {
                names.put(m.group(), m.group(1));
            }
        }
        return names;
    }
}

package io.crawlseq.engine.intrinsic;

import java.util.ArrayList;
import java.util.List;

/**
 * The first argument of States.Format split into literal text and {@code {}} placeholders. Written as a
 * quoted literal, {@code \{ \} \' \\} stand for the plain characters, so {@code \{\}} is a literal
 * {@code {}}; taken from a path, the value is used as it is.
 */
record FormatTemplate(List<String> literals) {

    /** {@code literals} has one more entry than there are placeholders. */
    FormatTemplate {
        literals = List.copyOf(literals);
    }

    static FormatTemplate fromEscaped(String raw) {
        List<String> literals = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                current.append(raw.charAt(++i));
            } else if (c == '{' && i + 1 < raw.length() && raw.charAt(i + 1) == '}') {
                literals.add(current.toString());
                current.setLength(0);
                i++;
            } else {
                current.append(c);
            }
        }
        literals.add(current.toString());
        return new FormatTemplate(literals);
    }

    static FormatTemplate fromValue(String value) {
        List<String> literals = new ArrayList<>();
        int start = 0;
        int placeholder;
        while ((placeholder = value.indexOf("{}", start)) >= 0) {
            literals.add(value.substring(start, placeholder));
            start = placeholder + 2;
        }
        literals.add(value.substring(start));
        return new FormatTemplate(literals);
    }

    int placeholders() {
        return literals.size() - 1;
    }

    String fill(List<String> values) {
        StringBuilder out = new StringBuilder(literals.getFirst());
        for (int i = 0; i < values.size(); i++) {
            out.append(values.get(i)).append(literals.get(i + 1));
        }
        return out.toString();
    }
}

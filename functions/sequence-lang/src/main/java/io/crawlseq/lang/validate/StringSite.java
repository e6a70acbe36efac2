package io.crawlseq.lang.validate;

import io.crawlseq.lang.diag.DiagnosticCode;

/**
 * A string in the document whose inside is analysed (a condition, a template, a ForEach path):
 * offsets found while parsing it become columns in the file.
 *
 * @param pointer where the string is
 * @param value   the whole string value as read
 * @param shift   added to every offset (when the analysed text starts inside the value)
 */
record StringSite(String pointer, String value, int shift) {

    StringSite(String pointer, String value) {
        this(pointer, value, 0);
    }

    void report(Reporter reporter, DiagnosticCode code, int offset, String message) {
        reporter.inString(code, pointer, value, offset + shift, message);
    }
}

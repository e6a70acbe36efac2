package io.crawlseq.lang.docs;

import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.diag.Diagnostics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The diagnostics reference ({@code docs/diagnostics.md}), generated from {@link DiagnosticCode}
 * with one real example per code: the examples are run through the loader when the page is
 * generated, so the output shown is what the tool prints.
 */
public final class DiagnosticReference {

    /**
     * @param fileName     name of the example file
     * @param shownContent the file as shown in the page (binary content made visible)
     * @param language     fence language: json, yaml or text
     * @param output       what {@code crawl-sequence validate} prints for it
     */
    public record Example(String fileName, String shownContent, String language, List<String> output) {
        public Example {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(shownContent, "shownContent");
            output = List.copyOf(output);
        }
    }

    /** Codes defined for later use, not reported by this version. */
    public static final List<DiagnosticCode> RESERVED = List.of(DiagnosticCode.UNREACHABLE_STEP);

    private DiagnosticReference() {
    }

    public static String markdown(Map<DiagnosticCode, Example> examples) {
        StringBuilder md = new StringBuilder();
        md.append("# Diagnostics\n\n");
        md.append("<!-- Generated from io.crawlseq.lang.diag.DiagnosticCode and the invalid-sequence corpus. Do not edit: run\n");
        md.append("     ./mvnw -q -pl functions/sequence-lang test -Dtest=GeneratedDocsTest -Dcrawlseq.regenerateDocs=true -->\n\n");
        md.append("`crawl-sequence validate` reports every problem of a file at once, one line each, in the form\n");
        md.append("compilers and editors understand:\n\n");
        md.append("```text\npath:line:column: severity code: message\n```\n\n");
        md.append("- Lines and columns are 1-based; columns count characters (Unicode code points, so a tab or an\n");
        md.append("  emoji is one column), and a byte order mark is not counted. CRLF and LF files give the same positions.\n");
        md.append("- The position is the first character of the offending value: the opening quote of a JSON string,\n");
        md.append("  the first character of a YAML scalar, the `{` or `[` of a collection (for a YAML block collection,\n");
        md.append("  its first entry). An unknown key points at the key; a missing key at the start of the object that\n");
        md.append("  lacks it. A problem inside an expression, template, path or schedule points at the character inside\n");
        md.append("  the string when the string is written on one line without escapes, otherwise at the string.\n");
        md.append("- `--json` prints the same diagnostics with the JSON Pointer (RFC 6901) of the value.\n");
        md.append("- One problem gives one diagnostic: consequences of a problem already reported are not repeated.\n");
        md.append("- At most ").append(Diagnostics.DEFAULT_CAP).append(" diagnostics are listed per file, in position order; the summary counts all.\n");
        md.append("- Errors make `validate` exit with 1 and stop a sequence from being compiled, deployed or run;\n");
        md.append("  warnings do not.\n\n");
        md.append("Codes are a stable contract: they are never renamed or reused.\n\n");
        md.append("| Code | Severity | Layer | Meaning |\n|---|---|---|---|\n");
        for (DiagnosticCode code : DiagnosticCode.values()) {
            md.append("| [`").append(code.id()).append("`](#").append(code.id()).append(") | ")
                    .append(code.severity().label()).append(" | ").append(layerName(code.layer())).append(" | ")
                    .append(prose(code.description()).replace("|", "\\|")).append(" |\n");
        }
        DiagnosticCode.Layer current = null;
        for (DiagnosticCode code : DiagnosticCode.values()) {
            if (code.layer() != current) {
                current = code.layer();
                md.append("\n## ").append(layerTitle(current)).append("\n");
            }
            md.append("\n### ").append(code.id()).append("\n\n");
            md.append("*").append(code.severity().label()).append("* - ").append(prose(code.description())).append("\n");
            Example example = examples.get(code);
            if (RESERVED.contains(code)) {
                md.append("\nReserved: not reported by this version.\n");
            } else if (code.layer() == DiagnosticCode.Layer.STATE_MACHINE) {
                md.append("\nReported by the compiler (`crawl-sequence compile`, the deployer) after the sequence itself\n");
                md.append("is valid, at the step that causes it.\n");
            } else if (example != null) {
                md.append("\n`").append(example.fileName()).append("`:\n\n```").append(example.language()).append('\n')
                        .append(example.shownContent());
                if (!example.shownContent().endsWith("\n")) {
                    md.append('\n');
                }
                md.append("```\n\n```text\n");
                example.output().forEach(line -> md.append(line).append('\n'));
                md.append("```\n");
            }
        }
        return md.toString();
    }

    /** Descriptions mention {@code results.<id>}; outside code spans Markdown would take that for HTML. */
    private static String prose(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String layerName(DiagnosticCode.Layer layer) {
        return switch (layer) {
            case INPUT -> "input";
            case SCHEMA -> "schema";
            case SEMANTIC -> "semantic";
            case STATE_MACHINE -> "state machine";
        };
    }

    private static String layerTitle(DiagnosticCode.Layer layer) {
        return switch (layer) {
            case INPUT -> "Reading the file";
            case SCHEMA -> "Document shape (JSON Schema)";
            case SEMANTIC -> "Meaning (commands, arguments, expressions, paths)";
            case STATE_MACHINE -> "The compiled state machine";
        };
    }

    /** Shows file content in a Markdown fence: control characters and invalid bytes made visible. */
    public static String show(byte[] content) {
        StringBuilder out = new StringBuilder();
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT);
        int i = 0;
        while (i < content.length) {
            int length = sequenceLength(content[i]);
            String decoded = null;
            if (length > 0 && i + length <= content.length) {
                try {
                    decoded = decoder.decode(java.nio.ByteBuffer.wrap(content, i, length)).toString();
                } catch (java.nio.charset.CharacterCodingException e) {
                    decoded = null;
                }
            }
            if (decoded == null) {
                out.append(String.format(Locale.ROOT, "<byte %02X>", content[i] & 0xff));
                i++;
                continue;
            }
            int cp = decoded.codePointAt(0);
            if (cp == 0xFEFF) {
                out.append("<BOM>");
            } else if (cp == '\r') {
                out.append("");
            } else if (cp < 0x20 && cp != '\n' && cp != '\t') {
                out.append(String.format(Locale.ROOT, "<U+%04X>", cp));
            } else {
                out.append(decoded);
            }
            i += length;
        }
        return out.toString();
    }

    private static int sequenceLength(byte first) {
        int b = first & 0xff;
        if (b < 0x80) {
            return 1;
        }
        if (b >= 0xC2 && b < 0xE0) {
            return 2;
        }
        if (b >= 0xE0 && b < 0xF0) {
            return 3;
        }
        if (b >= 0xF0 && b < 0xF5) {
            return 4;
        }
        return 0;
    }
}

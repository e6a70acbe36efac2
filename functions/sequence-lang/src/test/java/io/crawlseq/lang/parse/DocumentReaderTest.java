package io.crawlseq.lang.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.diag.SourceLocation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Positions recorded while reading, for JSON and YAML alike. */
class DocumentReaderTest {

    private static ParsedDocument read(String name, String text) {
        return DocumentReader.read(name, text.getBytes(StandardCharsets.UTF_8), InputLimits.DEFAULT);
    }

    private static String at(ParsedDocument doc, String pointer) {
        SourceLocation l = doc.sourceMap().locate(pointer);
        return l.line() + ":" + l.column();
    }

    private static String keyAt(ParsedDocument doc, String pointer) {
        SourceLocation l = doc.sourceMap().locateKey(pointer);
        return l.line() + ":" + l.column();
    }

    @Test
    void json_locatesValuesAtTheirFirstCharacter_andKeysAtTheirQuote() {
        ParsedDocument doc = read("s.json", """
                {
                  "type": "Sequence",
                  "steps": [
                    {"command": "x", "args": {"limit": 10, "ok": true}}
                  ]
                }
                """);

        assertThat(doc.diagnostics()).isEmpty();
        assertThat(at(doc, "")).isEqualTo("1:1");
        assertThat(at(doc, "/type")).isEqualTo("2:11");
        assertThat(keyAt(doc, "/type")).isEqualTo("2:3");
        assertThat(at(doc, "/steps")).isEqualTo("3:12");
        assertThat(at(doc, "/steps/0")).isEqualTo("4:5");
        assertThat(at(doc, "/steps/0/args")).isEqualTo("4:30");
        assertThat(at(doc, "/steps/0/args/limit")).isEqualTo("4:40");
        assertThat(keyAt(doc, "/steps/0/args/ok")).isEqualTo("4:44");
    }

    @Test
    void yaml_locatesScalarsAtTheirFirstCharacter_andBlockCollectionsAtTheirFirstEntry() {
        ParsedDocument doc = read("s.yaml", """
                type: Sequence
                steps:
                  - command: x
                    args: {limit: 10, name: 'it''s'}
                  - "quoted"
                """);

        assertThat(doc.diagnostics()).isEmpty();
        assertThat(at(doc, "")).isEqualTo("1:1");
        assertThat(at(doc, "/type")).isEqualTo("1:7");
        assertThat(keyAt(doc, "/steps")).isEqualTo("2:1");
        assertThat(at(doc, "/steps")).isEqualTo("3:3");
        assertThat(at(doc, "/steps/0")).isEqualTo("3:5");
        assertThat(at(doc, "/steps/0/args")).isEqualTo("4:11");
        assertThat(at(doc, "/steps/0/args/limit")).isEqualTo("4:19");
        assertThat(at(doc, "/steps/1")).isEqualTo("5:5");
    }

    @Test
    void columnsCountCodePoints_notUtf16Units() {
        ParsedDocument json = read("s.json", "{\"a\": \"😀😀\", \"b\": 1}");
        ParsedDocument yaml = read("s.yaml", "a: 😀😀 x\nb: [é, 1]\n");

        assertThat(at(json, "/b")).isEqualTo("1:18");
        assertThat(at(yaml, "/b/1")).isEqualTo("2:8");
    }

    @Test
    void crlfLineEnds_keepPositionsExact() {
        ParsedDocument json = read("s.json", "{\r\n  \"a\": 1,\r\n  \"b\": [\r\n    2\r\n  ]\r\n}\r\n");
        ParsedDocument yaml = read("s.yaml", "a: 1\r\nb:\r\n  - 2\r\n");

        assertThat(json.diagnostics()).isEmpty();
        assertThat(at(json, "/b/0")).isEqualTo("4:5");
        assertThat(yaml.diagnostics()).isEmpty();
        assertThat(at(yaml, "/b/0")).isEqualTo("3:5");
    }

    @Test
    void offsetsInsideAString_mapToColumns_onlyWhenWrittenVerbatim() {
        ParsedDocument doc = read("s.json", "[\"a.b === 'x'\", \"a\\tb === 'x'\"]");
        SourceMap map = doc.sourceMap();

        assertThat(map.locateInString("/0", "a.b === 'x'", 8).column()).isEqualTo(11);
        assertThat(map.locateInString("/1", "a\tb === 'x'", 8).column()).isEqualTo(17);
        assertThat(map.entry("/1").orElseThrow().verbatim()).isFalse();
    }

    @Test
    void yamlStrings_areVerbatimWhenPlainOrQuotedWithoutEscapes_onOneLine() {
        ParsedDocument doc = read("s.yaml", """
                - plain text
                - 'single'
                - 'it''s'
                - "double"
                - "esc\\taped"
                - |
                  block
                - folded
                  plain
                """);
        SourceMap map = doc.sourceMap();

        assertThat(map.entry("/0").orElseThrow().content()).isEqualTo(new Position(1, 3));
        assertThat(map.entry("/1").orElseThrow().content()).isEqualTo(new Position(2, 4));
        assertThat(map.entry("/2").orElseThrow().verbatim()).isFalse();
        assertThat(map.entry("/3").orElseThrow().content()).isEqualTo(new Position(4, 4));
        assertThat(map.entry("/4").orElseThrow().verbatim()).isFalse();
        assertThat(map.entry("/5").orElseThrow().verbatim()).isFalse();
        assertThat(map.entry("/6").orElseThrow().verbatim()).isFalse();
    }

    @Test
    void yaml_resolvesScalarsByTheCoreSchema() {
        ParsedDocument doc = read("s.yaml", "[true, False, ~, null, 12, -3, 0x1F, 0o17, 1.5, yes, on, off, '12', 1e3, 99999999999]");

        assertThat(doc.root().orElseThrow().toString())
                .isEqualTo("[true,false,null,null,12,-3,31,15,1.5,\"yes\",\"on\",\"off\",\"12\",1000.0,99999999999]");
    }

    @Test
    void missingPointers_fallBackToTheNearestAncestor() {
        ParsedDocument doc = read("s.json", "{\"a\": {\"b\": 1}}");

        assertThat(at(doc, "/a/zzz")).isEqualTo("1:7");
        assertThat(at(doc, "/nothing/here")).isEqualTo("1:1");
    }

    @Test
    void aBom_isAWarning_andPositionsIgnoreIt() {
        byte[] content = "\uFEFF[\"x\", 1]".getBytes(StandardCharsets.UTF_8);

        ParsedDocument doc = DocumentReader.read("s.json", content, InputLimits.DEFAULT);

        assertThat(doc.diagnostics()).extracting(Diagnostic::format)
                .containsExactly("s.json:1:1: warning byte-order-mark: the file starts with a UTF-8 byte order mark; it is ignored");
        assertThat(at(doc, "/1")).isEqualTo("1:7");
    }

    @Test
    void duplicateKeys_areAllReported_andTheFirstValueWins() {
        ParsedDocument doc = read("s.yaml", "a: 1\nb: 2\na: 3\na: {x: 4}\n");

        assertThat(doc.diagnostics()).extracting(d -> d.code().id() + "@" + d.location().line() + ":" + d.location().column())
                .containsExactly("duplicate-key@3:1", "duplicate-key@4:1");
        assertThat(doc.root().orElseThrow().toString()).isEqualTo("{\"a\":1,\"b\":2}");
    }

    @Test
    void unknownExtension_isReported_withoutReadingTheContent() {
        ParsedDocument doc = read("sequence.txt", "[]");

        assertThat(doc.diagnostics()).extracting(d -> d.code().id()).containsExactly("unsupported-file-type");
        assertThat(doc.root()).isEmpty();
    }
}

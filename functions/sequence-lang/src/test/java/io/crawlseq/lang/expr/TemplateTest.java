package io.crawlseq.lang.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {

    @Test
    void aWholeValuePlaceholder_keepsItsType_andItsPathOffsets() {
        Template t = Template.parse("{{ country.code }}").value();

        assertThat(t.isWholeValue()).isTrue();
        assertThat(t.paths()).singleElement().satisfies(p -> {
            assertThat(p.text()).isEqualTo("country.code");
            assertThat(p.start()).isEqualTo(3);
            assertThat(p.segments()).extracting(Path.Segment::offset).containsExactly(3, 11);
        });
    }

    @Test
    void placeholdersInsideText_produceParts() {
        Template t = Template.parse("found {{results.x.hubCount}} hubs on {{context.startUrl}}").value();

        assertThat(t.isWholeValue()).isFalse();
        assertThat(t.parts()).hasSize(4);
        assertThat(t.paths()).extracting(Path::text).containsExactly("results.x.hubCount", "context.startUrl");
        assertThat(t.paths().get(1).start()).isEqualTo(39);
    }

    @Test
    void textWithoutPlaceholders_isOnePart() {
        assertThat(Template.containsPlaceholder("no braces { here }")).isFalse();
        assertThat(Template.parse("plain").value().parts()).containsExactly(new Template.Text("plain"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            x {{a.b                 |  2 | unclosed '{{'; expected '}}'
            {{ }}                   |  0 | empty '{{}}'; expected a path such as {{country.code}}
            {{a..b}}                |  4 | expected a field name after '.'
            ok {{ 1x }}             |  6 | a path starts with a name (context, results or a loop variable)
            {{a.b c}}               |  5 | unexpected ' ' in path
            """)
    void syntaxErrors_pointIntoTheString(String text, int offset, String message) {
        SyntaxError e = ((ParseResult.Failed<Template>) Template.parse(text)).error();

        assertThat(e.message()).isEqualTo(message);
        assertThat(e.offset()).isEqualTo(offset);
    }
}

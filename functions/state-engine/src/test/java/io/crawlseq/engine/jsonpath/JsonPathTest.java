package io.crawlseq.engine.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static io.crawlseq.engine.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPathTest {

    private static final JsonNode STORE = json("""
            {"store": {"book": [
                {"title": "A", "price": 8.95, "tags": ["x"]},
                {"title": "B", "price": 12.99, "isbn": "0-553"},
                {"title": "C", "price": 8.99, "isbn": "0-395"},
                {"title": "D", "price": 22.99}],
              "bicycle": {"color": "red", "price": 19.95}},
             "odd key": {"with.dot": 1}, "n": 2}
            """);

    private static JsonNode find(String path) {
        return JsonPath.compile(path).find(STORE).orElse(null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$.n                                  | 2",
            "$.store.bicycle.color                | \"red\"",
            "$['store']['bicycle']['color']       | \"red\"",
            "$[\"odd key\"]['with.dot']           | 1",
            "$.store.book[1].title                | \"B\"",
            "$.store.book[-1].title               | \"D\"",
            "$                                    | __ROOT__",
    })
    void definitePath_findsTheSingleNode(String path, String expected) {
        JsonNode want = expected.equals("__ROOT__") ? STORE : json(expected);
        assertThat(find(path)).isEqualTo(want);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.missing", "$.store.book[9]", "$.n.deeper", "$.store.book.title", "$['odd key'].nope"})
    void definitePath_findsNothingWhereNothingIs(String path) {
        assertThat(JsonPath.compile(path).find(STORE)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "$.store.book[*].title => [\"A\",\"B\",\"C\",\"D\"]",
            "$.store.book[1:3].title => [\"B\",\"C\"]",
            "$.store.book[:2].title => [\"A\",\"B\"]",
            "$.store.book[-2:].title => [\"C\",\"D\"]",
            "$.store.book[::2].title => [\"A\",\"C\"]",
            "$.store.book[0,3].title => [\"A\",\"D\"]",
            "$.store.bicycle['color','price'] => [\"red\",19.95]",
            "$.store.book[?(@.price < 10)].title => [\"A\",\"C\"]",
            "$.store.book[?(@.isbn)].title => [\"B\",\"C\"]",
            "$.store.book[?(@.price > 9 && @.price < 20)].title => [\"B\"]",
            "$.store.book[?(@.price < 9 || @.title == 'D')].title => [\"A\",\"C\",\"D\"]",
            "$.store.book[?(!(@.price < 20))].title => [\"D\"]",
            "$.store.book[?(@.title != 'A')].title => [\"B\",\"C\",\"D\"]",
            "$.store.book[?(@.price >= $.n)].title => [\"A\",\"B\",\"C\",\"D\"]",
            "$.store.book[?(@.tags[0] == \"x\")].title => [\"A\"]",
            "$..price => [8.95,12.99,8.99,22.99,19.95]",
            "$.store.*.color => [\"red\"]",
            "$.store.book[*].missing => []",
    })
    void indefinitePath_findsAnArrayOfMatchesInDocumentOrder(String path, String expected) {
        assertThat(find(path)).isEqualTo(json(expected));
    }

    @Test
    void contextPath_isMarkedAndEvaluatedOnTheGivenDocument() {
        JsonPath path = JsonPath.compile("$$.Map.Item.Value");
        assertThat(path.isContextPath()).isTrue();
        assertThat(path.find(json("{\"Map\":{\"Item\":{\"Value\":5}}}"))).contains(json("5"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$.a.b[0]        | true",
            "$['a b'][2]     | true",
            "$               | true",
            "$.a[*]          | false",
            "$.a[-1]         | false",
            "$.a[?(@.x)]     | false",
            "$..a            | false",
            "$$.Execution.Id | false",
    })
    void referencePath_isFieldsAndNonNegativeIndexesOnTheData(String path, boolean reference) {
        assertThat(JsonPath.compile(path).isReferencePath()).isEqualTo(reference);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''            | a path starts with '$'",
            "a.b           | a path starts with '$'",
            "$.            | expected a field name",
            "$.a[          | expected an index, a slice",
            "$.a[0         | expected ']' but the path ended",
            "$.a['b        | unterminated quoted name",
            "$.a[?(@.x ==  | unexpected end of filter",
            "$.a[1:2:0]    | a slice step cannot be 0",
            "$a            | expected '.' or '[' but found 'a'",
            "$.a]          | expected '.' or '[' but found ']'",
    })
    void malformedPath_isRejectedWithTheReason(String path, String reason) {
        assertThatThrownBy(() -> JsonPath.compile(path))
                .isInstanceOf(InvalidJsonPathException.class)
                .hasMessageContaining(reason);
        assertThat(JsonPath.syntaxError(path)).isPresent();
    }

    @Test
    void hostileFilterNesting_isRejectedNotAStackOverflow() {
        String path = "$.a[?(" + "(".repeat(100_000) + "@.x" + ")".repeat(100_000) + ")]";
        assertThatThrownBy(() -> JsonPath.compile(path)).isInstanceOf(InvalidJsonPathException.class)
                .hasMessageContaining("nest at most 32 deep");
        assertThat(JsonPath.compile("$.a[?(" + "(".repeat(20) + "@.x" + ")".repeat(20) + ")]").isDefinite()).isFalse();
    }

    @Test
    void bracketNotation_isTheFormAwsUsesInMessages() {
        assertThat(JsonPath.compile("$.a.b[2]").bracketNotation()).isEqualTo("$['a']['b'][2]");
    }

    /** Random documents and random definite paths: the evaluator agrees with a direct walk of the tree. */
    @Test
    void definitePathsOnRandomDocuments_agreeWithADirectWalk() {
        Random random = new Random(20260102);
        for (int round = 0; round < 300; round++) {
            JsonNode document = RandomJson.value(random, 4);
            StringBuilder path = new StringBuilder("$");
            JsonNode walked = document;
            for (int depth = 0; depth < 4 && walked != null; depth++) {
                if (walked.isObject() && !walked.isEmpty() && random.nextBoolean()) {
                    String field = walked.fieldNames().next();
                    path.append("['").append(field).append("']");
                    walked = walked.get(field);
                } else if (walked.isArray() && !walked.isEmpty()) {
                    int index = random.nextInt(walked.size() + 1);
                    path.append('[').append(index).append(']');
                    walked = index < walked.size() ? walked.get(index) : null;
                } else {
                    path.append(".nope");
                    walked = null;
                }
            }
            assertThat(JsonPath.compile(path.toString()).find(document).orElse(null)).as(path.toString()).isEqualTo(walked);
        }
    }
}

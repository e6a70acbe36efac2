package io.crawlseq.lang.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.lang.expr.ExpressionParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceRulesTest {

    private static String compile(String expression) {
        Scope scope = Scope.top().enterLoop("country");
        ChoiceRules.Compiled compiled = new ChoiceRules(scope).compile(ExpressionParser.parse(expression).value());
        return switch (compiled) {
            case ChoiceRules.Constant c -> "const:" + c.value();
            case ChoiceRules.Rule r -> r.rule().toString().replace('"', '\'');
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "results.step1.status === 'success'|{'And':[{'Variable':'$.results.step1.status','IsPresent':true},{'Variable':'$.results.step1.status','IsString':true},{'Variable':'$.results.step1.status','StringEquals':'success'}]}",
        "results.a.hubCount >= 10|{'And':[{'Variable':'$.results.a.hubCount','IsPresent':true},{'Variable':'$.results.a.hubCount','IsNumeric':true},{'Variable':'$.results.a.hubCount','NumericGreaterThanEquals':10}]}",
        "10 < results.a.hubCount|{'And':[{'Variable':'$.results.a.hubCount','IsPresent':true},{'Variable':'$.results.a.hubCount','IsNumeric':true},{'Variable':'$.results.a.hubCount','NumericGreaterThan':10}]}",
        "country.code !== 'US'|{'Not':{'And':[{'Variable':'$.vars.country.code','IsPresent':true},{'Variable':'$.vars.country.code','IsString':true},{'Variable':'$.vars.country.code','StringEquals':'US'}]}}",
        "context.x == null|{'And':[{'Variable':'$.context.x','IsPresent':true},{'Variable':'$.context.x','IsNull':true}]}",
        "results.a.success == false|{'And':[{'Variable':'$.results.a.success','IsPresent':true},{'Variable':'$.results.a.success','IsBoolean':true},{'Variable':'$.results.a.success','BooleanEquals':false}]}",
        "context.ratio < 0.5|{'And':[{'Variable':'$.context.ratio','IsPresent':true},{'Variable':'$.context.ratio','IsNumeric':true},{'Variable':'$.context.ratio','NumericLessThan':0.5}]}",
        "1 === 1|const:true",
        "'a' !== 'a'|const:false",
        "true && false|const:false",
        "null|const:false",
        "context.flag < true|const:false",
    })
    void comparisons(String expression, String expected) {
        assertThat(compile(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
        "results.a.success || (results.b.success || results.c.success)#3",
        "(results.a.success || results.b.success) || results.c.success || results.d.success#4",
    })
    void sameOperatorChains_areFlattened(String expression, int operands) {
        ChoiceRules.Rule r = (ChoiceRules.Rule) new ChoiceRules(Scope.top()).compile(ExpressionParser.parse(expression).value());
        assertThat(r.rule().fieldNames()).toIterable().containsExactly("Or");
        assertThat(r.rule().get("Or")).hasSize(operands);
    }

    @org.junit.jupiter.api.Test
    void intrinsicStringLiterals_escapeQuotesBracesAndBackslashes() {
        assertThat(TemplateCompiler.escapeIntrinsicString("it's {x} \\ ok")).isEqualTo("it\\'s \\{x\\} \\\\ ok");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "results.a.success",
        "!results.a.success",
        "results.a.hubCount === results.b.hubCount",
        "results.a.hubCount < results.b.hubCount",
    })
    void pathOnlyConditions_guardEveryVariableWithIsPresent(String expression) {
        String rule = compile(expression);
        assertThat(rule).contains("'IsPresent':true");
        int variables = rule.split("'Variable'").length - 1;
        int guards = rule.split("'IsPresent'").length - 1;
        assertThat(guards).isGreaterThan(0).isLessThanOrEqualTo(variables);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
        "true && results.a.success#results.a.success",
        "results.a.success || false#results.a.success",
        "!(!results.a.success)#results.a.success",
    })
    void constantsAndDoubleNegation_fold(String expression, String equivalent) {
        assertThat(compile(expression)).isEqualTo(compile(equivalent));
    }
}

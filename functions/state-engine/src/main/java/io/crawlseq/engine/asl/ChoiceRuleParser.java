package io.crawlseq.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.asl.DefinitionProblem.Code;
import io.crawlseq.engine.internal.Json;
import io.crawlseq.engine.jsonpath.JsonPath;

import java.util.ArrayList;
import java.util.List;

/** Reads Choice rules: And/Or/Not and the comparison operators, each operand checked against its type. */
final class ChoiceRuleParser {

    private final List<DefinitionProblem> problems;

    ChoiceRuleParser(List<DefinitionProblem> problems) {
        this.problems = problems;
    }

    ChoiceRule rule(JsonNode node, String location, boolean topLevel) {
        if (!node.isObject()) {
            problems.add(new DefinitionProblem(Code.SCHEMA_VALIDATION_FAILED, location,
                    "A choice rule is an object, not " + FieldReader.kind(node)));
            return null;
        }
        FieldReader fields = new FieldReader(node, location, problems);
        if (!topLevel && fields.has("Next")) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "Next", "Only top-level choice rules have Next");
        }
        List<String> operators = new ArrayList<>();
        node.fieldNames().forEachRemaining(field -> {
            if (field.equals("And") || field.equals("Or") || field.equals("Not")
                    || ChoiceRule.Operator.byFieldName(field).isPresent()) {
                operators.add(field);
            } else if (!field.equals("Variable") && !field.equals("Comment") && !(topLevel && field.equals("Next"))) {
                fields.problem(Code.SCHEMA_VALIDATION_FAILED, field, "'" + field + "' is not a choice rule field");
            }
        });
        if (operators.size() != 1) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, null,
                    "A choice rule needs exactly one of And, Or, Not or a comparison operator; found " + operators);
            return null;
        }
        String operator = operators.getFirst();
        return switch (operator) {
            case "And", "Or" -> combination(fields, operator);
            case "Not" -> {
                if (fields.has("Variable")) {
                    fields.problem(Code.SCHEMA_VALIDATION_FAILED, "Variable", "Not takes no Variable; put it in the inner rule");
                }
                ChoiceRule inner = rule(fields.raw("Not"), fields.at("Not"), false);
                yield inner == null ? null : new ChoiceRule.Not(inner);
            }
            default -> comparison(fields, operator);
        };
    }

    private ChoiceRule combination(FieldReader fields, String operator) {
        JsonNode list = fields.raw(operator);
        if (!list.isArray() || list.isEmpty()) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, operator, operator + " takes a non-empty array of rules");
            return null;
        }
        if (fields.has("Variable")) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, "Variable", operator + " takes no Variable; put it in the inner rules");
        }
        List<ChoiceRule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            rules.add(rule(list.get(i), FieldReader.element(fields.at(operator), i), false));
        }
        if (rules.contains(null)) {
            return null;
        }
        return operator.equals("And") ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules);
    }

    private ChoiceRule comparison(FieldReader fields, String field) {
        ChoiceRule.Operator operator = ChoiceRule.Operator.byFieldName(field).orElseThrow();
        if (!fields.has("Variable")) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, null, field + " needs a Variable");
        }
        JsonPath variable = fields.path("Variable", false);
        boolean withPath = !field.equals(operator.aslName());
        if (withPath) {
            JsonPath valuePath = fields.path(field, false);
            return variable == null || valuePath == null ? null : new ChoiceRule.Comparison(variable, operator, null, valuePath);
        }
        JsonNode value = fields.raw(field);
        if (!operandMatches(operator.operand(), value)) {
            fields.problem(Code.SCHEMA_VALIDATION_FAILED, field, field + " needs " + operandDescription(operator.operand())
                    + ", not " + Json.render(value));
            return null;
        }
        return variable == null ? null : new ChoiceRule.Comparison(variable, operator, value, null);
    }

    private static boolean operandMatches(ChoiceRule.Operand operand, JsonNode value) {
        return switch (operand) {
            case STRING, PATTERN -> value.isTextual();
            case NUMBER -> value.isNumber();
            case BOOLEAN, TYPE_TEST -> value.isBoolean();
            case TIMESTAMP -> value.isTextual() && FieldReader.parseTimestamp(value.textValue()).isPresent();
        };
    }

    private static String operandDescription(ChoiceRule.Operand operand) {
        return switch (operand) {
            case STRING, PATTERN -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN, TYPE_TEST -> "a boolean";
            case TIMESTAMP -> "an RFC 3339 timestamp string";
        };
    }
}

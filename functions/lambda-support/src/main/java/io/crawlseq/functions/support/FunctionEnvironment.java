package io.crawlseq.functions.support;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A function's configuration as the template sets it: environment variables. A missing required
 * variable is a broken deployment, reported at start-up with the variable's name rather than as a
 * null pointer on the first event.
 */
public record FunctionEnvironment(Map<String, String> variables) {

    /** Set by the Lambda runtime: tells a deployed function from a local or test run. */
    public static final String LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
    public static final String REGION = "AWS_REGION";

    public FunctionEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
    }

    public static FunctionEnvironment system() {
        return new FunctionEnvironment(System.getenv());
    }

    public static FunctionEnvironment of(Map<String, String> variables) {
        return new FunctionEnvironment(variables);
    }

    /** @throws IllegalStateException naming the variable when it is missing or blank */
    public String require(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("missing environment variable " + name
                + " (set by template.yaml)"));
    }

    public Optional<String> optional(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public boolean isDeployedLambda() {
        return optional(LAMBDA_FUNCTION_NAME).isPresent();
    }

    public Map<String, String> asMap() {
        return variables;
    }
}

package io.crawlseq.functions.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.lang.compile.FunctionResolver;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.lang.registry.LambdaSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command functions' ARNs, as the template hands them to the deployer: one environment variable
 * ({@value #ENVIRONMENT_VARIABLE}) holding a JSON object keyed like SAM's
 * {@code DefinitionSubstitutions} ({@code {"EnsureCountryHubsFunctionArn": "arn:aws:lambda:..."}}), so
 * a deployed definition is exactly the compiled one with its placeholders filled, as
 * {@code sam deploy} fills those of {@code statemachine/}.
 */
public final class FunctionArns {

    public static final String ENVIRONMENT_VARIABLE = "FUNCTION_ARNS";

    private final Map<String, String> bySubstitution;

    private FunctionArns(Map<String, String> bySubstitution) {
        this.bySubstitution = Map.copyOf(bySubstitution);
    }

    /**
     * @throws IllegalStateException when the JSON is not an object of strings, or a command function of
     *                               the registry has no ARN in it (a broken deployment, found at start-up)
     */
    public static FunctionArns parse(String json, CommandRegistry registry) {
        JsonNode node;
        try {
            node = LambdaJson.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(ENVIRONMENT_VARIABLE + " is not JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new IllegalStateException(ENVIRONMENT_VARIABLE + " must be a JSON object");
        }
        Map<String, String> arns = new TreeMap<>();
        node.properties().forEach(e -> arns.put(e.getKey(), e.getValue().asText()));
        List<String> missing = new ArrayList<>();
        for (CommandSpec spec : registry.deployed()) {
            spec.lambda().map(LambdaSettings::arnSubstitutionName).filter(n -> arns.getOrDefault(n, "").isBlank())
                    .ifPresent(missing::add);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(ENVIRONMENT_VARIABLE + " lacks " + String.join(", ", missing));
        }
        return new FunctionArns(arns);
    }

    public static FunctionArns of(Map<String, String> bySubstitution) {
        return new FunctionArns(bySubstitution);
    }

    /** Fills each Task's {@code FunctionName} with the ARN of its command's function. */
    public FunctionResolver resolver() {
        return (command, lambda) -> {
            String arn = bySubstitution.get(lambda.arnSubstitutionName());
            if (arn == null) {
                throw new IllegalStateException("no ARN for " + lambda.arnSubstitutionName());
            }
            return arn;
        };
    }

    public Map<String, String> asMap() {
        return bySubstitution;
    }
}

package io.crawlseq.lang.compile;

import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.lang.registry.LambdaSettings;

/** Decides what a Task's {@code FunctionName} is for a command. */
@FunctionalInterface
public interface FunctionResolver {

    /** The function name or ARN to invoke for a command that has its own Lambda. */
    String functionFor(CommandSpec command, LambdaSettings lambda);

    /**
     * {@code ${EnsureCountryHubsFunctionArn}}: filled in by SAM {@code DefinitionSubstitutions} or by
     * the sequence deployer. The default.
     */
    static FunctionResolver placeholders() {
        return (command, lambda) -> lambda.arnPlaceholder();
    }

    /**
     * A pattern with {@code {command}} and/or {@code {logicalId}}, e.g.
     * {@code arn:aws:lambda:eu-west-1:123456789012:function:crawlseq-{logicalId}}.
     */
    static FunctionResolver pattern(String pattern) {
        if (!pattern.contains("{command}") && !pattern.contains("{logicalId}")) {
            throw new IllegalArgumentException("function ARN pattern needs {command} or {logicalId}: " + pattern);
        }
        return (command, lambda) -> pattern.replace("{command}", command.name()).replace("{logicalId}", lambda.logicalId());
    }
}

package io.crawlseq.lang.registry;

import java.util.Objects;

/**
 * How a command is deployed: its own Lambda function, sized for its work. The SAM template, the
 * compiler's {@code ${...FunctionArn}} placeholders and the template consistency test all read
 * these values.
 *
 * @param logicalId       CloudFormation logical id of the function, e.g. {@code EnsureCountryHubsFunction}
 * @param memoryMb        Lambda memory size
 * @param timeoutSeconds  Lambda timeout (at most 900)
 */
public record LambdaSettings(String logicalId, int memoryMb, int timeoutSeconds) {

    /** Time kept back from the Lambda timeout to save state and return a continuation. */
    public static final int SAFETY_MARGIN_SECONDS = 60;

    public LambdaSettings {
        Objects.requireNonNull(logicalId, "logicalId");
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException("Lambda memory must be 128..10240 MB: " + memoryMb);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 900) {
            throw new IllegalArgumentException("Lambda timeout must be 1..900 s: " + timeoutSeconds);
        }
    }

    /** {@code ${EnsureCountryHubsFunctionArn}}: the placeholder compiled ASL uses for this function. */
    public String arnPlaceholder() {
        return "${" + arnSubstitutionName() + "}";
    }

    /** The {@code DefinitionSubstitutions} key: {@code EnsureCountryHubsFunctionArn}. */
    public String arnSubstitutionName() {
        return logicalId + "Arn";
    }

    /**
     * How long one invocation may work before it must return (a continuation if work remains), so
     * that it is never killed by the Lambda timeout.
     */
    public int workBudgetSeconds() {
        return Math.max(1, timeoutSeconds - Math.min(SAFETY_MARGIN_SECONDS, timeoutSeconds / 4));
    }
}

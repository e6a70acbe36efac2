package io.crawlseq.functions.control;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.Tag;

/**
 * Creates or updates the project's Standard state machines. Every machine gets the one execution
 * role the template defines (it may invoke the command functions and nothing else). Updates apply
 * to executions started afterwards; running ones finish on the definition they started with.
 *
 * @param arnPrefix {@code arn:aws:states:<region>:<account>:stateMachine:}, so a machine's ARN is
 *                  known from its name without listing
 */
record StateMachines(SfnClient sfn, String arnPrefix, String roleArn, boolean tracing) {

    StateMachines {
        Objects.requireNonNull(sfn, "sfn");
        Objects.requireNonNull(arnPrefix, "arnPrefix");
        Objects.requireNonNull(roleArn, "roleArn");
    }

    String arnOf(String name) {
        return arnPrefix + name;
    }

    /** Creates {@code name} with {@code definition}, or updates it when it exists; returns its ARN. */
    String deploy(String name, String definition, Map<String, String> tags) {
        String arn = arnOf(name);
        if (exists(arn)) {
            update(arn, definition);
            return arn;
        }
        try {
            return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(roleArn)
                    .type(StateMachineType.STANDARD)
                    .tracingConfiguration(t -> t.enabled(tracing))
                    .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                            .toList())).stateMachineArn();
        } catch (StateMachineAlreadyExistsException e) {
            // created meanwhile by someone outside the registry's lease (a console user): take it over
            update(arn, definition);
            return arn;
        }
    }

    private void update(String arn, String definition) {
        sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(definition).roleArn(roleArn)
                .tracingConfiguration(t -> t.enabled(tracing)));
    }

    private boolean exists(String arn) {
        try {
            sfn.describeStateMachine(b -> b.stateMachineArn(arn));
            return true;
        } catch (StateMachineDoesNotExistException e) {
            return false;
        }
    }
}

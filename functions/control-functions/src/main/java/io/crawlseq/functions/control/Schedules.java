package io.crawlseq.functions.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.functions.support.LambdaJson;
import java.util.Objects;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * One EventBridge Scheduler schedule per scheduled sequence, in the project's schedule group,
 * invoking the run starter with {@code {"sequence": name, "scheduledTime": ..., "scheduleArn": ...}}.
 * The scheduled time makes the run id deterministic, so a retried delivery starts no second run.
 *
 * <p>Why Scheduler rather than EventBridge rules: a schedule carries its own execution role, so the
 * run starter needs no resource policy per schedule (rules need {@code lambda:AddPermission} for
 * each); it takes the same {@code rate()}/{@code cron()} expressions; and an account may hold a
 * million schedules, against 300 rules per event bus.
 */
record Schedules(SchedulerClient scheduler, String group, String runStarterArn, String roleArn) {

    /** Scheduler fills these in at each delivery. */
    static final String SCHEDULED_TIME = "<aws.scheduler.scheduled-time>";
    static final String SCHEDULE_ARN = "<aws.scheduler.schedule-arn>";

    Schedules {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(runStarterArn, "runStarterArn");
        Objects.requireNonNull(roleArn, "roleArn");
    }

    /** Creates or replaces the schedule {@code name} that starts {@code sequence} on {@code expression} (UTC). */
    void put(String name, String expression, String sequence) {
        Target target = Target.builder().arn(runStarterArn).roleArn(roleArn).input(input(sequence))
                .retryPolicy(r -> r.maximumRetryAttempts(3).maximumEventAgeInSeconds(3600)).build();
        String description = "Starts crawl sequence " + sequence;
        try {
            scheduler.updateSchedule(b -> b.name(name).groupName(group).scheduleExpression(expression)
                    .scheduleExpressionTimezone("UTC").flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                    .target(target).state(ScheduleState.ENABLED).description(description)
                    .actionAfterCompletion(ActionAfterCompletion.NONE));
        } catch (ResourceNotFoundException e) {
            try {
                scheduler.createSchedule(b -> b.name(name).groupName(group).scheduleExpression(expression)
                        .scheduleExpressionTimezone("UTC").flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                        .target(target).state(ScheduleState.ENABLED).description(description)
                        .actionAfterCompletion(ActionAfterCompletion.NONE));
            } catch (ConflictException raced) {
                put(name, expression, sequence);
            }
        }
    }

    /** Deletes the schedule; true when there was one. */
    boolean remove(String name) {
        try {
            scheduler.deleteSchedule(b -> b.name(name).groupName(group));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    static String input(String sequence) {
        ObjectNode input = LambdaJson.object();
        input.put("sequence", sequence);
        input.put("scheduledTime", SCHEDULED_TIME);
        input.put("scheduleArn", SCHEDULE_ARN);
        return LambdaJson.text(input);
    }
}

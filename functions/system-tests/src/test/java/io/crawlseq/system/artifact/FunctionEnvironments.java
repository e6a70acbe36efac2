package io.crawlseq.system.artifact;

import io.crawlseq.functions.control.FunctionArns;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.LambdaSettings;
import io.crawlseq.localstack.LocalAwsClients;
import io.crawlseq.store.tables.StoreTable;
import io.crawlseq.store.tables.TableNames;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment template.yaml gives a function, pointed at local endpoints the way a deployed
 * function's code is pointed anywhere: {@code AWS_ENDPOINT_URL_<SERVICE>}, read by the SDK itself.
 */
public final class FunctionEnvironments {

    private FunctionEnvironments() {
    }

    public static Map<String, String> base(String functionName, TableNames tables, String resultsBucket, URI dynamoDb,
                                           URI s3) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("AWS_REGION", LocalAwsClients.REGION.id());
        env.put("AWS_ACCESS_KEY_ID", LocalAwsClients.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", LocalAwsClients.SECRET_ACCESS_KEY);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.toString());
        env.put("AWS_ENDPOINT_URL_S3", s3.toString());
        env.put("CRAWLSEQ_S3_PATH_STYLE", "true");
        for (StoreTable table : StoreTable.values()) {
            env.put(table.environmentVariable(), tables.of(table));
        }
        env.put("RESULTS_BUCKET", resultsBucket);
        env.put("CRAWLSEQ_NAME_PREFIX", "crawlseq-");
        env.put("SEQUENCES_PREFIX", "sequences/");
        env.put("POWERTOOLS_METRICS_NAMESPACE", "crawlseq");
        env.put("POWERTOOLS_LOG_LEVEL", "INFO");
        env.put("LOG4J_CONFIGURATION_FILE", "crawlseq-lambda-log4j2.xml");
        return env;
    }

    public static Map<String, String> deployer(Map<String, String> base, URI stepFunctions, URI scheduler) {
        Map<String, String> arns = new TreeMap<>();
        CommandRegistry.standard().deployed().forEach(spec -> {
            LambdaSettings lambda = spec.lambda().orElseThrow();
            arns.put(lambda.arnSubstitutionName(), "arn:aws:lambda:us-east-1:123456789012:function:crawlseq-"
                    + lambda.logicalId() + ":live");
        });
        Map<String, String> env = new LinkedHashMap<>(base);
        env.put("AWS_ENDPOINT_URL_SFN", stepFunctions.toString());
        env.put("AWS_ENDPOINT_URL_SCHEDULER", scheduler.toString());
        env.put(FunctionArns.ENVIRONMENT_VARIABLE, LambdaJson.text(LambdaJson.mapper().valueToTree(arns)));
        env.put("STATE_MACHINE_ROLE_ARN", "arn:aws:iam::123456789012:role/crawlseq-StateMachineRole");
        env.put("STATE_MACHINE_ARN_PREFIX", "arn:aws:states:us-east-1:123456789012:stateMachine:");
        env.put("SCHEDULE_GROUP", "crawlseq");
        env.put("SCHEDULER_ROLE_ARN", "arn:aws:iam::123456789012:role/crawlseq-SchedulerRole");
        env.put("RUN_STARTER_ARN", "arn:aws:lambda:us-east-1:123456789012:function:crawlseq-RunStarterFunction:live");
        env.put("POWERTOOLS_SERVICE_NAME", "sequence-deployer");
        return env;
    }

    /** A logWarning task payload; {@code {{invocation}}} gives each invocation its own run. */
    public static String logWarningTask() {
        return """
                {"command": "logWarning", "stepId": "warn", "args": {"message": "no hubs found"},
                 "context": {"startUrl": "https://news.example/"}, "runId": "artifact-{{invocation}}", "continuation": null}
                """;
    }

    /** An S3 upload event for {@code key} in {@code bucket}; {@code {{invocation}}} varies the sequencer. */
    public static String upload(String bucket, String key, String versionId) {
        return """
                {"Records": [{"eventSource": "aws:s3", "eventName": "ObjectCreated:Put", "s3": {
                  "bucket": {"name": "%s"}, "object": {"key": "%s", "versionId": "%s", "sequencer": "10{{invocation}}"}}}]}
                """.formatted(bucket, key, versionId);
    }
}
